package org.jacobianlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jacobianlens.core.sweep.SweepPoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {


    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static CommandResult sweep(String... args) {
        return CommandResult.run(SweepCommand::execute, args);
    }

    private static String[] with(String[] common, String... more) {
        return CommandResult.with(common, more);
    }

    private static void assertPng(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII), file.toString());
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file.toString());
        assertEquals(1600, img.getWidth());
        assertEquals(1000, img.getHeight());
    }

    @Tag("slow") // about 16 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void noiseSweepWritesOneCsvRowPerPointAndTheSummaryCharts(@TempDir Path dir) throws IOException {
        String[] common = {"--dataset", "blobs", "--n", "60", "--test", "30", "--width", "128", "--steps", "50",
            "--analyze-every", "25", "--seed", "2"};
        Path out = dir.resolve("noise");
        CommandResult r = sweep(with(common, "--kind", "noise", "--values", "0,0.5,1", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        for (int i = 1; i <= 3; i++) {
            assertTrue(r.err().contains("point " + i + "/3 (p = "), r.err());
        }

        List<String> csv = Files.readAllLines(out.resolve("sweep-seeds.csv"));
        assertEquals(4, csv.size());
        String[] header = csv.get(0).split(",");
        assertEquals(SweepPoint.class.getRecordComponents().length, header.length);
        assertEquals("value", header[0]);
        List<String> cols = Arrays.asList(header);
        for (String c : List.of("train_error", "test_error", "train_loss", "complexity", "energy_top_init",
                "energy_top_end", "energy_info_init", "energy_info_end", "steps_to_threshold",
                "predicted_steps_to_threshold", "alignment_init", "alignment_end", "centered_alignment_init",
                "centered_alignment_end", "kernel_drift", "ntk_distance", "weight_movement", "state", "message")) {
            assertTrue(cols.contains(c), c + " in " + csv.get(0));
        }
        double[] values = new double[3];
        for (int i = 0; i < 3; i++) {
            String[] row = csv.get(i + 1).split(",", -1);
            assertEquals(header.length, row.length, csv.get(i + 1));
            values[i] = Double.parseDouble(row[0]);
            assertEquals("FINISHED", row[cols.indexOf("state")]);
            assertEquals("50", row[cols.indexOf("steps")]);
        }
        assertEquals(List.of(0.0, 0.5, 1.0), Arrays.stream(values).boxed().toList());

        // One seed: sweep.csv has one row per value whose means are that seed's numbers and whose spread is empty.
        List<String> perValue = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(4, perValue.size());
        List<String> vcols = Arrays.asList(perValue.get(0).split(","));
        for (int i = 1; i <= 3; i++) {
            String[] v = perValue.get(i).split(",", -1);
            String[] p = csv.get(i).split(",", -1);
            assertEquals("1", v[vcols.indexOf("seeds_planned")]);
            assertEquals("1", v[vcols.indexOf("seeds_finished")]);
            assertEquals(Double.parseDouble(p[cols.indexOf("test_error")]),
                    Double.parseDouble(v[vcols.indexOf("test_error_mean")]));
            assertEquals("", v[vcols.indexOf("test_error_std")], "one seed has no sample spread");
        }

        // The p = 0 row against the run command on the same options: same complexity and final training loss.
        Path single = dir.resolve("single");
        assertEquals(0, RunCommand.execute(with(common, "--noise", "0", "--out", single.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
        JsonNode run = new ObjectMapper().readTree(single.resolve("run.json").toFile());
        String[] row0 = csv.get(1).split(",", -1);
        assertEquals(run.at("/theory/complexity_noisy_labels").asDouble(),
                Double.parseDouble(row0[cols.indexOf("complexity")]), 1e-12);
        List<String> curves = Files.readAllLines(single.resolve("curves.csv"));
        double lastLoss = Double.parseDouble(curves.get(curves.size() - 1).split(",")[1]);
        assertEquals(lastLoss, Double.parseDouble(row0[cols.indexOf("train_loss")]), 1e-12);

        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertEquals("noise", json.at("/kind").asText());
        assertEquals(3, json.at("/points").size());
        assertEquals(0.5, json.at("/points/1/value").asDouble());
        assertEquals(128, json.at("/base_config/width").asInt());
        assertTrue(json.at("/versions/java").asText().length() > 0);

        List<String> charts = List.of("error-vs-p.png", "complexity-vs-p.png", "energy-vs-p.png", "steps-vs-p.png",
                "alignment-vs-p.png");
        assertEquals(charts.size(), json.at("/charts").size());
        for (String c : charts) {
            assertPng(out.resolve(c));
        }
    }

    @Tag("slow") // about 8 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void widthSweepWritesTheWidthCharts(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("width");
        CommandResult r = sweep("--kind", "width", "--values", "32,128,512", "--dataset", "blobs", "--n", "40", "--test", "20",
                "--steps", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(4, csv.size());
        int col = Arrays.asList(csv.get(0).split(",")).indexOf("ntk_distance_mean");
        double[] d = csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[col])).toArray();
        assertTrue(d[0] > d[2] && d[2] > 0, "the initial NTK approaches H∞ with width: " + Arrays.toString(d));
        for (String c : List.of("test-error-vs-width.png", "ntk-distance-vs-width.png",
                "weight-movement-vs-width.png")) {
            assertPng(out.resolve(c));
        }
        assertTrue(Files.notExists(out.resolve("error-vs-p.png")));
    }

    @Test
    void badOptionsGiveOneLineAndExitCodeTwo(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        for (String[] bad : List.of(new String[] {"--values", "0,1", "--out", out},
                new String[] {"--kind", "depth", "--out", out},
                new String[] {"--kind", "noise", "--values", "0,x", "--out", out},
                new String[] {"--kind", "noise", "--values", "0,2", "--out", out},
                new String[] {"--kind", "noise", "--noise", "0.5", "--out", out},
                new String[] {"--kind", "width", "--values", "64,100.5", "--out", out},
                new String[] {"--kind", "width", "--top-k", "0", "--out", out},
                new String[] {"--kind", "width", "--threshold", "1.5", "--out", out},
                new String[] {"--kind", "width", "--bogus", "1", "--out", out},
                new String[] {"--kind", "noise", "--seeds", "0", "--out", out},
                new String[] {"--kind", "noise", "--seeds", "1,1", "--out", out},
                new String[] {"--kind", "noise", "--out", out, "--plan", out},
                new String[] {"--point", out, "x"}, new String[] {"--point", out, "0", "--n", "5"},
                new String[] {"--collect", out, "--kind", "noise"},
                new String[] {"--kind", "noise", "--out", out, "--workers", "0"},
                new String[] {"--kind", "noise", "--plan", dir.resolve("a b").toString()},
                new String[] {"--kind", "noise"}, new String[] {"--kind"})) {
            CommandResult r = sweep(bad);
            assertEquals(2, r.code(), String.join(" ", bad));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("jacobian-lens sweep: "), r.err());
        }
        assertTrue(Files.notExists(dir.resolve("o")), "nothing written for bad options");
    }

    @Test
    void helpListsTheSweepAndTheRunOptions() {
        CommandResult r = sweep("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: jacobian-lens sweep"), r.out());
        assertTrue(r.out().contains("--values") && r.out().contains("--dataset") && r.out().contains("--steps"));
    }
}
