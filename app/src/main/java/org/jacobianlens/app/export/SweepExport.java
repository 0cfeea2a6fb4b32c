package org.jacobianlens.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

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
import org.jacobianlens.core.sweep.SweepMetric;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jacobianlens.core.sweep.ValueStats;
import org.jfree.chart.JFreeChart;

/**
 * Writes a sweep's results into a folder: sweep.csv (one row per value: counts and, for every number, its mean,
 * standard deviation, minimum and maximum over the seeds), sweep-seeds.csv (one row per point, every field),
 * sweep.json (the plan, the base configuration, the rows, the points and the missing points) and the summary
 * charts as PNG. The same files whether the sweep ran in one process, from the app's sweep window, or was collected
 * from points run elsewhere; every file is written atomically.
 */
public final class SweepExport {
    /** The per-value CSV. */
    public static final String CSV = "sweep.csv";
    /** The per-point CSV. */
    public static final String SEEDS_CSV = "sweep-seeds.csv";
    /** The JSON summary. */
    public static final String JSON = "sweep.json";

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
    public static List<String> write(Path dir, SweepPlan plan, List<SweepPoint> points, double seconds)
            throws IOException {
        try (OutputFolder folder = OutputFolder.open(dir, System.err)) {
            List<String> charts = writeInto(folder.dir(), plan, points, seconds);
            folder.commit();
            return charts;
        }
    }

    /** Writes every file into {@code dir} as it is (the temporary folder of an {@link OutputFolder}, or a plan). */
    public static List<String> writeInto(Path dir, SweepPlan plan, List<SweepPoint> points, double seconds)
            throws IOException {
        List<ValueStats> rows = ValueStats.of(plan, points);
        List<String> charts = writeCharts(dir, plan, rows);
        write(dir.resolve(CSV), valueCsv(rows));
        write(dir.resolve(SEEDS_CSV), csv(points));
        write(dir.resolve(JSON), json(plan, points, rows, charts, seconds));
        return charts;
    }

    /** The plan's points that have no result among {@code points} (matched by value and seed), in plan order. */
    public static List<Integer> missing(SweepPlan plan, List<SweepPoint> points) {
        return IntStream.range(0, plan.size()).filter(i -> points.stream().noneMatch(q ->
                Double.compare(q.value(), plan.point(i).value()) == 0 && q.seed() == plan.point(i).seed()))
                .boxed().toList();
    }

    /** Renders every chart of the sweep's kind into {@code dir} as PNG; the file names, in display order. */
    static List<String> writeCharts(Path dir, SweepPlan plan, List<ValueStats> rows) throws IOException {
        List<String> names = new ArrayList<>();
        SweepSpec spec = plan.spec();
        for (Map.Entry<String, JFreeChart> e : SweepCharts.charts(spec, rows, SweepCharts.subtitle(spec.base())
                + SweepCharts.seedNote(plan.seeds()), true).entrySet()) {
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

    /** The per-point CSV text: a header of snake_case field names, then one row per point; NaN cells are empty. */
    public static String csv(List<SweepPoint> points) {
        List<String> columns = columns();
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        for (ObjectNode row : rows(points)) {
            b.append(String.join(",", columns.stream().map(c -> cell(row.get(c))).toList())).append('\n');
        }
        return b.toString();
    }

    /** The per-value CSV's columns: the counts, then NAME_mean, NAME_std, NAME_min, NAME_max per metric. */
    public static List<String> valueColumns() {
        List<String> c = new ArrayList<>(List.of("value", "seeds_planned", "seeds_finished", "seeds_diverged",
                "seeds_failed", "seeds_missing"));
        for (SweepMetric m : SweepMetric.values()) {
            for (String stat : List.of("mean", "std", "min", "max")) {
                c.add(m.key() + "_" + stat);
            }
        }
        return c;
    }

    /** The per-value CSV text; a number no finished seed has (or a spread of one seed) is an empty cell. */
    public static String valueCsv(List<ValueStats> rows) {
        StringBuilder b = new StringBuilder(String.join(",", valueColumns())).append('\n');
        for (ValueStats r : rows) {
            b.append(PanelCsv.cell(r.value())).append(',').append(r.planned()).append(',').append(r.finished())
                    .append(',').append(r.diverged()).append(',').append(r.failed()).append(',').append(r.missing());
            for (SweepMetric m : SweepMetric.values()) {
                b.append(',').append(PanelCsv.cell(r.mean(m))).append(',').append(PanelCsv.cell(r.std(m)))
                        .append(',').append(PanelCsv.cell(r.min(m))).append(',').append(PanelCsv.cell(r.max(m)));
            }
            b.append('\n');
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
     * @param valueRows one object per value (counts, and mean/std/min/max per metric; null where none)
     * @param points    one object per finished point; a NaN or infinite number (a quantity a point has no value
     *                  for) is null
     * @param missingPoints plan indices with no result (cancelled, not yet run, or lost)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(String format, int version, String kind, double[] values, long[] seeds, int topK,
                   double thresholdFraction, String sharedSeeds, RunConfig baseConfig, int plannedPoints,
                   int completedPoints, List<Integer> missingPoints, double seconds, List<ObjectNode> valueRows,
                   List<ObjectNode> points, List<String> charts, Versions versions) {
        Summary {
            if (points == null || charts == null || versions == null) {
                throw new IllegalArgumentException("a sweep summary needs its points, charts and versions");
            }
        }
    }

    static String json(SweepPlan plan, List<SweepPoint> points, List<ValueStats> stats, List<String> charts,
                       double seconds) throws JsonProcessingException {
        SweepSpec spec = plan.spec();
        List<ObjectNode> rows = rows(points);
        List<ObjectNode> values = new ArrayList<>();
        for (ValueStats r : stats) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("value", r.value());
            o.put("seeds_planned", r.planned());
            o.put("seeds_finished", r.finished());
            o.put("seeds_diverged", r.diverged());
            o.put("seeds_failed", r.failed());
            o.put("seeds_missing", r.missing());
            for (SweepMetric m : SweepMetric.values()) {
                o.put(m.key() + "_mean", r.mean(m));
                o.put(m.key() + "_std", r.std(m));
                o.put(m.key() + "_min", r.min(m));
                o.put(m.key() + "_max", r.max(m));
            }
            values.add(o);
        }
        for (ObjectNode r : java.util.stream.Stream.concat(rows.stream(), values.stream()).toList()) {
            r.properties().forEach(e -> {
                if (e.getValue().isNumber() && !Double.isFinite(e.getValue().doubleValue())) {
                    e.setValue(NullNode.getInstance());
                }
            });
        }
        Summary s = new Summary("jacobian-lens-sweep", 2, spec.kind().name().toLowerCase(Locale.ROOT),
                spec.values(), plan.seeds(), spec.topK(), spec.thresholdFraction(), "within a seed every point "
                + "uses the same data and initial weights (noise nested across levels); a seed sets both the data "
                + "and the initialization seed", spec.base(), plan.size(), points.size(), missing(plan, points),
                seconds, values, rows, charts, Versions.of(spec.base().precision(), null));
        return Json.MAPPER.writeValueAsString(s);
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
    }
}
