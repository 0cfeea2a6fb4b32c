package org.jacobianlens.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Snapshot;

/**
 * The numbers behind each panel as CSV, one row per point, with a {@code lane} column so compared runs share a
 * file. Numbers are written in full precision ({@link Double#toString}, which parses back to the same double);
 * a missing value (NaN, e.g. the corrupted-example curves of a run without label noise) is an empty cell, as in
 * the command line's files. Lane labels are quoted when they contain a comma, a quote or a line break (RFC 4180).
 */
public final class PanelCsv {
    public static final String SPECTRUM_HEADER = "lane,step,index,eigenvalue,singular_value";
    public static final String PROJECTIONS_HEADER = "lane,step,index,eigenvalue,projection_noisy,projection_clean,"
            + "cumulative_noisy,cumulative_clean";
    public static final String CURVES_HEADER = "lane,step,train_loss,test_loss,train_acc,test_acc,clean_loss,"
            + "corrupted_loss,clean_acc,corrupted_acc";

    /** Which analysis frames the spectrum and projection tables hold. */
    public enum Frames {
        /** Only each lane's most recent frame (what the panels show now). */
        LATEST,
        /** Every recorded frame, oldest first. */
        ALL
    }

    private PanelCsv() {
    }

    /** Spectrum panel: eigenvalue λ_i of the NTK Gram and singular value √max(λ_i, 0) of J, i = 1 … n_a. */
    public static String spectrum(GroupSnapshot g, Frames which) {
        StringBuilder b = new StringBuilder(SPECTRUM_HEADER).append('\n');
        for (int l = 0; l < g.size(); l++) {
            String lane = quote(g.labels().get(l));
            for (AnalysisFrame f : frames(g.lane(l), which)) {
                double[] s = f.singularValues();
                for (int i = 0; i < f.eigenvalues().length; i++) {
                    b.append(lane).append(',').append(f.step()).append(',').append(i + 1).append(',')
                            .append(cell(f.eigenvalues()[i])).append(',').append(cell(s[i])).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Projection panel: label energies (v_iᵀy)² and their cumulative shares, noisy and clean labels. */
    public static String projections(GroupSnapshot g, Frames which) {
        StringBuilder b = new StringBuilder(PROJECTIONS_HEADER).append('\n');
        for (int l = 0; l < g.size(); l++) {
            String lane = quote(g.labels().get(l));
            for (AnalysisFrame f : frames(g.lane(l), which)) {
                for (int i = 0; i < f.eigenvalues().length; i++) {
                    b.append(lane).append(',').append(f.step()).append(',').append(i + 1).append(',')
                            .append(cell(f.eigenvalues()[i])).append(',').append(cell(f.projNoisy()[i])).append(',')
                            .append(cell(f.projClean()[i])).append(',').append(cell(f.cumNoisy()[i])).append(',')
                            .append(cell(f.cumClean()[i])).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Curves panel: the whole recorded history of every lane (the panel always shows all of it). */
    public static String curves(GroupSnapshot g) {
        StringBuilder b = new StringBuilder(CURVES_HEADER).append('\n');
        for (int l = 0; l < g.size(); l++) {
            String lane = quote(g.labels().get(l));
            Curves c = g.lane(l).curves();
            for (int i = 0; i < c.size(); i++) {
                b.append(lane).append(',').append(curvesRow(c, i)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * One curves row without the lane: {@code step,train_loss,…,corrupted_acc} (shared with the command line's
     * {@code curves.csv}).
     */
    public static String curvesRow(Curves c, int i) {
        return c.steps()[i] + "," + cell(c.trainLoss()[i]) + "," + cell(c.testLoss()[i]) + ","
                + cell(c.trainAcc()[i]) + "," + cell(c.testAcc()[i]) + "," + cell(c.cleanLoss()[i]) + ","
                + cell(c.corruptedLoss()[i]) + "," + cell(c.cleanAcc()[i]) + "," + cell(c.corruptedAcc()[i]);
    }

    /** Writes {@code spectrum.csv}, {@code projections.csv} and {@code curves.csv} into {@code dir}, atomically. */
    public static void writeAll(GroupSnapshot g, Frames which, Path dir) throws IOException {
        write(spectrum(g, which), dir.resolve("spectrum.csv"));
        write(projections(g, which), dir.resolve("projections.csv"));
        write(curves(g), dir.resolve("curves.csv"));
    }

    /** Writes CSV text as UTF-8, atomically. */
    public static void write(String csv, Path file) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** A number cell: shortest exact decimal ({@code Infinity}/{@code -Infinity} spelled out), empty for NaN. */
    public static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** A text cell, quoted (with doubled inner quotes) when it holds a comma, a quote or a line break. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static List<AnalysisFrame> frames(Snapshot s, Frames which) {
        if (which == Frames.ALL || s.frames().isEmpty()) {
            return s.frames();
        }
        return List.of(s.latestFrame());
    }
}
