package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planned sweep through a real single-node Slurm cluster: {@code sbatch --wait} on the plan's slurm.sbatch runs
 * the job array, {@code sweep --collect} merges the results, and the numbers equal those of the same plan run in
 * one local process, to the last digit. Uses the cluster {@code .ci/run} started ({@code SLURM_CONF}), or starts
 * one with {@code .ci/slurm-up} and stops it afterwards. Skipped only where {@code sbatch} is not available.
 */
class SlurmSweepIT {
    private static final Path CI = Path.of("..", ".ci").toAbsolutePath().normalize();
    private static String slurmConf;
    private static Path ownCluster;

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(onPath("sbatch"), "sbatch is not available (install slurm-wlm and munge, as .ci/slurm-up does "
                + "when root): the Slurm sweep test is skipped");
        slurmConf = System.getenv("SLURM_CONF");
        if (slurmConf == null || slurmConf.isBlank()) {
            ownCluster = Files.createTempDirectory("jacobian-lens-slurm-");
            Process up = new ProcessBuilder(CI.resolve("slurm-up").toString(), ownCluster.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(up.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, up.exitValue(), ".ci/slurm-up failed: " + out);
            assertTrue(out.startsWith("export SLURM_CONF="), "sbatch is installed but .ci/slurm-up started no "
                    + "cluster (it needs root); run it as root first: " + out);
            slurmConf = out.substring("export SLURM_CONF=".length());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (ownCluster != null) {
            Process down = new ProcessBuilder(CI.resolve("slurm-down").toString(), ownCluster.toString())
                    .inheritIO().start();
            down.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJobArrayGivesTheNumbersOfTheLocalSweep(@TempDir Path dir) throws Exception {
        List<String> grid = SweepCli.with(SweepCli.with(List.of("sweep", "--kind", "noise", "--values", "0,1", "--seeds",
                "2"), ThreeVsFive.options(60, 40)), "--width", "32", "--steps", "20", "--analyze-every", "10");
        Path plan = dir.resolve("plan");
        String planned = SweepCli.run(0, SweepCli.with(SweepCli.with(grid, "--plan", plan.toString(), "--parallel",
                "4", "--mem-gb", "1", "--time-minutes", "10", "--launcher"), String.join(" ", SweepCli.launcher())));
        assertTrue(planned.contains("4 points (2 values x 2 seeds) planned"), planned);

        ProcessBuilder sbatch = new ProcessBuilder("sbatch", "--wait", plan.resolve("slurm.sbatch").toString())
                .redirectErrorStream(true);
        sbatch.environment().put("SLURM_CONF", slurmConf);
        Process job = sbatch.start();
        String log = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(job.waitFor(600, TimeUnit.SECONDS), "the job array did not finish: " + log);
        assertEquals(0, job.exitValue(), "sbatch --wait: " + log + "\n" + logs(plan));
        for (int i = 0; i < 4; i++) {
            assertTrue(Files.isRegularFile(plan.resolve("results").resolve(String.format("%04d", i))
                    .resolve("point.json")), "point " + i + " ran: " + logs(plan));
            assertTrue(Files.isRegularFile(plan.resolve("logs").resolve("point-" + i + ".err")), "its log");
        }
        String collected = SweepCli.run(0, List.of("sweep", "--collect", plan.toString()));
        assertTrue(collected.contains("collected 4 of 4 points"), collected);

        Path local = dir.resolve("local");
        SweepCli.run(0, SweepCli.with(grid, "--out", local.toString()));
        for (String f : List.of("sweep.csv", "sweep-seeds.csv")) {
            assertEquals(Files.readString(local.resolve(f)), Files.readString(plan.resolve(f)), f);
        }
    }

    private static String logs(Path plan) throws Exception {
        StringBuilder b = new StringBuilder();
        try (var s = Files.list(plan.resolve("logs"))) {
            for (Path f : s.sorted().toList()) {
                String t = Files.readString(f);
                b.append(f.getFileName()).append(": ").append(t.length() > 400 ? t.substring(t.length() - 400) : t)
                        .append('\n');
            }
        }
        return b.toString();
    }
}
