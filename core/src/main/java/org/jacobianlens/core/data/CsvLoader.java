package org.jacobianlens.core.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated files {@code x0,…,x{d-1},label} ({@code .csv}, or gzipped, detected by its magic bytes).
 * The first non-blank line is a header, and skipped, when none of its cells is a number. Blank lines are ignored.
 * Every data line must have the same number of cells (at least two), every feature must be a finite number and
 * every label a non-negative integer; otherwise a {@link DatasetException} names the file, line, column and cell.
 */
public final class CsvLoader {
    /** Largest accepted class label. */
    public static final int MAX_LABEL = 9_999;

    private CsvLoader() {
    }

    /**
     * Loads a CSV file.
     *
     * @return n rows of d features in file order, n labels, numClasses = largest label + 1, class names "0", "1", …,
     *         and no image geometry
     * @throws DatasetException if the file is missing, empty (no data line), has a non-numeric or non-finite
     *                          feature, a ragged line, fewer than two columns, or a non-integer or negative label
     */
    public static LabeledData load(Path file) throws DatasetException {
        return parse(file.toString(), DataFiles.read(file));
    }

    /**
     * Parses decompressed CSV content; name is used in messages. Result and failures as in {@link #load(Path)}.
     */
    static LabeledData parse(String name, byte[] content) throws DatasetException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int expected = -1;
        int expectedFrom = 0;
        int lineNo = 0;
        int start = 0;
        boolean first = true;
        int maxLabel = -1;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            lineNo++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (first) {
                first = false;
                if (isHeader(cells)) {
                    expected = cells.length;
                    expectedFrom = lineNo;
                    continue;
                }
            }
            if (expected < 0) {
                expected = cells.length;
                expectedFrom = lineNo;
                if (expected < 2) {
                    throw new DatasetException(name + ": line " + lineNo + ": found 1 column, expected at least two"
                            + " (features then the label)");
                }
            }
            if (cells.length != expected) {
                throw new DatasetException(name + ": line " + lineNo + ": found " + cells.length + " columns, expected "
                        + expected + " (as on line " + expectedFrom + ")");
            }
            double[] x = new double[expected - 1];
            for (int j = 0; j < x.length; j++) {
                x[j] = number(name, lineNo, j, cells[j]);
            }
            int label = label(name, lineNo, expected - 1, cells[expected - 1]);
            maxLabel = Math.max(maxLabel, label);
            rows.add(x);
            labels.add(label);
        }
        if (rows.isEmpty()) {
            throw new DatasetException(name + ": the file " + (text.isBlank() ? "is empty"
                    : "has no data lines") + "; expected lines 'x0,…,x(d-1),label'");
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        String[] names = new String[maxLabel + 1];
        for (int k = 0; k < names.length; k++) {
            names[k] = Integer.toString(k);
        }
        return new LabeledData(name, rows.toArray(new double[0][]), y, names.length, names, 0, 0, 0);
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            if (tryNumber(c) != null) {
                return false;
            }
        }
        return true;
    }

    private static Double tryNumber(String cell) {
        String t = cell.trim();
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }

    private static double number(String name, int line, int col, String cell) throws DatasetException {
        Double v = tryNumber(cell);
        if (v == null) {
            throw new DatasetException(name + ": line " + line + ", column " + (col + 1) + ": expected a finite number,"
                    + " found '" + cell + "'");
        }
        return v;
    }

    private static int label(String name, int line, int col, String cell) throws DatasetException {
        Double v = tryNumber(cell);
        if (v == null || v != Math.rint(v) || v < 0 || v > MAX_LABEL) {
            throw new DatasetException(name + ": line " + line + ", column " + (col + 1) + " (label): expected an "
                    + "integer class index in 0–" + MAX_LABEL + ", found '" + cell + "'");
        }
        return (int) Math.rint(v);
    }
}
