package org.jacobianlens.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jacobianlens.app.build.Versions;
import org.jacobianlens.app.json.Json;
import org.jacobianlens.app.charts.SweepCharts;
import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.app.files.OutputFolder;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jfree.chart.JFreeChart;

/**
 * Writes a sweep's results into a folder: sweep.csv (one row per point, every field), sweep.json (the spec, the base
 * configuration and the points) and the summary charts as PNG. The same files whether the sweep ran from the command
 * line or from the app's sweep window; every file is written atomically.
 */
public final class SweepExport {

    private SweepExport() {
    }

    /**
     * Writes every file for the points finished so far into {@code dir} as one set ({@link OutputFolder}): the
     * folder appears complete or not at all, a sweep it replaces is kept as {@code dir.previous}, and a folder of
     * other files is refused.
     *
     * @param seconds wall time the sweep took (recorded in sweep.json)
     * @return the chart file names, in display order
     */
    public static List<String> write(Path dir, SweepSpec spec, List<SweepPoint> points, double seconds)
            throws IOException {
        try (OutputFolder folder = OutputFolder.open(dir, System.err)) {
            List<String> charts = writeInto(folder.dir(), spec, points, seconds);
            folder.commit();
            return charts;
        }
    }

    /** Writes every file into {@code dir} as it is (the temporary folder of an {@link OutputFolder}). */
    public static List<String> writeInto(Path dir, SweepSpec spec, List<SweepPoint> points, double seconds)
            throws IOException {
        List<String> charts = writeCharts(dir, spec, points);
        write(dir.resolve("sweep.csv"), csv(points));
        write(dir.resolve("sweep.json"), json(spec, points, charts, seconds));
        return charts;
    }

    /** Renders every chart of the sweep's kind into {@code dir} as PNG; the file names, in display order. */
    static List<String> writeCharts(Path dir, SweepSpec spec, List<SweepPoint> points) throws IOException {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JFreeChart> e : SweepCharts.charts(spec, points, SweepCharts.subtitle(spec.base()),
                true).entrySet()) {
            ChartExport.png(e.getValue(), dir.resolve(e.getKey()), SweepCharts.WIDTH, SweepCharts.HEIGHT);
            names.add(e.getKey());
        }
        return names;
    }

    /** Each point as the mapper writes it: snake_case fields in the record's order. */
    static List<ObjectNode> rows(List<SweepPoint> points) {
        return points.stream().map(q -> (ObjectNode) Json.MAPPER.valueToTree(q)).toList();
    }

    /** The column names: the point's JSON field names, in the order the mapper writes them. */
    static List<String> columns() {
        try {
            List<String> names = new ArrayList<>();
            Json.MAPPER.getSerializerProviderInstance().findValueSerializer(SweepPoint.class).properties()
                    .forEachRemaining(p -> names.add(p.getName()));
            return names;
        } catch (JsonMappingException e) {
            throw new IllegalStateException("no JSON form of a sweep point", e);
        }
    }

    /** The CSV text: a header of snake_case field names, then one row per point; NaN cells are empty. */
    public static String csv(List<SweepPoint> points) {
        List<String> columns = columns();
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        for (ObjectNode row : rows(points)) {
            b.append(String.join(",", columns.stream().map(c -> cell(row.get(c))).toList())).append('\n');
        }
        return b.toString();
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isFloatingPointNumber()) {
            return PanelCsv.cell(v.doubleValue());
        }
        return v.isTextual() ? PanelCsv.quote(v.textValue()) : v.asText();
    }

    /**
     * sweep.json.
     *
     * @param points one object per finished point; a NaN or infinite number (a quantity a point has no value
     *               for) is null
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(String format, int version, String kind, double[] values, int topK, double thresholdFraction,
                   String sharedSeeds, RunConfig baseConfig, int completedPoints, double seconds,
                   List<ObjectNode> points, List<String> charts, Versions versions) {
        Summary {
            if (points == null || charts == null || versions == null) {
                throw new IllegalArgumentException("a sweep summary needs its points, charts and versions");
            }
        }
    }

    static String json(SweepSpec spec, List<SweepPoint> points, List<String> charts, double seconds)
            throws JsonProcessingException {
        List<ObjectNode> rows = rows(points);
        for (ObjectNode r : rows) {
            r.properties().forEach(e -> {
                if (e.getValue().isNumber() && !Double.isFinite(e.getValue().doubleValue())) {
                    e.setValue(NullNode.getInstance());
                }
            });
        }
        Summary s = new Summary("jacobian-lens-sweep", 1, spec.kind().name().toLowerCase(Locale.ROOT), spec.values(), spec.topK(),
                spec.thresholdFraction(), "every point uses the base data seed and init seed (noise nested across "
                + "levels)", spec.base(), points.size(), seconds, rows, charts,
                Versions.of(spec.base().precision(), null));
        return Json.MAPPER.writeValueAsString(s);
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
    }
}
