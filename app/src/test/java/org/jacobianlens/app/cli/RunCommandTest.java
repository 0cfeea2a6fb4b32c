package org.jacobianlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jacobianlens.app.ThreeVsFive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {


    private static CommandResult run(String... args) {
        return CommandResult.run(RunCommand::execute, args);
    }

    @Test
    void badOptionsGiveOneLineAndExitCodeTwo(@TempDir Path dir) {
        String out = dir.toString();
        for (String[] bad : List.of(new String[] {"--noise", "1.5", "--out", out},
                new String[] {"--model", "cnn", "--out", out}, new String[] {"--n", "many", "--out", out},
                new String[] {"--bogus", "1", "--out", out}, new String[] {"--n", "10"},
                new String[] {"--classes", "3", "--out", out}, new String[] {"--width"})) {
            CommandResult r = run(bad);
            assertEquals(2, r.code(), String.join(" ", bad));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("jacobian-lens run: "), r.err());
        }
    }

    @Test
    void aMissingFileIsReportedWithoutAStackTrace(@TempDir Path dir) {
        CommandResult r = run("--dataset", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nope.csv"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void writesEveryFileWithConsistentContents(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CommandResult r = run(CommandResult.with(ThreeVsFive.options(60, 30), "--noise", "0.5", "--width", "128",
                "--steps", "40", "--analyze-every", "20", "--analyze-n", "50", "--seed", "4", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("step 40/40"), "progress on stderr: " + r.err());

        List<String> train = Files.readAllLines(out.resolve("train.csv"));
        assertEquals(61, train.size());
        assertTrue(train.get(0).startsWith("x0,x1,") && train.get(0).endsWith(",label,clean_label"));
        long changed = train.stream().skip(1).map(l -> l.split(","))
                .filter(f -> !f[f.length - 1].equals(f[f.length - 2])).count();

        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(30, json.at("/data/corrupted_positions").asInt());
        assertEquals(changed, json.at("/data/labels_changed").asLong());
        assertEquals("FINISHED", json.at("/final_state").asText());
        assertEquals(0.5, json.at("/config/data/noise").asDouble());
        assertTrue(json.at("/data/preprocessing").asText().contains("unit norm"));
        assertTrue(json.at("/theory/complexity_noisy_labels").asDouble() > 0);
        // train.csv's labels are indices into the class list, and the first class is the −1 target
        assertTrue(json.at("/data/labels").asText().contains("class indices 0..K-1"));
        assertEquals("3", json.at("/data/classes/0").asText());
        assertTrue(json.at("/data/targets").asText().startsWith("scalar: class index 0 (classes[0]) trained as -1"));
        assertTrue(train.stream().skip(1).allMatch(l -> l.endsWith(",0") || l.endsWith(",1")), "indices, not 3/5");
        // the bounds of the last weight frame, with what they leave out and the rank's tolerance
        assertEquals(40, json.at("/bounds/step").asInt());
        assertTrue(json.at("/bounds/biases").asText().startsWith("left out of all four"));
        assertEquals(0.99, json.at("/bounds/energy_fraction").asDouble());
        assertEquals(0.001, json.at("/bounds/numerical_rank_tau").asDouble());
        assertTrue(json.at("/bounds/pinto_rank").asText().contains("truncated"));
        assertEquals(2, json.at("/bounds/energy_ranks").size());

        List<String> curves = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals("step,train_loss,test_loss,train_acc,test_acc,clean_loss,corrupted_loss,clean_acc,corrupted_acc",
                curves.get(0));
        assertEquals("40", curves.get(curves.size() - 1).split(",")[0]);

        // Per frame, projections of the ±1 labels sum to ‖y‖² = n_a.
        Map<String, Double> sums = new TreeMap<>();
        List<String> proj = Files.readAllLines(out.resolve("projections.csv"));
        assertEquals("step,index,eigenvalue,projection_noisy,projection_clean,projection_residual", proj.get(0));
        for (String line : proj.subList(1, proj.size())) {
            String[] f = line.split(",");
            sums.merge(f[0], Double.parseDouble(f[3]), Double::sum);
        }
        assertEquals(List.of("0", "20", "40"), List.copyOf(sums.keySet()));
        sums.values().forEach(s -> assertEquals(50.0, s, 1e-8));
        assertEquals(1 + 3 * 50, Files.readAllLines(out.resolve("spectrum.csv")).size());
        List<String> theory = Files.readAllLines(out.resolve("theory.csv"));
        assertEquals(50, theory.stream().filter(l -> l.startsWith("hinf,")).count());
        assertTrue(theory.stream().anyMatch(l -> l.startsWith("predicted,40,")));
        assertEquals("kind,index_or_step,eigenvalue,projection_noisy,projection_clean,predicted_mean_loss_from_u0,"
                + "predicted_loss_error",
                theory.get(0));
        assertTrue(json.at("/theory/predicted_curve_includes_initial_output").asBoolean());

        // One alignment row per frame; the residual split adds up to the residual's energy (n_a · 2 · loss on the
        // analysed examples is not the full-set loss, so only check the split is non-negative and complete).
        List<String> align = Files.readAllLines(out.resolve("alignment.csv"));
        assertEquals(4, align.size());
        assertEquals("0", align.get(1).split(",")[0]);
        assertEquals(0.0, Double.parseDouble(align.get(1).split(",")[3]), 0.0, "no kernel drift at step 0");
        // weights.csv: two layers (W and a/√m) plus one bound row per frame
        List<String> weights = Files.readAllLines(out.resolve("weights.csv"));
        assertEquals(1 + 3 * 3, weights.size());
        assertEquals("step,layer,spectral_norm,frobenius,stable_rank,numerical_rank_tau_0.001,energy_rank_99pct,"
                + "relative_movement,gamma,margin_loss,log10_bartlett,log10_neyshabur,log10_golowich,"
                + "log10_pinto_truncated,truncated_gamma,truncated_margin_loss,truncated_train_acc,truncated_test_acc",
                weights.get(0));
        assertTrue(weights.get(3).startsWith("0,all,"));
        for (String row : weights.subList(1, weights.size())) {
            assertEquals(18, row.split(",", -1).length, "every row has every column: " + row);
        }
        // The last frame's energy ranks are the ranks run.json gives; the truncated network has an accuracy.
        String[] end = weights.get(weights.size() - 1).split(",", -1);
        assertEquals(json.at("/bounds/truncated_train_acc").asDouble(), Double.parseDouble(end[16]));
        assertEquals(json.at("/bounds/energy_ranks/0").asInt(),
                Integer.parseInt(weights.get(weights.size() - 3).split(",")[6]));
        // The linearized twin starts exactly where the network starts.
        List<String> linear = Files.readAllLines(out.resolve("linear.csv"));
        assertEquals(curves.size(), linear.size());
        String[] net0 = curves.get(1).split(",");
        String[] lin0 = linear.get(1).split(",");
        for (int i = 0; i < net0.length; i++) {
            assertEquals(Double.parseDouble(net0[i]), Double.parseDouble(lin0[i]), 1e-12, "column " + i);
        }
    }

    @Test
    void aSecondRunIntoTheSameOutIsRefusedWhileTheFirstWrites(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("shared");
        java.util.concurrent.CountDownLatch training = new java.util.concurrent.CountDownLatch(1);
        // The first run's stderr: its first progress line ('\r') says it trains, so it holds the lock.
        PrintStream firstErr = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\r') {
                    training.countDown();
                }
            }
        }, true, StandardCharsets.UTF_8);
        java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> RunCommand.execute(new String[] {"--dataset", "xor", "--n", "200", "--test", "10", "--width",
                    "256", "--steps", "120", "--analyze-every", "0", "--no-theory", "--out", out.toString()},
                        new PrintStream(new ByteArrayOutputStream()), firstErr));
        training.await();
        CommandResult second = run("--dataset", "xor", "--n", "20", "--test", "5", "--width", "8", "--steps", "1",
                "--out", out.toString());
        assertEquals(2, second.code(), second.err());
        assertTrue(second.err().startsWith("jacobian-lens run: --out another run (pid "
                + ProcessHandle.current().pid() + ", started "), second.err());
        assertTrue(second.err().strip().endsWith("is writing " + out + "; wait for it to finish or choose another --out"),
                second.err());
        assertEquals(0, first.get());
        assertTrue(Files.isRegularFile(out.resolve("run.json")), "the first run wrote its set");
        assertTrue(Files.notExists(dir.resolve("shared.previous")), "the refused run replaced nothing");
    }

    /** On by default for the 2-D sets, off for images, either way by flag; run.json says which and what b was. */
    @Test
    void theBiasInputFollowsTheDatasetUnlessToldAndIsRecorded(@TempDir Path dir) throws IOException {
        String[][] cases = {{"spirals", null, "true", "3"}, {"spirals", "--no-bias-input", "false", "2"},
            {"digits", null, "false", "64"}, {"digits", "--bias-input", "true", "65"}};
        int i = 0;
        for (String[] c : cases) {
            Path out = dir.resolve("r" + i++);
            List<String> args = new java.util.ArrayList<>(List.of("--dataset", c[0], "--n", "20", "--test", "6",
                    "--width", "8", "--steps", "2", "--analyze-n", "20", "--out", out.toString()));
            if (c[0].equals("digits")) {
                args.addAll(List.of("--classes", "3,5"));
            }
            if (c[1] != null) {
                args.add(c[1]);
            }
            CommandResult r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
            String what = String.join(" ", args);
            assertEquals(Boolean.parseBoolean(c[2]), json.at("/config/data/biasInput").asBoolean(), what);
            assertEquals(Integer.parseInt(c[3]), json.at("/data/dim").asInt(), what);
            assertEquals(Boolean.parseBoolean(c[2]), json.at("/data/preprocessing").asText()
                    .contains("constant coordinate b = "), json.at("/data/preprocessing").asText());
        }
    }

    @Test
    void aRepeatedRunKeepsThePreviousSet(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        for (String seed : List.of("1", "2")) {
            CommandResult r = run("--dataset", "xor", "--n", "20", "--test", "5", "--width", "8", "--steps", "2", "--seed",
                    seed, "--out", out.toString());
            assertEquals(0, r.code(), r.err());
        }
        ObjectMapper m = new ObjectMapper();
        assertEquals(2, m.readTree(out.resolve("run.json").toFile()).at("/config/seed").asInt());
        assertEquals(1, m.readTree(dir.resolve("r.previous/run.json").toFile()).at("/config/seed").asInt());
    }

    /** Issue 15: divergence is not success; the step is named, the state recorded, no NaN written. */
    @Test
    void aDivergingRunExitsThreeWithTheStepAndRecordsTheState(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CommandResult r = run(CommandResult.with(ThreeVsFive.options(100, 50), "--steps", "20", "--lr", "1e9", "--out",
                out.toString()));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step 1: "), r.err());
        assertTrue(r.err().contains("lower the learning rate"), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("DIVERGED", json.at("/final_state").asText());
        for (String csv : List.of("curves.csv", "theory.csv", "linear.csv", "projections.csv")) {
            String text = Files.readString(out.resolve(csv));
            assertTrue(!text.contains("NaN") && !text.contains("Infinity"), csv + " holds a non-finite number");
        }
    }

    /** Issue 15: a run that cannot fit is refused in one line before any training, and writes nothing. */
    @Test
    void aRunTooBigForThisJvmIsRefusedBeforeTraining(@TempDir Path dir) {
        Path out = dir.resolve("run");
        CommandResult r = run("--dataset", "blobs", "--n", "10000", "--test", "2000", "--width", "8192", "--analyze-n",
                "10000", "--steps", "5", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("jacobian-lens run: n = 10,000 with width 8,192"), r.err());
        assertTrue(last.contains(" needs ≈ ") && last.contains("this run may use"), last);
        assertTrue(!r.err().contains("step 1"), "no training step: " + r.err());
        assertTrue(!Files.exists(out), "nothing written");
    }
}
