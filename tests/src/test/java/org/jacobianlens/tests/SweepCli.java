package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jacobianlens.app.build.BuildInfo;

/** The built jar as a sweep's point processes run it: a JVM of its own with the build's flags, one BLAS thread. */
final class SweepCli {
    static final Path JAR = Path.of("..", "app", "target", "jacobian-lens.jar").toAbsolutePath().normalize();

    private SweepCli() {
    }

    /** The words that start the program (what a plan's slurm.sbatch runs). */
    static List<String> launcher() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(BuildInfo.jvmArgs());
        cmd.addAll(List.of("-jar", JAR.toString()));
        return cmd;
    }

    static ProcessBuilder cli(List<String> args) {
        List<String> cmd = new ArrayList<>(launcher());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb;
    }

    /** Runs to the end and returns the output; fails on another exit code than {@code code}. */
    static String run(int code, List<String> args) throws Exception {
        Process p = cli(args).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "did not finish: " + log);
        assertEquals(code, p.exitValue(), log);
        return log;
    }

    static List<String> with(List<String> a, String... more) {
        return with(a, List.of(more));
    }

    static List<String> with(List<String> a, List<String> more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(more);
        return all;
    }
}
