package org.jacobianlens.app.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jacobianlens.app.build.Versions;
import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.app.json.ConfigUpgrade;
import org.jacobianlens.app.json.Json;
import org.jacobianlens.app.json.JsonProblem;
import org.jacobianlens.core.linalg.NativeSettings;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.PointSpec;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * The files of a plan folder: {@code plan.json} (the whole plan, versioned, with the program and native settings
 * that planned it), {@code points/NNNN.json} (one self-contained point each: a point process reads only its own),
 * the engine files ({@link EngineFiles}) and the empty {@code results/} and {@code logs/} folders the points
 * fill.
 */
public final class PlanFiles {
    /** The plan's description. */
    public static final String PLAN = "plan.json";
    static final String PLAN_FORMAT = "jacobian-lens-sweep-plan";
    static final String POINT_FORMAT = "jacobian-lens-sweep-point";

    private PlanFiles() {
    }

    /**
     * plan.json.
     *
     * @param order how a point's index maps to a value and a seed
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Plan(String format, int version, String kind, double[] values, long[] seeds, int topK,
                double thresholdFraction, RunConfig baseConfig, int points, String order, EngineOptions engines,
                Versions versions) {
        SweepPlan plan() {
            return new SweepPlan(new SweepSpec(baseConfig, SweepSpec.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                    values, topK, thresholdFraction), seeds);
        }
    }

    /** points/NNNN.json: everything one point process needs. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Point(String format, int version, int index, int points, String kind, int valueIndex, double value,
                 long seed, int topK, double thresholdFraction, RunConfig config, Versions plannedBy) {
        PointSpec spec() {
            return new PointSpec(index, valueIndex, value, seed, config, topK, thresholdFraction);
        }
    }

    /** A point's file and folder name: its index with at least four digits ({@code 0007}). */
    public static String name(int index) {
        return String.format(Locale.ROOT, "%04d", index);
    }

    /** Where point {@code index}'s spec is. */
    public static Path pointFile(Path dir, int index) {
        return dir.resolve("points").resolve(name(index) + ".json");
    }

    /** Where point {@code index}'s result folder goes. */
    public static Path resultDir(Path dir, int index) {
        return dir.resolve("results").resolve(name(index));
    }

    /** Writes plan.json, every point file, the engine files and the results/ and logs/ folders into {@code dir}. */
    public static void write(Path dir, SweepPlan plan, EngineOptions engines, Path finalDir) throws IOException {
        SweepSpec spec = plan.spec();
        String kind = spec.kind().name().toLowerCase(Locale.ROOT);
        Versions versions = Versions.of(spec.base().precision(), NativeSettings.describe(System.getenv()));
        Plan p = new Plan(PLAN_FORMAT, 1, kind, spec.values(), plan.seeds(), spec.topK(), spec.thresholdFraction(),
                spec.base(), plan.size(), "point i trains value i / seeds and seed i mod seeds", engines, versions);
        AtomicFiles.write(dir.resolve(PLAN), Json.MAPPER.writeValueAsBytes(p));
        for (int i = 0; i < plan.size(); i++) {
            PointSpec q = plan.point(i);
            Point f = new Point(POINT_FORMAT, 1, i, plan.size(), kind, q.valueIndex(), q.value(), q.seed(), q.topK(),
                    q.thresholdFraction(), q.config(), versions);
            AtomicFiles.write(pointFile(dir, i), Json.MAPPER.writeValueAsBytes(f));
        }
        Files.createDirectories(dir.resolve("results"));
        Files.createDirectories(dir.resolve("logs"));
        AtomicFiles.write(dir.resolve(EngineFiles.SLURM), EngineFiles.slurm(finalDir, plan.size(), engines)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(EngineFiles.K8S), EngineFiles.kubernetes(finalDir, plan.size(), engines)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The plan in {@code dir}; one sentence when it is missing or not a plan. */
    public static SweepPlan readPlan(Path dir) throws IOException {
        Plan p = read(dir.resolve(PLAN), Plan.class, PLAN_FORMAT, dir + " holds no sweep plan (" + PLAN
                + " is missing); make one with sweep --plan");
        try {
            return p.plan();
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve(PLAN) + " is not a valid plan: " + e.getMessage(), e);
        }
    }

    /** Point {@code index} of the plan in {@code dir}; one sentence when it is missing or not a point. */
    public static PointSpec readPoint(Path dir, int index) throws IOException {
        Path file = pointFile(dir, index);
        Point p = read(file, Point.class, POINT_FORMAT, dir + " has no point " + index + " (" + file + " is missing)");
        if (p.index() != index) {
            throw new IOException(file + " describes point " + p.index() + ", not " + index);
        }
        try {
            return p.spec();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid point: " + e.getMessage(), e);
        }
    }

    /** The program version that wrote the point file (to warn when another one runs it). */
    public static String plannedVersion(Path dir, int index) throws IOException {
        return read(pointFile(dir, index), Point.class, POINT_FORMAT, "").plannedBy().jacobianLens();
    }

    private static <T> T read(Path file, Class<T> type, String format, String missing) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(missing, e);
        }
        JsonNode tree = null;
        try {
            tree = Json.MAPPER.readTree(bytes);
            // a plan written by an older version still runs: its run configuration gains the fields added since,
            // with the values that reproduce what that version did
            ConfigUpgrade.upgrade(tree.get("base_config"));
            ConfigUpgrade.upgrade(tree.get("config"));
            T value = Json.MAPPER.treeToValue(tree, type);
            String f = value instanceof Plan p ? p.format() : ((Point) value).format();
            if (!format.equals(f)) {
                throw new IOException(file + " is not a " + format + " file (its format is " + f + ")");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + JsonProblem.describe(e, tree, bytes.length), e);
        }
    }
}
