package org.jacobianlens.app.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.run.WeightFrame;
import org.jacobianlens.core.theory.BoundReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The theory panel: one of the papers' overlays at a time, next to what the network does.
 */
public final class TheoryPanel {

    /** What the panel shows; each has a one-sentence explanation for its tooltip. */
    public enum View {
        ALIGNMENT("Kernel–target alignment and kernel drift",
                "Ortiz-Jiménez et al.: alignment A = yᵀΘy/(‖Θ‖_F‖y‖²) (solid) and centered A_c (dashed) grow as the "
                        + "kernel rotates toward the labels; dotted is the drift ‖Θ_t − Θ₀‖_F/‖Θ₀‖_F, small for wide nets."),
        RESIDUAL("Residual: information vs nuisance space",
                "Oymak et al.: the part of the residual f(X) − y on the top eigenvectors (information space, solid) "
                        + "is fitted fast, the part on the rest (nuisance space, dashed) slowly: random labels live there."),
        H_INFINITY("Label projections on H∞ vs the empirical kernel",
                "Arora et al.: share of label energy on each eigenvector of the infinite-width H∞ (purple) beside the "
                        + "network's kernel at initialization; the title gives the complexity √(2yᵀ(H∞)⁻¹y/n) and the "
                        + "test error."),
        BIAS_VARIANCE("Bias and variance proxies against the cutoff",
                "Oymak et al.: bias B(α) = ‖Π_N(y)‖/√n falls and variance V(α) = √K‖J_I⁺y‖/√n grows as the cutoff α "
                        + "is lowered; their sum (up to constants) is smallest where labels and spectrum agree."),
        BOUNDS("Generalization-bound proxies (log₁₀) over training",
                "Pinto et al. and the classical norm bounds, margin-normalized at the 5th-percentile margin, as log₁₀ "
                        + "(≥ 0 means vacuous; constants omitted); " + BoundReport.BIASES + ": "
                        + String.join("; ", BoundReport.FORMULAS) + ". The title gives each layer's rank rℓ out of "
                        + "its full rank and the truncated network's train and test accuracy."),
        LAYERS("Layers: stable rank and spectral norm over training",
                "Pinto et al.: each layer's stable rank ‖W‖_F²/‖W‖₂² (solid, a soft count of the directions a layer "
                        + "uses) and spectral norm ‖W‖₂ (dashed), the two quantities rank-aware bounds multiply.");

        private final String title;
        private final String tooltip;

        View(String title, String tooltip) {
            this.title = title;
            this.tooltip = tooltip;
        }

        public String title() {
            return title;
        }

        public String tooltip() {
            return tooltip;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final XYPlot plot;
    private final JFreeChart chart;

    public TheoryPanel() {
        plot = new XYPlot(new XYSeriesCollection(), ChartKit.axis("step", true), ChartKit.axis("", false), null);
        ChartKit.stylePlot(plot);
        chart = new ReadableChart("", plot);
        ChartKit.styleChart(chart, false);
    }

    public JFreeChart chart() {
        return chart;
    }

    public void update(GroupSnapshot g, View view, PanelOptions o) {
        chart.setNotify(false);
        plot.setDataset(1, null);
        plot.setRangeAxis(1, null);
        plot.clearRangeMarkers();
        switch (view) {
            case ALIGNMENT -> alignment(g, o);
            case RESIDUAL -> residual(g, o);
            case H_INFINITY -> hInfinity(g, o);
            case BIAS_VARIANCE -> biasVariance(g, o);
            case BOUNDS -> bounds(g, o);
            case LAYERS -> layers(g, o);
            default -> throw new IllegalStateException(view.name());
        }
        ChartKit.styleChart(chart, o.presentation());
        chart.setNotify(true);
    }

    private String who(GroupSnapshot g, int lane) {
        return g.size() > 1 ? g.labels().get(lane) + ", " : "";
    }

    private void alignment(GroupSnapshot g, PanelOptions o) {
        plot.setDomainAxis(ChartKit.axis("step", true));
        NumberAxis left = ChartKit.axis("alignment", false);
        left.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(0, left);
        NumberAxis right = ChartKit.axis("kernel drift ‖Θ_t − Θ₀‖/‖Θ₀‖", false);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        ChartKit.Lines l = new ChartKit.Lines();
        ChartKit.Lines d = new ChartKit.Lines();
        for (int lane = 0; lane < g.size(); lane++) {
            Color c = ChartKit.lane(lane);
            XYSeries a = l.add(who(g, lane) + "alignment A", c, ChartKit.solid(o.presentation()));
            XYSeries ac = l.add(who(g, lane) + "centered A_c", c, ChartKit.dashed(o.presentation()));
            XYSeries drift = d.add(who(g, lane) + "kernel drift", ChartKit.alpha(c, 160), ChartKit.dotted(o.presentation()));
            for (AnalysisFrame f : g.lane(lane).frames()) {
                ChartKit.add(a, f.step(), f.alignment(), false);
                ChartKit.add(ac, f.step(), f.centeredAlignment(), false);
                ChartKit.add(drift, f.step(), f.kernelDrift(), false);
            }
        }
        l.install(plot, 0);
        d.install(plot, 1);
        stack(left, plot.getDataset(0), right, plot.getDataset(1));
        chart.setTitle("Kernel–target alignment and kernel drift");
    }

    /**
     * Keeps the drift curve off the alignment lines: alignment in the upper half of the plot (left axis), drift in
     * the lower half (right axis), each axis still reading its own values.
     */
    static void stack(NumberAxis upper, org.jfree.data.xy.XYDataset top, NumberAxis lower,
                      org.jfree.data.xy.XYDataset bottom) {
        double[] t = range(top);
        double[] b = range(bottom);
        if (t != null) {
            double span = Math.max(t[1] - t[0], 1e-9);
            upper.setRange(t[0] - 1.15 * span, t[1] + 0.05 * span);
        }
        if (b != null) {
            double hi = Math.max(b[1], 1e-12);
            lower.setRange(0, 2.2 * hi);
        }
    }

    private static double[] range(org.jfree.data.xy.XYDataset d) {
        if (d == null) {
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < d.getSeriesCount(); s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                double y = d.getYValue(s, i);
                if (Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        return lo <= hi ? new double[] {Math.min(lo, 0), hi} : null;
    }

    private void residual(GroupSnapshot g, PanelOptions o) {
        plot.setDomainAxis(ChartKit.axis("step", true));
        plot.setRangeAxis(0, ChartKit.logAxis("residual energy on the analysed examples", 1e-12));
        ChartKit.Lines l = new ChartKit.Lines();
        for (int lane = 0; lane < g.size(); lane++) {
            Color c = ChartKit.lane(lane);
            XYSeries info = l.add(who(g, lane) + "information space", c, ChartKit.solid(o.presentation()));
            XYSeries nuisance = l.add(who(g, lane) + "nuisance space", c, ChartKit.dashed(o.presentation()));
            for (AnalysisFrame f : g.lane(lane).frames()) {
                double[] split = f.residualSplit(o.cutoffFor(f));
                ChartKit.add(info, f.step(), split[0], true);
                ChartKit.add(nuisance, f.step(), split[1], true);
            }
        }
        l.install(plot, 0);
        chart.setTitle("Residual split at the cutoff " + o.cutoffLabel());
    }

    private void hInfinity(GroupSnapshot g, PanelOptions o) {
        plot.setDomainAxis(ChartKit.axis("eigenvector i (by decreasing eigenvalue)", true));
        plot.setRangeAxis(0, ChartKit.axis("share of label energy", false));
        XYSeriesCollection bars = new XYSeriesCollection();
        XYBarRenderer r = new XYBarRenderer(0.05);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        StringBuilder title = new StringBuilder("H∞ vs empirical label projections");
        int slots = 2 * g.size();
        double width = 0.8 / slots;
        int slot = 0;
        for (int lane = 0; lane < g.size(); lane++) {
            Snapshot s = g.lane(lane);
            Theory t = s.theory();
            AnalysisFrame init = s.initialFrame();
            if (init != null) {
                ProjectionPanel.addBars(bars, r, who(g, lane) + "empirical kernel at initialization",
                        init.projNoisy(), init.totals()[0], slot++, slots, width, ChartKit.lane(lane));
            }
            if (t != null) {
                // Shares of the whole ‖y‖²: past the dense limit the energy outside the top k stays out of the bars.
                double total = java.util.Arrays.stream(t.projNoisy()).sum() + t.restEnergies()[0];
                ProjectionPanel.addBars(bars, r, who(g, lane) + "H∞", t.projNoisy(), total, slot++, slots, width,
                        g.size() > 1 ? ChartKit.lane(lane).darker() : ChartKit.THEORY);
                var c = s.curves();
                double testErr = c.size() == 0 ? Double.NaN : 1 - c.testAcc()[c.last()];
                title.append(String.format("%s complexity %.2f%s, test error %.2f", lane == 0 ? " — " : "; ",
                        t.complexityNoisy(), t.vacuous() ? " (vacuous)" : "", testErr));
            }
        }
        bars.setIntervalWidth(width);
        plot.setRenderer(0, r);
        plot.setDataset(0, bars);
        plot.getDomainAxis().setRange(0.3, ProjectionPanel.BARS + 0.7);
        chart.setTitle(bars.getSeriesCount() == 0 ? "H∞ theory: two-layer net only" : title.toString());
    }

    private void biasVariance(GroupSnapshot g, PanelOptions o) {
        LogAxis x = ChartKit.logAxis("cutoff α / σ₁", 1e-6);
        plot.setDomainAxis(x);
        plot.setRangeAxis(0, ChartKit.logAxis("proxy (up to constants)", 1e-6));
        ChartKit.Lines l = new ChartKit.Lines();
        for (int lane = 0; lane < g.size(); lane++) {
            AnalysisFrame f = g.lane(lane).latestFrame();
            if (f == null) {
                continue;
            }
            int k = g.lane(lane).info().numClasses();
            Color c = ChartKit.lane(lane);
            XYSeries b = l.add(who(g, lane) + "bias B(α)", c, ChartKit.dashed(o.presentation()));
            XYSeries v = l.add(who(g, lane) + "variance V(α)", c, ChartKit.dotted(o.presentation()));
            XYSeries sum = l.add(who(g, lane) + "B + V", c, ChartKit.solid(o.presentation()));
            for (int i = 0; i <= 60; i++) {
                double frac = Math.pow(10, -4 + 4.0 * i / 60);
                double[] bv = f.biasVariance(frac, k);
                ChartKit.add(b, frac, bv[0], true);
                ChartKit.add(v, frac, bv[1], true);
                ChartKit.add(sum, frac, bv[0] + bv[1], true);
            }
        }
        l.install(plot, 0);
        chart.setTitle("Bias and variance proxies (Oymak et al., up to constants), step " + g.step());
    }

    private static final String[] BOUND_NAMES = {"Bartlett", "Neyshabur", "Golowich", "Pinto (rank-aware)"};
    private static final Color[] BOUND_COLORS = {ChartKit.CLEAN, ChartKit.NOISY, ChartKit.TEST, ChartKit.THEORY};

    /** Lanes are told apart by stroke when colours already encode something else. */
    private static java.awt.Stroke laneStroke(int lane, boolean presentation) {
        return switch (lane % 3) {
            case 0 -> ChartKit.solid(presentation);
            case 1 -> ChartKit.dashed(presentation);
            default -> ChartKit.dotted(presentation);
        };
    }

    private void bounds(GroupSnapshot g, PanelOptions o) {
        plot.setDomainAxis(ChartKit.axis("step", true));
        NumberAxis y = ChartKit.axis("log₁₀ capacity term (≥ 0: vacuous)", false);
        y.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(0, y);
        org.jfree.chart.plot.ValueMarker zero = new org.jfree.chart.plot.ValueMarker(0);
        zero.setPaint(Color.GRAY);
        zero.setLabel("vacuous above");
        zero.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(zero);
        ChartKit.Lines l = new ChartKit.Lines();
        StringBuilder title = new StringBuilder(
                "Bound proxies (log₁₀, constants omitted, biases left out of all four)");
        List<String> undefined = new ArrayList<>();
        List<String> truncation = new ArrayList<>();
        for (int lane = 0; lane < g.size(); lane++) {
            XYSeries[] series = new XYSeries[4];
            for (int b = 0; b < 4; b++) {
                series[b] = l.add(who(g, lane) + BOUND_NAMES[b], BOUND_COLORS[b], laneStroke(lane, o.presentation()));
            }
            WeightFrame last = null;
            for (WeightFrame w : g.lane(lane).weights()) {
                double[] t = w.bounds().terms();
                for (int b = 0; b < 4; b++) {
                    ChartKit.add(series[b], w.step(), t[b], false);
                }
                last = w;
            }
            if (last != null) {
                title.append(lane == 0 ? " — γ = " : ", ").append(String.format("%.3g", last.bounds().gamma()));
                if (!last.bounds().defined()) {
                    undefined.add(g.size() > 1 ? g.labels().get(lane) : "this run");
                }
                truncation.add((g.size() > 1 ? g.labels().get(lane) + " " : "") + truncation(last));
            }
        }
        l.install(plot, 0);
        chart.setTitle(title + (g.size() > 1 ? " (lanes: solid, dashed)" : "")
                + (truncation.isEmpty() ? "" : "\nPinto: each layer truncated to r(99 % of ‖W‖_F²)"
                + (g.size() > 1 ? "; " : " = ") + String.join("; ", truncation))
                + (undefined.isEmpty() ? ""
                : "\nno bound yet for " + String.join(" and ", undefined)
                + ": γ ≤ 0 while training examples are still misclassified"));
    }

    /**
     * The network the Pinto term is about, in a few words: each layer's rank out of its full rank and how well the
     * truncated network classifies ("62/64, 198/256, 10/10 (train 1.00, test 0.95)"; no test accuracy without a
     * test set).
     */
    static String truncation(WeightFrame w) {
        if (Double.isNaN(w.bounds().pintoGamma())) {
            return "not recorded in this session (it was saved before the truncated rank was)";
        }
        StringBuilder r = new StringBuilder();
        for (int k = 0; k < w.layers().length; k++) {
            r.append(k == 0 ? "" : ", ").append(w.layers()[k].energyRank()).append('/')
                    .append(Math.min(w.layers()[k].rows(), w.layers()[k].columns()));
        }
        r.append(String.format(" (train %.2f", w.truncatedTrainAcc()));
        if (!Double.isNaN(w.truncatedTestAcc())) {
            r.append(String.format(", test %.2f", w.truncatedTestAcc()));
        }
        return r.append(w.bounds().pintoDefined() ? ")" : "; γ̃ ≤ 0: no bound)").toString();
    }

    private void layers(GroupSnapshot g, PanelOptions o) {
        plot.setDomainAxis(ChartKit.axis("step", true));
        plot.setRangeAxis(0, ChartKit.logAxis("stable rank (solid), ‖W‖₂ (dashed)", 1e-6));
        ChartKit.Lines l = new ChartKit.Lines();
        for (int lane = 0; lane < g.size(); lane++) {
            var weights = g.lane(lane).weights();
            if (weights.isEmpty()) {
                continue;
            }
            int layers = weights.get(0).layers().length;
            for (int k = 0; k < layers; k++) {
                Color c = ChartKit.lane(k + 2 * lane);
                XYSeries sr = l.add(who(g, lane) + "layer " + (k + 1) + " stable rank", c,
                        ChartKit.solid(o.presentation()));
                XYSeries sn = l.add(who(g, lane) + "layer " + (k + 1) + " ‖W‖₂", c, ChartKit.dashed(o.presentation()));
                for (WeightFrame w : weights) {
                    ChartKit.add(sr, w.step(), w.layers()[k].stableRank(), true);
                    ChartKit.add(sn, w.step(), w.layers()[k].spectralNorm(), true);
                }
            }
        }
        l.install(plot, 0);
        chart.setTitle("Per-layer stable rank and spectral norm");
    }
}
