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
import java.util.stream.Collectors;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepMetric;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jacobianlens.core.sweep.ValueStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The papers' summary figures of a sweep as JFreeChart charts, rendered headless to PNG: against the noise level p
 * (errors, Arora's complexity, label energy, steps to the loss threshold, alignment; SCIENCE.md §3.5, §4.5, RE4–RE6)
 * or against the width m (test error, distance of the initial NTK from H∞ with a 1/√m guide, weight movement; RE1,
 * RE9). Whether a point is a seed mean or a single run is said in the subtitle ({@link #seedNote}) and in the guide's
 * legend. Shared by the {@code sweep} command (PNG files) and the app's sweep window (live charts). Each value is
 * plotted at its mean over the seeds that finished, with an error bar of ± one sample standard deviation when it
 * had more than one (a one-seed sweep draws no bars).
 */
public final class SweepCharts {
    /** Pixel size of the PNG files the sweep command writes. */
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;

    private SweepCharts() {
    }

    /** One plotted quantity: a metric's seed mean and spread, or a guide (a function of the value, no spread). */
    private record Line(String name, Color color, Stroke stroke, SweepMetric metric, ToDoubleFunction<Double> guide) {
        static Line of(String name, Color color, Stroke stroke, SweepMetric metric) {
            return new Line(name, color, stroke, metric, null);
        }

        static Line guide(String name, Color color, Stroke stroke, ToDoubleFunction<Double> y) {
            return new Line(name, color, stroke, null, y);
        }
    }

    /**
     * File name → chart, in display order.
     *
     * @param large fonts for a 1600 × 1000 picture (the PNG files) rather than a panel in a window
     */
    public static Map<String, JFreeChart> charts(SweepSpec spec, List<ValueStats> pts, String subtitle,
                                                 boolean large) {
        Stroke solid = ChartKit.solid(false);
        Stroke dashed = ChartKit.dashed(false);
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        if (spec.kind() == SweepSpec.Kind.NOISE) {
            String p = "label-noise level p";
            out.put("error-vs-p.png", chart("Train and test error vs label noise", subtitle, p, false,
                    "error (1 − accuracy)", false, pts, List.of(
                            Line.of("train error (noisy labels)", ChartKit.NOISY, solid, SweepMetric.TRAIN_ERROR),
                            Line.of("test error", ChartKit.TEST, solid, SweepMetric.TEST_ERROR)), large));
            out.put("complexity-vs-p.png", chart("Arora complexity √(2yᵀ(H∞)⁻¹y/n) vs label noise", subtitle, p,
                    false, "complexity C(y)", false, pts, List.of(
                            Line.of("C(y), trained labels", ChartKit.THEORY, solid, SweepMetric.COMPLEXITY),
                            Line.guide("C = 1: bound vacuous above", ChartKit.GHOST, dashed, v -> 1.0)), large));
            out.put("energy-vs-p.png", chart("Label energy on the top eigenvectors vs label noise", subtitle, p, false,
                    "share of ‖y‖²", false, pts, List.of(
                            Line.of("top-" + spec.topK() + ", init", ChartKit.CLEAN, dashed, SweepMetric.ENERGY_TOP_INIT),
                            Line.of("top-" + spec.topK() + ", end", ChartKit.CLEAN, solid, SweepMetric.ENERGY_TOP_END),
                            Line.of("information space, init", ChartKit.NOISY, dashed, SweepMetric.ENERGY_INFO_INIT),
                            Line.of("information space, end", ChartKit.NOISY, solid, SweepMetric.ENERGY_INFO_END)),
                    large));
            String f = "loss ≤ " + spec.thresholdFraction() + " × initial";
            out.put("steps-vs-p.png", chart("Steps until " + f + " vs label noise", subtitle, p, false,
                    "steps (missing: not reached)", true, pts, List.of(
                            Line.of("measured", ChartKit.NOISY, solid, SweepMetric.STEPS_TO_THRESHOLD),
                            Line.of("predicted (H∞ theory)", ChartKit.THEORY, dashed, SweepMetric.PREDICTED_STEPS_TO_THRESHOLD)), large));
            out.put("alignment-vs-p.png", chart("Kernel–target alignment vs label noise", subtitle, p, false,
                    "alignment", false, pts, List.of(
                            Line.of("A(Θ, y), init", ChartKit.CLEAN, dashed, SweepMetric.ALIGNMENT_INIT),
                            Line.of("A(Θ, y), end", ChartKit.CLEAN, solid, SweepMetric.ALIGNMENT_END),
                            Line.of("centered A_c, init", ChartKit.TEST, dashed, SweepMetric.CENTERED_ALIGNMENT_INIT),
                            Line.of("centered A_c, end", ChartKit.TEST, solid, SweepMetric.CENTERED_ALIGNMENT_END)),
                    large));
        } else {
            String m = "width m";
            out.put("test-error-vs-width.png", chart("Test error vs width", subtitle, m, true, "error (1 − accuracy)",
                    false, pts, List.of(Line.of("test error", ChartKit.TEST, solid, SweepMetric.TEST_ERROR),
                            Line.of("train error", ChartKit.NOISY, dashed, SweepMetric.TRAIN_ERROR)), large));
            double c = referenceConstant(pts);
            out.put("ntk-distance-vs-width.png", chart("Distance of the initial NTK from H∞ vs width", subtitle, m,
                    true, "‖H(W₀) − H∞‖_F / ‖H∞‖_F", true, pts, List.of(
                            Line.of("measured", ChartKit.THEORY, solid, SweepMetric.NTK_DISTANCE),
                            Line.guide(guideName(pts), ChartKit.GHOST, dashed, v -> c / Math.sqrt(v))), large));
            out.put("weight-movement-vs-width.png", chart("Relative weight movement vs width", subtitle, m, true,
                    "‖W − W₀‖_F / ‖W₀‖_F", true, pts, List.of(
                            Line.of("weight movement", ChartKit.NOISY, solid, SweepMetric.WEIGHT_MOVEMENT)), large));
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

    /**
     * c of the guide c/√m fitted to the seed means of the NTK distance: least squares in log space,
     * log c = mean of log(d̄ᵢ·√mᵢ) over the values with a positive finite mean (NaN when none), so the guide is a
     * straight line of slope −½ through the means on the log–log plot.
     */
    static double referenceConstant(List<ValueStats> rows) {
        double sum = 0;
        int n = 0;
        for (ValueStats r : rows) {
            double d = r.mean(SweepMetric.NTK_DISTANCE);
            if (d > 0 && Double.isFinite(d) && r.value() > 0) {
                sum += Math.log(d * Math.sqrt(r.value()));
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(sum / n);
    }

    /**
     * The legend of the 1/√m guide says what it was fitted to: the law is about the average over initializations
     * (SCIENCE.md §3.1, RE1), and a single seed can rise from one width to the next, so "seed means" only where
     * every plotted width has more than one finished seed.
     */
    static String guideName(List<ValueStats> rows) {
        int least = Integer.MAX_VALUE;
        int most = 0;
        for (ValueStats r : rows) {
            if (r.finished() > 0 && Double.isFinite(r.mean(SweepMetric.NTK_DISTANCE))) {
                least = Math.min(least, r.finished());
                most = Math.max(most, r.finished());
            }
        }
        if (most == 0) {
            return "∝ 1/√m";
        }
        if (most == 1) {
            return "∝ 1/√m, fitted to one seed (not an average)";
        }
        return least >= 2 ? "∝ 1/√m, fitted to the seed means"
                : "∝ 1/√m, fitted to the seed means (one seed at some widths)";
    }

    /**
     * A log axis labelled at decades when the data span at least two of them, else at powers of two (64, 128, …
     * for widths; 0.0625, 0.125, … for small quantities), so a short range still shows readable ticks.
     */
    private static LogAxis logAxis(String label, YIntervalSeriesCollection data, boolean domain) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                lo = Math.min(lo, domain ? data.getXValue(s, i) : data.getStartYValue(s, i));
                hi = Math.max(hi, domain ? data.getXValue(s, i) : data.getEndYValue(s, i));
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
                                    boolean logY, List<ValueStats> pts, List<Line> lines, boolean large) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            YIntervalSeries s = new YIntervalSeries(l.name(), false, true);
            for (ValueStats r : pts) {
                if (!logX || r.value() > 0) {
                    add(s, r, l, logY);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, l.color());
            renderer.setSeriesStroke(i, l.stroke());
            renderer.setSeriesShapesVisible(i, l.metric() != null);
        }
        renderer.setErrorPaint(null); // each bar in its line's colour
        ValueAxis x = logX ? logAxis(xLabel, data, true) : ChartKit.axis(xLabel, false);
        if (!logX) {
            x.setRange(-0.02, 1.02); // noise levels: always the whole of [0, 1]
        }
        ValueAxis y = logY ? logAxis(yLabel, data, false) : ChartKit.axis(yLabel, false);
        if (y instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        // Also shown before any run: it must not claim that points diverged.
        plot.setNoDataMessage("no points yet: they appear as runs finish (diverged or unreached runs are left out)");
        ChartKit.stylePlot(plot);
        JFreeChart chart = new ReadableChart(title, plot);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        ChartKit.styleChart(chart, large);
        return chart;
    }

    /**
     * Adds the line's mean at the value with a bar of ± one standard deviation (none when the std is not a number),
     * unless the mean is not a number, or not positive on a log axis; there a bar reaching zero or below is cut at
     * the mean.
     */
    private static void add(YIntervalSeries s, ValueStats r, Line l, boolean logY) {
        double y = l.metric() == null ? l.guide().applyAsDouble(r.value()) : r.mean(l.metric());
        if (!Double.isFinite(y) || (logY && y <= 0)) {
            return;
        }
        double sd = l.metric() == null ? Double.NaN : r.std(l.metric());
        double lo = Double.isFinite(sd) ? y - sd : y;
        double hi = Double.isFinite(sd) ? y + sd : y;
        if (logY && lo <= 0) {
            lo = y;
        }
        s.add(r.value(), y, lo, hi);
    }

    /**
     * "; mean ± sd over seeds 1, 2, 3" for a subtitle, or for one seed (the base run's, already named) that the
     * points are single runs, so that no chart reads as an average it is not.
     */
    public static String seedNote(long[] seeds) {
        return seeds.length < 2 ? "; one seed, not an average" : "; mean ± sd over seeds "
                + Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }
}
