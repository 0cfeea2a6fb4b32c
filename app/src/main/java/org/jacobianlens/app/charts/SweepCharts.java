package org.jacobianlens.app.charts;

import java.awt.Color;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The papers' summary figures of a sweep as JFreeChart charts, rendered headless to PNG: against the noise level p
 * (errors, Arora's complexity, label energy, steps to the loss threshold, alignment; SCIENCE.md §3.5, §4.5, RE4–RE6)
 * or against the width m (test error, distance of the initial NTK from H∞ with a 1/√m guide, weight movement; RE1,
 * RE9). Shared by the {@code sweep} command (PNG files) and the app's sweep window (live charts).
 */
public final class SweepCharts {
    /** Pixel size of the PNG files the sweep command writes. */
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;

    private SweepCharts() {
    }

    /** One plotted quantity. */
    private record Line(String name, Color color, Stroke stroke, ToDoubleFunction<SweepPoint> y) {
    }

    /**
     * File name → chart, in display order.
     *
     * @param large fonts for a 1600 × 1000 picture (the PNG files) rather than a panel in a window
     */
    public static Map<String, JFreeChart> charts(SweepSpec spec, List<SweepPoint> pts, String subtitle,
                                                 boolean large) {
        Stroke solid = ChartKit.solid(false);
        Stroke dashed = ChartKit.dashed(false);
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        if (spec.kind() == SweepSpec.Kind.NOISE) {
            String p = "label-noise level p";
            out.put("error-vs-p.png", chart("Train and test error vs label noise", subtitle, p, false,
                    "error (1 − accuracy)", false, pts, List.of(
                            new Line("train error (noisy labels)", ChartKit.NOISY, solid, SweepPoint::trainError),
                            new Line("test error", ChartKit.TEST, solid, SweepPoint::testError)), large));
            out.put("complexity-vs-p.png", chart("Arora complexity √(2yᵀ(H∞)⁻¹y/n) vs label noise", subtitle, p,
                    false, "complexity C(y)", false, pts, List.of(
                            new Line("C(y), trained labels", ChartKit.THEORY, solid, SweepPoint::complexity),
                            new Line("C = 1: bound vacuous above", ChartKit.GHOST, dashed, q -> 1.0)), large));
            out.put("energy-vs-p.png", chart("Label energy on the top eigenvectors vs label noise", subtitle, p, false,
                    "share of ‖y‖²", false, pts, List.of(
                            new Line("top-" + spec.topK() + ", init", ChartKit.CLEAN, dashed, SweepPoint::energyTopInit),
                            new Line("top-" + spec.topK() + ", end", ChartKit.CLEAN, solid, SweepPoint::energyTopEnd),
                            new Line("information space, init", ChartKit.NOISY, dashed, SweepPoint::energyInfoInit),
                            new Line("information space, end", ChartKit.NOISY, solid, SweepPoint::energyInfoEnd)),
                    large));
            String f = "loss ≤ " + spec.thresholdFraction() + " × initial";
            out.put("steps-vs-p.png", chart("Steps until " + f + " vs label noise", subtitle, p, false,
                    "steps (missing: not reached)", true, pts, List.of(
                            new Line("measured", ChartKit.NOISY, solid, q -> q.stepsToThreshold()),
                            new Line("predicted (H∞ theory)", ChartKit.THEORY, dashed,
                                    q -> q.predictedStepsToThreshold())), large));
            out.put("alignment-vs-p.png", chart("Kernel–target alignment vs label noise", subtitle, p, false,
                    "alignment", false, pts, List.of(
                            new Line("A(Θ, y), init", ChartKit.CLEAN, dashed, SweepPoint::alignmentInit),
                            new Line("A(Θ, y), end", ChartKit.CLEAN, solid, SweepPoint::alignmentEnd),
                            new Line("centered A_c, init", ChartKit.TEST, dashed, SweepPoint::centeredAlignmentInit),
                            new Line("centered A_c, end", ChartKit.TEST, solid, SweepPoint::centeredAlignmentEnd)),
                    large));
        } else {
            String m = "width m";
            out.put("test-error-vs-width.png", chart("Test error vs width", subtitle, m, true, "error (1 − accuracy)",
                    false, pts, List.of(new Line("test error", ChartKit.TEST, solid, SweepPoint::testError),
                            new Line("train error", ChartKit.NOISY, dashed, SweepPoint::trainError)), large));
            double c = referenceConstant(pts);
            out.put("ntk-distance-vs-width.png", chart("Distance of the initial NTK from H∞ vs width", subtitle, m,
                    true, "‖H(W₀) − H∞‖_F / ‖H∞‖_F", true, pts, List.of(
                            new Line("measured", ChartKit.THEORY, solid, SweepPoint::ntkDistance),
                            new Line("∝ 1/√m (through the first point)", ChartKit.GHOST, dashed,
                                    q -> c / Math.sqrt(q.value()))), large));
            out.put("weight-movement-vs-width.png", chart("Relative weight movement vs width", subtitle, m, true,
                    "‖W − W₀‖_F / ‖W₀‖_F", true, pts, List.of(
                            new Line("weight movement", ChartKit.NOISY, solid, SweepPoint::weightMovement)), large));
        }
        return out;
    }

    /** One line naming the base run of a sweep, for chart subtitles. */
    public static String subtitle(RunConfig c) {
        int[] classes = c.data().classes();
        return String.format(Locale.ROOT, "%s%s, n = %d, %s, %d steps, seed %d", c.data().dataset(),
                classes == null ? "" : " " + Arrays.toString(classes), c.data().nTrain(),
                c.model() == RunConfig.ModelKind.TWO_LAYER ? "two-layer, κ = " + c.kappa() : "MLP depth " + c.depth(),
                c.maxSteps(), c.seed());
    }

    /** c with c/√m through the first point that has a positive finite distance (NaN when none). */
    static double referenceConstant(List<SweepPoint> pts) {
        for (SweepPoint q : pts) {
            if (q.ntkDistance() > 0 && Double.isFinite(q.ntkDistance())) {
                return q.ntkDistance() * Math.sqrt(q.value());
            }
        }
        return Double.NaN;
    }

    /**
     * A log axis labelled at decades when the data span at least two of them, else at powers of two (64, 128, …
     * for widths; 0.0625, 0.125, … for small quantities), so a short range still shows readable ticks.
     */
    private static LogAxis logAxis(String label, XYSeriesCollection data, boolean domain) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            XYSeries series = data.getSeries(s);
            if (series.getItemCount() > 0) {
                lo = Math.min(lo, domain ? series.getMinX() : series.getMinY());
                hi = Math.max(hi, domain ? series.getMaxX() : series.getMaxY());
            }
        }
        boolean any = lo > 0 && lo < 1e300;
        LogAxis a = ChartKit.logAxis(label, any ? lo / 2 : 1e-6);
        if (!(hi / lo >= 100)) {
            a.setTickUnit(new NumberTickUnit(Math.log10(2)));
            a.setNumberFormatOverride(new DecimalFormat(domain ? "0" : "0.####"));
        }
        if (any && hi < 4 * lo) {
            a.setRange(lo / 2, hi * 2); // one value, or nearly: show a readable span around it
        }
        a.setMinorTickMarksVisible(true);
        return a;
    }

    private static JFreeChart chart(String title, String subtitle, String xLabel, boolean logX, String yLabel,
                                    boolean logY, List<SweepPoint> pts, List<Line> lines, boolean large) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            XYSeries s = new XYSeries(l.name(), false, true);
            for (SweepPoint q : pts) {
                if (!logX || q.value() > 0) {
                    ChartKit.add(s, q.value(), l.y().applyAsDouble(q), logY);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, l.color());
            renderer.setSeriesStroke(i, l.stroke());
        }
        ValueAxis x = logX ? logAxis(xLabel, data, true) : new NumberAxis(xLabel);
        if (!logX) {
            x.setRange(-0.02, 1.02); // noise levels: always the whole of [0, 1]
        }
        ValueAxis y = logY ? logAxis(yLabel, data, false) : new NumberAxis(yLabel);
        if (y instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        // Also shown before any run: it must not claim that points diverged.
        plot.setNoDataMessage("no points yet: they appear as runs finish (diverged or unreached runs are left out)");
        ChartKit.stylePlot(plot);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        ChartKit.styleChart(chart, large);
        return chart;
    }
}
