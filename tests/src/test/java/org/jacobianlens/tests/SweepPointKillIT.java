package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point process killed ({@code destroyForcibly}, SIGKILL) while it trains, as a preempted job-array task is: it
 * leaves no result folder (at most its clearly named temporary folder), and the task run again writes the complete
 * result, removing the leftover.
 */
class SweepPointKillIT {

    @Test
    void aKilledPointLeavesNoResultAndRerunsCleanly(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan");
        SweepCli.run(0, SweepCli.with(SweepCli.with(List.of("sweep", "--plan", plan.toString(), "--kind", "width",
                "--values", "32"), ThreeVsFive.options(60, 50)), "--steps", "1500", "--analyze-every", "0"));
        Path results = plan.resolve("results");
        Process p = SweepCli.cli(List.of("sweep", "--point", plan.toString(), "0")).start();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = log.readLine()) != null && !line.contains("training into")) {
                // wait until the point is writing into its temporary folder
            }
            assertTrue(line != null, "the point said where it writes");
            p.destroyForcibly();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.notExists(results.resolve("0000")), "a killed point leaves no result folder");
        for (String n : names(results)) {
            assertTrue(n.startsWith(".0000.partial-") || n.equals(".0000.lock"), "only clearly named leftovers: " + n);
        }

        String again = SweepCli.run(0, List.of("sweep", "--point", plan.toString(), "0"));
        assertTrue(again.contains("left by an interrupted run"), again);
        assertEquals(List.of("0000"), names(results), "the rerun cleans up and writes its result");
        JsonNode point = new ObjectMapper().readTree(results.resolve("0000/point.json").toFile());
        assertEquals("FINISHED", point.at("/point/state").asText());
        assertEquals(1500, point.at("/point/steps").asInt());
        assertTrue(Files.isRegularFile(results.resolve("0000/run.json")));
        String collect = SweepCli.run(0, List.of("sweep", "--collect", plan.toString()));
        assertTrue(collect.contains("collected 1 of 1 points"), collect);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
