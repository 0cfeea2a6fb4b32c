package org.jacobianlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jacobianlens.app.plan.PlanFiles;
import org.jacobianlens.app.plan.PointResults;
import org.jacobianlens.app.plan.SweepFolder;
import org.jacobianlens.core.sweep.SweepPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --plan}, {@code --point} and {@code --collect} in process, against the local {@code --out} sweep. */
class PlanCommandTest {
    /** 2 noise levels × 2 seeds of a small two-layer net: seconds per point. */
    private static final String[] GRID = {"--kind", "noise", "--values", "0,1", "--seeds", "2", "--dataset", "blobs",
        "--n", "40", "--test", "20", "--width", "32", "--steps", "20", "--analyze-every", "10"};


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

    private static Path plan(Path dir, String... more) {
        Path p = dir.resolve("plan");
        CommandResult r = sweep(with(with(GRID, "--plan", p.toString()), more));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("4 points (2 values x 2 seeds) planned in "), r.out());
        return p;
    }

    private static void point(Path plan, int i) {
        CommandResult r = sweep("--point", plan.toString(), Integer.toString(i));
        assertEquals(0, r.code(), r.err());
    }

    /** Plan → every point in its own call → collect gives byte-identical CSVs to the sweep run in one process. */
    @Test
    void planPointsCollectEqualsTheLocalSweep(@TempDir Path dir) throws IOException {
        Path plan = plan(dir);
        for (int i = 0; i < 4; i++) {
            assertTrue(Files.isRegularFile(PlanFiles.pointFile(plan, i)));
            point(plan, i);
            assertTrue(Files.isRegularFile(PlanFiles.resultDir(plan, i).resolve("run.json")), "the run files");
        }
        CommandResult c = sweep("--collect", plan.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("collected 4 of 4 points"), c.err());

        Path local = dir.resolve("local");
        CommandResult l = sweep(with(GRID, "--out", local.toString(), "--workers", "2"));
        assertEquals(0, l.code(), l.err());
        for (String f : List.of("sweep.csv", "sweep-seeds.csv")) {
            assertEquals(Files.readString(local.resolve(f)), Files.readString(plan.resolve(f)), f);
        }
        assertEquals(5, Files.readAllLines(plan.resolve("sweep-seeds.csv")).size());
        assertTrue(Files.isRegularFile(plan.resolve("error-vs-p.png")));
        JsonNode json = new ObjectMapper().readTree(plan.resolve("sweep.json").toFile());
        assertEquals(0, json.at("/missing_points").size());
        assertEquals(2, json.at("/value_rows").size());

        // The app's sweep window reads both folders back to the same points.
        List<SweepPoint> fromPlan = SweepFolder.read(plan).points();
        assertEquals(fromPlan, SweepFolder.read(local).points());
        assertEquals(4, fromPlan.size());

        // A sweep.json written before the training precision and the bias input existed still opens.
        Path sweepJson = local.resolve("sweep.json");
        ObjectMapper plain = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode base =
                (com.fasterxml.jackson.databind.node.ObjectNode) plain.readTree(sweepJson.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) base.get("base_config")).remove(List.of("precision",
                "analysisShare"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) base.at("/base_config/data")).remove("biasInput");
        plain.writeValue(sweepJson.toFile(), base);
        SweepFolder.Loaded old = SweepFolder.read(local);
        assertEquals(fromPlan, old.points());
        assertEquals(false, old.plan().spec().base().data().biasInput());
    }

    /** A point that has its result is not run again; removed, it runs again to the identical summary (seeded). */
    @Test
    void aPointRunsOnceAndARerunGivesTheSameSummary(@TempDir Path dir) throws IOException {
        Path plan = plan(dir);
        point(plan, 3);
        SweepPoint first = PointResults.read(plan, 3);
        CommandResult again = sweep("--point", plan.toString(), "3");
        assertEquals(0, again.code());
        assertTrue(again.err().contains("already has its result"), again.err());
        try (java.util.stream.Stream<Path> files = Files.walk(PlanFiles.resultDir(plan, 3))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        point(plan, 3);
        assertEquals(first, PointResults.read(plan, 3));
        assertEquals(PlanFiles.readPoint(plan, 3).seed(), first.seed());
        CommandResult missing = sweep("--point", plan.toString(), "4");
        assertEquals(ExitCode.USAGE, missing.code());
        assertTrue(missing.err().contains("has no point 4"), missing.err());
    }

    /**
     * A plan written before the training precision, the analysis share, the bias input and the kernel switches
     * existed still runs: its point trains what that version trained (float64, block kernel, raw label energy, no bias
     * input), so the point's result equals a fresh plan's point with those settings spelled out.
     */
    @Test
    void aPlanWrittenByAnOlderVersionStillRuns(@TempDir Path dir) throws IOException {
        Path plan = plan(dir);
        ObjectMapper plain = new ObjectMapper();
        for (Path f : List.of(plan.resolve(PlanFiles.PLAN), PlanFiles.pointFile(plan, 1))) {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) plain.readTree(f.toFile());
            String key = root.has("base_config") ? "base_config" : "config";
            com.fasterxml.jackson.databind.node.ObjectNode c =
                    (com.fasterxml.jackson.databind.node.ObjectNode) root.get(key);
            c.remove(List.of("precision", "analysisShare", "blockKernel", "centerLabels"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("data")).remove("biasInput");
            plain.writeValue(f.toFile(), root);
        }
        assertEquals(org.jacobianlens.core.model.Precision.FLOAT64,
                PlanFiles.readPlan(plan).spec().base().precision());
        point(plan, 1);
        SweepPoint old = PointResults.read(plan, 1);

        Path spelled = plan(dir.resolve("spelled"), "--precision", "float64", "--block-kernel", "--raw-label-energy",
                "--no-bias-input");
        point(spelled, 1);
        assertEquals(PointResults.read(spelled, 1), old);
    }

    /** Collect with points missing writes what there is, lists the missing ones and says so in its exit code. */
    @Test
    void collectListsMissingPoints(@TempDir Path dir) throws IOException {
        Path plan = plan(dir);
        point(plan, 0);
        point(plan, 2);
        CommandResult c = sweep("--collect", plan.toString());
        assertEquals(ExitCode.FAILED, c.code());
        assertTrue(c.err().contains("missing 2 points: 1, 3"), c.err());
        List<String> rows = Files.readAllLines(plan.resolve("sweep.csv"));
        List<String> cols = Arrays.asList(rows.get(0).split(","));
        for (int r = 1; r <= 2; r++) {
            String[] v = rows.get(r).split(",", -1);
            assertEquals("1", v[cols.indexOf("seeds_finished")]);
            assertEquals("1", v[cols.indexOf("seeds_missing")]);
        }
        JsonNode json = new ObjectMapper().readTree(plan.resolve("sweep.json").toFile());
        assertEquals("[1,3]", json.at("/missing_points").toString());
        assertEquals(3, Files.readAllLines(plan.resolve("sweep-seeds.csv")).size());
        CommandResult none = sweep("--collect", dir.resolve("nothing").toString());
        assertEquals(ExitCode.FAILED, none.code());
        assertTrue(none.err().contains("holds no sweep plan"), none.err());
    }

    /** k8s-job.yaml is YAML: an Indexed Job of 4 completions whose index selects the point; slurm.sbatch too. */
    @Test
    void engineFilesSelectThePointByIndex(@TempDir Path dir) throws IOException {
        Path plan = plan(dir, "--parallel", "3", "--cpus-per-task", "2", "--mem-gb", "6", "--time-minutes", "15",
                "--launcher", "/opt/jl/jacobian-lens", "--image", "lab/jl:1");
        String abs = plan.toAbsolutePath().normalize().toString();
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(plan.resolve("k8s-job.yaml").toFile());
        assertEquals("Job", job.at("/kind").asText());
        assertEquals("Indexed", job.at("/spec/completionMode").asText());
        assertEquals(4, job.at("/spec/completions").asInt());
        assertEquals(3, job.at("/spec/parallelism").asInt());
        JsonNode c = job.at("/spec/template/spec/containers/0");
        assertEquals("lab/jl:1", c.at("/image").asText());
        List<String> command = new ArrayList<>();
        c.at("/command").forEach(n -> command.add(n.asText()));
        assertEquals(List.of("jacobian-lens", "sweep", "--point", abs, "$(POINT_INDEX)"), command);
        assertEquals("POINT_INDEX", c.at("/env/0/name").asText());
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']",
                c.at("/env/0/valueFrom/fieldRef/fieldPath").asText());
        assertEquals("6Gi", c.at("/resources/requests/memory").asText());
        assertEquals(900, job.at("/spec/template/spec/activeDeadlineSeconds").asInt());
        assertEquals(abs, c.at("/volumeMounts/0/mountPath").asText());

        List<String> sbatch = Files.readAllLines(plan.resolve("slurm.sbatch"));
        assertTrue(sbatch.contains("#SBATCH --array=0-3%3"), String.join("\n", sbatch));
        assertTrue(sbatch.contains("#SBATCH --cpus-per-task=2"));
        assertTrue(sbatch.contains("#SBATCH --mem=6G"));
        assertTrue(sbatch.contains("#SBATCH --time=15"));
        assertTrue(sbatch.contains("#SBATCH --output=" + abs + "/logs/point-%a.out"));
        assertTrue(sbatch.contains("exec /opt/jl/jacobian-lens sweep --point " + abs + " \"$SLURM_ARRAY_TASK_ID\""));
        assertTrue(Files.isDirectory(plan.resolve("logs")) && Files.isDirectory(plan.resolve("results")));
        JsonNode pj = new ObjectMapper().readTree(plan.resolve("plan.json").toFile());
        assertEquals(4, pj.at("/points").asInt());
        assertEquals("[1,2]", pj.at("/seeds").toString());
        assertTrue(pj.at("/versions/jacobian_lens").asText().length() > 0);
        assertTrue(pj.at("/versions/native").asText().length() > 0, "the native settings that planned it");
    }
}
