package org.jacobianlens.app.export;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jacobianlens.app.charts.SweepCharts;
import org.jacobianlens.app.session.SessionStore;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * Writes a sweep's results into a folder: sweep.csv (one row per point, every field), sweep.json (the spec, the base
 * configuration and the points) and the summary charts as PNG. The same files whether the sweep ran from the command
 * line or from the app's sweep window; every file is written atomically.
 */
public final class SweepExport {

    private SweepExport() {
    }

    /**
     * Writes every file for the points finished so far.
     *
     * @param seconds wall time the sweep took (recorded in sweep.json)
     * @return the chart file names, in display order
     */
    public static List<String> write(Path dir, SweepSpec spec, List<SweepPoint> points, double seconds)
            throws IOException {
        Files.createDirectories(dir);
        List<String> charts = SweepCharts.writeAll(dir, spec, points, SweepCharts.subtitle(spec.base()));
        write(dir.resolve("sweep.csv"), csv(points));
        write(dir.resolve("sweep.json"), json(spec, points, charts, seconds));
        return charts;
    }

    /** camelCase → snake_case, for CSV columns and JSON keys. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Every field of every point, in the record's component order (so no field can be forgotten). */
    static List<Map<String, Object>> fields(List<SweepPoint> points) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SweepPoint q : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (RecordComponent rc : SweepPoint.class.getRecordComponents()) {
                try {
                    row.put(snake(rc.getName()), rc.getAccessor().invoke(q));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc.getName(), e);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The CSV text: a header of snake_case field names, then one row per point; NaN cells are empty. */
    public static String csv(List<SweepPoint> points) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", Arrays.stream(SweepPoint.class.getRecordComponents())
                .map(rc -> snake(rc.getName())).toList())).append('\n');
        for (Map<String, Object> row : fields(points)) {
            b.append(String.join(",", row.values().stream().map(v -> v instanceof Double d ? PanelCsv.cell(d)
                    : PanelCsv.quote(String.valueOf(v))).toList())).append('\n');
        }
        return b.toString();
    }

    static String json(SweepSpec spec, List<SweepPoint> points, List<String> charts, double seconds)
            throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "jacobian-lens-sweep");
        root.put("version", 1);
        root.put("kind", spec.kind().name().toLowerCase(Locale.ROOT));
        root.put("values", spec.values());
        root.put("top_k", spec.topK());
        root.put("threshold_fraction", spec.thresholdFraction());
        root.put("shared_seeds", "every point uses the base data seed and init seed (noise nested across levels)");
        root.put("base_config", spec.base());
        root.put("completed_points", points.size());
        root.put("seconds", seconds);
        List<Map<String, Object>> rows = fields(points);
        rows.forEach(r -> r.replaceAll((key, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v));
        root.put("points", rows);
        root.put("charts", charts);
        String version = SweepExport.class.getPackage().getImplementationVersion();
        root.put("versions", Map.of("jacobian_lens", version == null ? "0.1.0-SNAPSHOT" : version,
                "java", System.getProperty("java.version"), "precision", "float64 throughout"));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SessionStore.writeAtomically(file, os -> os.write(bytes));
    }
}
