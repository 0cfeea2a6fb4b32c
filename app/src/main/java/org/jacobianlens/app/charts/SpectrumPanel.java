package org.jacobianlens.app.charts;

import java.awt.BasicStroke;
import java.util.List;

import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Snapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Panel 1: singular values of the Jacobian (or NTK eigenvalues) against index on a log axis, per lane, with the
 * spectrum at initialization and the infinite-width H∞ as ghosts and the information/nuisance cutoff line.
 */
public final class SpectrumPanel {
    public static final String TOOLTIP = "Singular values σᵢ of the network's Jacobian on the analysed examples "
            + "(σᵢ² are the NTK eigenvalues; with K outputs J has nK rows, one per example and output, and the kernel "
            + "is nK × nK; the cheaper block-averaged view shows √λ of its n × n average instead, as its axis says): "
            + "dashed are the values at initialization and, for the two-layer net, the infinite-width H∞; drag the "
            + "red line to move the cutoff between information space (above) and nuisance space (below).";

    /**
     * The tooltip for a run: {@link #TOOLTIP}, then the inputs every kernel and H∞ are computed from (the run's
     * preprocessing line) and what they mean for Arora et al.'s theory.
     *
     * @param preprocessing the run's preprocessing description
     * @param unitNorm      whether the inputs were scaled to unit norm
     * @param biasInput     whether a constant coordinate was appended
     */
    public static String tooltip(String preprocessing, boolean unitNorm, boolean biasInput) {
        StringBuilder b = new StringBuilder(TOOLTIP).append("\n\nThe kernels and H∞ are those of the inputs the "
                + "network trains on: ").append(preprocessing).append('.');
        if (biasInput) {
            b.append(" The constant b adds b² to every xᵢᵀxⱼ before unit-norm scaling, so the kernel sees where a point"
                    + " is, not only its direction, and each ReLU's kink can lie anywhere in the plane.");
        }
        if (!unitNorm) {
            b.append(" These inputs are not unit norm: the H∞ spectrum and the predicted loss are still this network's "
                    + "infinite-width kernel and its linearized training, but Arora et al.'s bounds (the complexity "
                    + "√(2yᵀ(H∞)⁻¹y/n) among them) assume unit-norm inputs and hold as stated only with them.");
        }
        return b.toString();
    }

    private final XYPlot plot;
    private final JFreeChart chart;
    /** Spectra up to this size are drawn point for point. */
    static final int ALL_UP_TO = 400;
    /** Leading eigenvalues (the outliers) always drawn one by one. */
    static final int HEAD = 100;
    private final ValueMarker cutoffLine = new ValueMarker(1.0);
    private double top = Double.NaN;
    private boolean eigen;

    public SpectrumPanel() {
        plot = new XYPlot(new XYSeriesCollection(), ChartKit.axis("index i (by decreasing σ)", true),
                ChartKit.logAxis("singular value σᵢ of J", 1e-10), null);
        ChartKit.stylePlot(plot);
        cutoffLine.setPaint(ChartKit.NOISY);
        cutoffLine.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        cutoffLine.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(cutoffLine);
        chart = new ReadableChart("Jacobian spectrum", plot);
        ChartKit.styleChart(chart, false);
    }

    public JFreeChart chart() {
        return chart;
    }

    /**
     * Draws the group; {@code shown} holds the frame to draw per lane (the latest, or an interpolated one).
     */
    public void update(GroupSnapshot g, List<AnalysisFrame> shown, PanelOptions o) {
        chart.setNotify(false);
        eigen = o.eigenvalues();
        ((LogAxis) plot.getRangeAxis()).setLabel(KernelLabels.valueAxis(g.lane(0).info(), eigen));
        ReadableChart.shortLabel(plot.getRangeAxis(), eigen ? "λᵢ" : "σᵢ");
        plot.getDomainAxis().setLabel(eigen ? "index i (by decreasing λ)" : "index i (by decreasing σ)");
        ChartKit.Lines lines = new ChartKit.Lines();
        boolean compare = g.size() > 1;
        StringBuilder counts = new StringBuilder();
        top = Double.NaN;
        double lineFraction = o.cutoff();
        for (int lane = 0; lane < g.size(); lane++) {
            AnalysisFrame now = shown.get(lane);
            Snapshot s = g.lane(lane);
            if (now == null) {
                continue;
            }
            String who = compare ? g.labels().get(lane) + ", " : "";
            fill(lines.add(who + "step " + now.step(), ChartKit.lane(lane), ChartKit.solid(o.presentation())),
                    now.eigenvalues());
            if (s.initialFrame() != null && (lane == 0 || !sameSpectrum(s, g.lane(0)))) {
                fill(lines.add(who + "initialization", ChartKit.alpha(ChartKit.lane(lane), 110),
                        ChartKit.dashed(o.presentation())), s.initialFrame().eigenvalues());
            }
            if (Double.isNaN(top) && now.eigenvalues().length > 0) {
                top = now.eigenvalues()[0];
                lineFraction = o.cutoffFor(now); // top-k mode: the line sits just below σ_k of the first run
            }
            counts.append(counts.length() == 0 ? "" : " | ").append(now.countAbove(o.cutoffFor(now)));
        }
        Snapshot first = g.lane(0);
        if (o.theory() && first.theory() != null) {
            fill(lines.add("H∞ (infinite width)", ChartKit.THEORY, ChartKit.dashed(o.presentation())),
                    first.theory().eigenvalues());
        }
        lines.install(plot, 0);
        cutoffLine.setStroke(new BasicStroke(ChartKit.width(o.presentation())));
        if (top > 0) {
            cutoffLine.setValue(eigen ? lineFraction * lineFraction * top : lineFraction * Math.sqrt(top));
        }
        cutoffLine.setLabel(o.topK() > 0
                ? counts + " in the top " + o.topK() + " (σ ≥ " + String.format("%.2g", lineFraction) + "·σ₁)"
                : counts + " above " + String.format("%.2g", o.cutoff()) + "·σ₁");
        ChartKit.styleChart(chart, o.presentation());
        cutoffLine.setLabelFont(chart.getLegend().getItemFont());
        chart.setNotify(true); // one redraw for the whole update
    }

    /** Lanes of a noise comparison share inputs and initial weights: draw their common initial spectrum once. */
    private static boolean sameSpectrum(Snapshot a, Snapshot b) {
        return java.util.Arrays.equals(a.initialFrame().eigenvalues(), b.initialFrame().eigenvalues());
    }

    private void fill(XYSeries s, double[] lambda) {
        for (int i : drawnIndices(lambda.length)) {
            ChartKit.add(s, i + 1, eigen ? lambda[i] : Math.sqrt(Math.max(lambda[i], 0)), true);
        }
    }

    /** Every index up to {@value #ALL_UP_TO}; beyond, the head in full and an even stride to the last index. */
    static int[] drawnIndices(int n) {
        if (n <= ALL_UP_TO) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        // The panel is a few hundred pixels wide and a sorted spectrum is monotone: about 400 points draw the same
        // picture as 1000 or more, at a fraction of the rendering time per frame.
        int stride = (int) Math.ceil((n - HEAD) / (double) (ALL_UP_TO - HEAD));
        java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
        for (int i = 0; i < HEAD; i++) {
            b.add(i);
        }
        int last = HEAD;
        for (int i = HEAD; i < n; i += stride) {
            b.add(i);
            last = i;
        }
        if (last != n - 1) {
            b.add(n - 1);
        }
        return b.build().toArray();
    }

    /**
     * The cutoff fraction (of σ₁) that a value on the vertical axis stands for, for dragging the cutoff line;
     * NaN before anything was drawn. Clamped to (0, 1].
     */
    public double cutoffAt(double axisValue) {
        if (!(top > 0) || !(axisValue > 0)) {
            return Double.NaN;
        }
        double f = eigen ? Math.sqrt(axisValue / top) : axisValue / Math.sqrt(top);
        return Math.min(1.0, Math.max(1e-6, f));
    }

    /** The cutoff line's value on the vertical axis. */
    public double cutoffValue() {
        return cutoffLine.getValue();
    }

    public XYPlot plot() {
        return plot;
    }

    /** Points in the first series (for tests). */
    public int pointCount() {
        return plot.getDataset() == null || plot.getDataset().getSeriesCount() == 0 ? 0
                : plot.getDataset().getItemCount(0);
    }
}
