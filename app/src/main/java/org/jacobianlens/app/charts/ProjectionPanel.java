package org.jacobianlens.app.charts;

import java.awt.Color;
import java.util.List;

import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Panel 2: share of label energy (vᵢᵀy)²/‖y‖² on each NTK eigenvector (largest eigenvalue first) as bars, with the
 * cumulative energy E(k) and the random-label baseline k/n. One run: trained-on and true labels in two colours;
 * compare mode: the trained-on labels of each lane in the lane's colour.
 */
public final class ProjectionPanel {
    public static final String TOOLTIP = "How much of the label vector lies along each NTK eigenvector, largest "
            + "eigenvalue first: clean labels crowd onto the top eigenvectors and are learned fast, random labels "
            + "spread out like the dotted k/n baseline.";
    /** Bars drawn (the top eigenvectors; the cumulative curve covers them all). */
    public static final int BARS = 60;

    private final XYPlot plot;
    private final JFreeChart chart;

    public ProjectionPanel() {
        NumberAxis cum = ChartKit.axis("cumulative share E(k)", false);
        cum.setRange(0, 1.0);
        plot = new XYPlot(new XYSeriesCollection(), ChartKit.axis("eigenvector i (by decreasing eigenvalue)", true),
                ChartKit.axis("share of label energy (vᵢᵀy)²/‖y‖²", false), null);
        plot.setRangeAxis(1, cum);
        ReadableChart.shortLabel(cum, "E(k)");
        ReadableChart.shortLabel(plot.getRangeAxis(0), "energy share");
        plot.mapDatasetToRangeAxis(1, 1);
        ChartKit.stylePlot(plot);
        chart = new ReadableChart("Label projections", plot);
        ChartKit.styleChart(chart, false);
    }

    public JFreeChart chart() {
        return chart;
    }

    public void update(GroupSnapshot g, List<AnalysisFrame> shown, PanelOptions o) {
        chart.setNotify(false);
        boolean compare = g.size() > 1;
        XYSeriesCollection bars = new XYSeriesCollection();
        XYBarRenderer barRenderer = new XYBarRenderer(0.05);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        ChartKit.Lines cumulative = new ChartKit.Lines();
        StringBuilder title = new StringBuilder(KernelLabels.centeredLabels(g.lane(0).info())
                ? "Label energy (centered labels Y − 𝟙ȳᵀ): " : "Label energy: ");
        int groups = compare ? g.size() : 2;
        double width = 0.8 / groups;
        int n = 0;
        for (int lane = 0; lane < g.size(); lane++) {
            AnalysisFrame f = shown.get(lane);
            if (f == null) {
                continue;
            }
            n = KernelLabels.order(f, g.lane(lane).info());
            String who = compare ? g.labels().get(lane) : "labels trained on";
            Color color = compare ? ChartKit.lane(lane) : ChartKit.NOISY;
            addBars(bars, barRenderer, who, f.projNoisy(), f.totals()[0], compare ? lane : 0, groups, width, color);
            fillCumulative(cumulative.add("E(k) " + who, color, ChartKit.solid(o.presentation())), f.cumNoisy());
            if (!compare) {
                addBars(bars, barRenderer, "true labels", f.projClean(), f.totals()[1], 1, groups, width,
                        ChartKit.CLEAN);
                fillCumulative(cumulative.add("E(k) true labels", ChartKit.CLEAN, ChartKit.dashed(o.presentation())),
                        f.cumClean());
            }
            int info = f.countAbove(o.cutoffFor(f));
            title.append(lane == 0 ? "" : " | ").append(String.format("%.0f%% in top %d", 100 * f.energyNoisy(info),
                    info));
            if (!f.complete()) {
                // Only the top k eigenpairs exist: bars and curves are shares of ‖Y‖², the rest is named, not drawn.
                title.append(String.format(" · rest beyond the top %d computed: %.1f%%", f.k(),
                        100 * f.restShareNoisy()));
            }
        }
        if (n > 0) {
            XYSeries base = cumulative.add("random baseline k/n", ChartKit.GHOST, ChartKit.dotted(o.presentation()));
            for (int k = 1; k <= Math.min(n, BARS); k++) {
                base.add(k, k / (double) n, false);
            }
        }
        bars.setIntervalWidth(width);
        plot.setRenderer(0, barRenderer);
        plot.setDataset(0, bars);
        cumulative.install(plot, 1);
        plot.getDomainAxis().setRange(0.3, Math.max(2, Math.min(BARS, n)) + 0.7);
        chart.setTitle(title.toString());
        ChartKit.styleChart(chart, o.presentation());
        chart.setNotify(true); // one redraw for the whole update
    }

    /**
     * Adds bars of the energy shares proj/total (top {@link #BARS}) in slot {@code slot} of {@code slots}, with
     * total = ‖Y‖²: a top-k frame's bars then leave its rest out instead of rescaling the computed part to 100 %.
     */
    static void addBars(XYSeriesCollection bars, XYBarRenderer r, String name, double[] proj, double total, int slot,
                        int slots, double width, Color color) {
        XYSeries s = new XYSeries(name, false, true);
        s.setNotify(false);
        double offset = (slot - (slots - 1) / 2.0) * width;
        for (int i = 0; i < Math.min(BARS, proj.length); i++) {
            s.add(i + 1 + offset, total > 0 ? proj[i] / total : 0, false);
        }
        r.setSeriesPaint(bars.getSeriesCount(), ChartKit.alpha(color, 190));
        bars.addSeries(s);
    }

    private static void fillCumulative(XYSeries s, double[] cum) {
        for (int i = 0; i < Math.min(BARS, cum.length); i++) {
            s.add(i + 1, cum[i], false);
        }
    }

    public XYPlot plot() {
        return plot;
    }

    /** Bars in the first series (for tests). */
    public int pointCount() {
        return plot.getDataset() == null || plot.getDataset().getSeriesCount() == 0 ? 0
                : plot.getDataset().getItemCount(0);
    }

    /** Number of bar series (one per lane in compare mode; for tests). */
    public int barSeries() {
        return plot.getDataset() == null ? 0 : plot.getDataset().getSeriesCount();
    }
}
