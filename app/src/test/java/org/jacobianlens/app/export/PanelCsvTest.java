package org.jacobianlens.app.export;

import static org.jacobianlens.app.session.SessionFixtures.sameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.app.session.SessionFixtures;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Snapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCsvTest {
    private static final String NOISY = "50 % random labels";
    private static final String CLEAN = "clean labels, \"quoted\"";

    private static GroupSnapshot group() {
        return SessionFixtures.compareSession().recorded();
    }

    @Test
    void spectrumHasOneRowPerEigenvalueAndFrame() {
        GroupSnapshot g = group();
        List<String[]> all = parse(PanelCsv.spectrum(g, PanelCsv.Frames.ALL), PanelCsv.SPECTRUM_HEADER);
        int expected = 0;
        for (Snapshot s : g.lanes()) {
            for (AnalysisFrame f : s.frames()) {
                expected += f.eigenvalues().length;
            }
        }
        // Three classes: the full kernel of n_a = 40 examples and K = 3 outputs has 120 eigenvalues per frame.
        assertEquals(2 * 4 * 120, expected, "two lanes, frames at 0, 10, 20, 30, n_a·K = 120");
        assertEquals(expected, all.size());
        int r = 0;
        for (int l = 0; l < 2; l++) {
            for (AnalysisFrame f : g.lane(l).frames()) {
                for (int i = 0; i < f.eigenvalues().length; i++, r++) {
                    String[] row = all.get(r);
                    assertEquals(g.labels().get(l), row[0]);
                    assertEquals(f.step(), Integer.parseInt(row[1]));
                    assertEquals(i + 1, Integer.parseInt(row[2]));
                    assertTrue(sameBits(f.eigenvalues()[i], Double.parseDouble(row[3])));
                    double sigma = Math.sqrt(Math.max(f.eigenvalues()[i], 0));
                    assertTrue(sameBits(sigma, Double.parseDouble(row[4])));
                }
            }
        }
        List<String[]> latest = parse(PanelCsv.spectrum(g, PanelCsv.Frames.LATEST), PanelCsv.SPECTRUM_HEADER);
        assertEquals(240, latest.size());
        assertTrue(latest.stream().allMatch(row -> row[1].equals("30")));
        assertEquals(List.of(NOISY, CLEAN), latest.stream().map(row -> row[0]).distinct().toList());
    }

    @Tag("slow") // about 16 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void projectionsParseBackAndAddUp() {
        GroupSnapshot g = group();
        List<String[]> rows = parse(PanelCsv.projections(g, PanelCsv.Frames.ALL), PanelCsv.PROJECTIONS_HEADER);
        assertEquals(960, rows.size());
        int r = 0;
        for (int l = 0; l < 2; l++) {
            for (AnalysisFrame f : g.lane(l).frames()) {
                double sumNoisy = 0;
                double sumClean = 0;
                double[] noisy = new double[f.eigenvalues().length];
                double[] clean = new double[f.eigenvalues().length];
                for (int i = 0; i < f.eigenvalues().length; i++, r++) {
                    String[] row = rows.get(r);
                    assertEquals(g.labels().get(l), row[0]);
                    assertEquals(f.step(), Integer.parseInt(row[1]));
                    noisy[i] = Double.parseDouble(row[4]);
                    clean[i] = Double.parseDouble(row[5]);
                    assertTrue(sameBits(f.projNoisy()[i], noisy[i]));
                    assertTrue(sameBits(f.projClean()[i], clean[i]));
                    assertTrue(sameBits(f.cumNoisy()[i], Double.parseDouble(row[6])));
                    assertTrue(sameBits(f.cumClean()[i], Double.parseDouble(row[7])));
                    sumNoisy += noisy[i];
                    sumClean += clean[i];
                }
                // The energies shown are of the centered one-hot labels: they sum to the frame's ‖Y − 𝟙ȳᵀ‖²
                // (n_a less the class-frequency part); the cumulative columns are their running shares (recomputed
                // here from the parsed cells).
                assertEquals(f.totals()[0], sumNoisy, 1e-9);
                assertEquals(f.totals()[1], sumClean, 1e-9);
                assertTrue(sumNoisy < 40.0 && sumNoisy > 20.0, "centered: less than n_a = 40, " + sumNoisy);
                double run = 0;
                for (int i = 0; i < f.eigenvalues().length; i++) {
                    run += noisy[i];
                    assertEquals(run / sumNoisy, Double.parseDouble(rows.get(r - f.eigenvalues().length + i)[6]),
                            1e-12);
                }
            }
        }
        List<String[]> latest = parse(PanelCsv.projections(g, PanelCsv.Frames.LATEST), PanelCsv.PROJECTIONS_HEADER);
        assertEquals(240, latest.size());
    }

    @Test
    void curvesHoldTheWholeHistoryWithEmptyCellsForMissingValues() {
        GroupSnapshot g = group();
        List<String[]> rows = parse(PanelCsv.curves(g), PanelCsv.CURVES_HEADER);
        Curves a = g.lane(0).curves();
        Curves b = g.lane(1).curves();
        assertTrue(a.size() > 2);
        assertEquals(a.size() + b.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Curves c = i < a.size() ? a : b;
            int k = i < a.size() ? i : i - a.size();
            String[] row = rows.get(i);
            assertEquals(i < a.size() ? NOISY : CLEAN, row[0]);
            assertEquals(c.steps()[k], Integer.parseInt(row[1]));
            double[][] cols = {c.trainLoss(), c.testLoss(), c.trainAcc(), c.testAcc(), c.cleanLoss(),
                c.corruptedLoss(), c.cleanAcc(), c.corruptedAcc()};
            for (int j = 0; j < cols.length; j++) {
                double back = row[2 + j].isEmpty() ? Double.NaN : Double.parseDouble(row[2 + j]);
                assertTrue(sameBits(cols[j][k], back), "row " + i + " column " + (2 + j));
            }
        }
        // The clean run has no corrupted examples: its corrupted columns are empty cells, the others are not.
        String[] cleanRow = rows.get(rows.size() - 1);
        assertEquals("", cleanRow[7]);
        assertEquals("", cleanRow[9]);
        assertTrue(!cleanRow[2].isEmpty() && !rows.get(0)[7].isEmpty());
        assertEquals("30", cleanRow[1]);
    }

    @Test
    void numbersAreExactAndLabelsQuotedAndFilesWritten(@TempDir Path dir) throws Exception {
        assertEquals("", PanelCsv.cell(Double.NaN));
        assertEquals("Infinity", PanelCsv.cell(Double.POSITIVE_INFINITY));
        assertEquals("-0.0", PanelCsv.cell(-0.0));
        double third = 1.0 / 3;
        assertEquals(third, Double.parseDouble(PanelCsv.cell(third)));
        assertEquals("plain", PanelCsv.quote("plain"));
        assertEquals("\"a,b\"", PanelCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", PanelCsv.quote("say \"hi\""));

        GroupSnapshot g = group();
        PanelCsv.writeAll(g, PanelCsv.Frames.LATEST, dir);
        assertEquals(PanelCsv.spectrum(g, PanelCsv.Frames.LATEST), Files.readString(dir.resolve("spectrum.csv")));
        assertEquals(PanelCsv.projections(g, PanelCsv.Frames.LATEST),
                Files.readString(dir.resolve("projections.csv")));
        assertEquals(PanelCsv.curves(g), Files.readString(dir.resolve("curves.csv")));
    }

    /** Checks the header and splits the data rows (RFC 4180: quoted cells, doubled quotes). */
    private static List<String[]> parse(String csv, String header) {
        List<String> lines = csv.lines().toList();
        assertEquals(header, lines.get(0));
        int columns = header.split(",").length;
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            assertEquals(columns, cells.size(), line);
            rows.add(cells.toArray(String[]::new));
        }
        return rows;
    }
}
