package org.jacobianlens.app.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jacobianlens.app.build.Versions;
import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.app.json.Json;
import org.jacobianlens.app.json.JsonProblem;
import org.jacobianlens.core.linalg.NativeSettings;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;

/**
 * A point's summary row in its result folder ({@code results/NNNN/point.json}, next to the run's files), and the
 * collection of every result a plan folder holds. A result folder appears whole (it is written as one set), so
 * one with a point.json is complete; one without is no result.
 */
public final class PointResults {
    /** The summary row's file in a result folder. */
    public static final String POINT = "point.json";
    static final String FORMAT = "jacobian-lens-sweep-result";

    private PointResults() {
    }

    /** point.json: the plan index, the summary row, the wall time and what computed it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(String format, int version, int index, SweepPoint point, double seconds, Versions versions) {
    }

    /**
     * What a plan folder holds: its plan, the points that have a result (in plan order), the missing indices and
     * the points' wall times added up.
     */
    public record Collected(SweepPlan plan, List<SweepPoint> points, List<Integer> missing, double seconds) {
    }

    /** Writes point.json for point {@code index} into {@code dir} (the temporary folder of its result). */
    public static void write(Path dir, int index, SweepPoint point, Precision precision, double seconds)
            throws IOException {
        Result r = new Result(FORMAT, 1, index, point, seconds,
                Versions.of(precision, NativeSettings.describe(System.getenv())));
        AtomicFiles.write(dir.resolve(POINT), Json.MAPPER.writeValueAsBytes(r));
    }

    /** The result of point {@code index} in plan folder {@code planDir}, or null when it has none. */
    public static SweepPoint read(Path planDir, int index) throws IOException {
        Result r = result(planDir, index);
        return r == null ? null : r.point();
    }

    private static Result result(Path planDir, int index) throws IOException {
        Path file = PlanFiles.resultDir(planDir, index).resolve(POINT);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            Result r = Json.MAPPER.readValue(bytes, Result.class);
            if (!FORMAT.equals(r.format()) || r.index() != index || r.point() == null) {
                throw new IOException(file + " is not the result of point " + index);
            }
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + JsonProblem.describe(e, null, bytes.length), e);
        }
    }

    /** Every result in {@code planDir}, the missing points listed, never dropped. */
    public static Collected collect(Path planDir) throws IOException {
        SweepPlan plan = PlanFiles.readPlan(planDir);
        List<SweepPoint> points = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        double seconds = 0;
        for (int i = 0; i < plan.size(); i++) {
            Result r = result(planDir, i);
            if (r == null) {
                missing.add(i);
            } else {
                points.add(r.point());
                seconds += r.seconds();
            }
        }
        return new Collected(plan, points, missing, seconds);
    }
}
