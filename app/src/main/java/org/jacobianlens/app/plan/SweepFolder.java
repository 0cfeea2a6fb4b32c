package org.jacobianlens.app.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jacobianlens.app.json.ConfigUpgrade;
import org.jacobianlens.app.json.Json;
import org.jacobianlens.app.json.JsonProblem;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * Reads a sweep back from a folder, for the app's sweep window: a plan folder (its plan and whichever point results
 * exist, as {@code sweep --collect} gathers them) or a folder a local sweep wrote (its sweep.json).
 */
public final class SweepFolder {
    private SweepFolder() {
    }

    /** A sweep read from disk: its plan and its points in plan order. */
    public record Loaded(SweepPlan plan, List<SweepPoint> points) {
    }

    /** The sweep in {@code dir}; one sentence when it holds none. */
    public static Loaded read(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(PlanFiles.PLAN))) {
            PointResults.Collected c = PointResults.collect(dir);
            return new Loaded(c.plan(), c.points());
        }
        Path file = dir.resolve("sweep.json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(dir + " holds no sweep (neither plan.json nor sweep.json)", e);
        }
        try {
            JsonNode root = Json.MAPPER.readTree(bytes);
            if (!"jacobian-lens-sweep".equals(root.path("format").asText())) {
                throw new IOException(file + " is not a Jacobian Lens sweep");
            }
            ConfigUpgrade.upgrade(root.get("base_config")); // a sweep saved by an older version opens too
            RunConfig base = Json.MAPPER.treeToValue(root.get("base_config"), RunConfig.class);
            double[] values = Json.MAPPER.treeToValue(root.get("values"), double[].class);
            long[] seeds = root.has("seeds") ? Json.MAPPER.treeToValue(root.get("seeds"), long[].class)
                    : new long[] {base.seed()};
            SweepSpec spec = new SweepSpec(base, SweepSpec.Kind.valueOf(root.path("kind").asText()
                    .toUpperCase(Locale.ROOT)), values, root.path("top_k").asInt(), root.path("threshold_fraction")
                    .asDouble());
            List<SweepPoint> points = new ArrayList<>();
            for (JsonNode p : root.path("points")) {
                ObjectNode row = ((ObjectNode) p).deepCopy();
                if (!row.has("seed")) {
                    row.put("seed", base.seed()); // a sweep.json of version 1: one seed, the base run's
                }
                for (Map.Entry<String, JsonNode> e : row.properties()) {
                    if (e.getValue().isNull()) {
                        e.setValue(TextNode.valueOf("NaN")); // how the point had no number for it
                    }
                }
                points.add(Json.MAPPER.treeToValue(row, SweepPoint.class));
            }
            return new Loaded(new SweepPlan(spec, seeds), points);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + JsonProblem.describe(e, null, bytes.length), e);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a readable sweep: " + e.getMessage(), e);
        }
    }
}
