package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jacobianlens.app.build.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar killed ({@code destroyForcibly}, SIGKILL) while it writes its results into a folder that holds an
 * older run: the folder must then hold the old complete set or the new complete set, never a mix, and the next run
 * removes what the killed one left.
 */
class OutputSetIT {
    private static final Path JAR = Path.of("..", "app", "target", "jacobian-lens.jar").toAbsolutePath().normalize();

    /** The CLI in a JVM of its own; the marker property stops it relaunching, so the process killed is the writer. */
    private static ProcessBuilder cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(BuildInfo.jvmArgs());
        cmd.addAll(List.of("-Djacobianlens.relaunched=true", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb;
    }

    private static String runToEnd(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "did not finish: " + log);
        assertEquals(0, p.exitValue(), log);
        return log;
    }

    /** Every file of a run, and run.json agreeing with train.csv about which data it is. */
    private static int completeSetDim(Path dir) throws IOException {
        for (String f : List.of("run.json", "train.csv", "curves.csv", "spectrum.csv", "projections.csv",
                "theory.csv", "alignment.csv", "weights.csv", ".jacobian-lens-output")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " in " + dir);
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        String header;
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("train.csv"))) {
            header = r.readLine();
        }
        int dim = json.at("/data/dim").asInt();
        assertEquals(dim + 2, header.split(",").length, "train.csv belongs to run.json");
        return dim;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunKilledWhileWritingLeavesTheOldSetOrTheNewOne(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "built by the app module's package phase: " + JAR);
        Path out = dir.resolve("demo");
        runToEnd(cli("run", "--dataset", "digits", "--n", "40", "--test", "10", "--width", "16", "--steps", "2",
                "--out", out.toString()));
        assertEquals(64, completeSetDim(out));

        // 784 columns x 6000 rows of train.csv: writing takes a while, and the kill lands in it.
        Process p = cli("run", "--dataset", "blobs:dim=784", "--n", "6000", "--test", "10", "--width", "16",
                "--steps", "1", "--analyze-n", "2", "--no-theory", "--out", out.toString()).start();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = log.readLine()) != null && !line.contains("writing ")) {
                // wait for the writer to start on its temporary folder
            }
            assertTrue(line != null, "the run said where it writes");
            p.destroyForcibly();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        int dim = completeSetDim(out);
        assertTrue(dim == 64 || dim == 784, "old or new, complete: " + dim);
        for (String n : names(dir)) {
            assertTrue(n.equals("demo") || n.equals("demo.previous") || n.equals(".demo.lock")
                    || n.startsWith(".demo.partial-"), "only clearly named leftovers: " + names(dir));
        }

        String log = runToEnd(cli("run", "--dataset", "digits", "--n", "40", "--test", "10", "--width", "16",
                "--steps", "2", "--seed", "3", "--out", out.toString()));
        assertEquals(64, completeSetDim(out));
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(".demo.")), "the next run cleaned up: " + names(dir));
        if (dim == 64) {
            assertTrue(log.contains("left by an interrupted run"), log);
        }
    }
}
