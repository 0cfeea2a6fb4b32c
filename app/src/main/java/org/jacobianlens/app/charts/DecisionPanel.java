package org.jacobianlens.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jacobianlens.core.decision.DecisionMap;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Panel 4, for 2-D data: the network's output over the input plane as a heat map (the colour of the predicted class,
 * paler where the output is near the decision boundary) with the training points on it in the colour of the label
 * they were trained on; corrupted positions carry a black cross. In compare mode one map per run, side by side on a
 * shared x₂ axis, each titled with its run in the run's colour. The plane keeps equal scales on both axes. Draws the
 * arrays of {@link DecisionMap}s; computes nothing but colours.
 */
public final class DecisionPanel {
    public static final String TOOLTIP = "What the network computes on 2-D data: the colour is the class it predicts "
            + "at each point of the plane (pale near the boundary), dots are the training examples in the colour of "
            + "the label trained on, crosses mark the ones whose label was randomized. Comparing two runs shows one "
            + "map per run, side by side.";
    private static final Color[] CLASSES = {ChartKit.CLEAN, ChartKit.NOISY, ChartKit.TEST, ChartKit.THEORY,
        new Color(0xB0, 0x8D, 0x1A), new Color(0x44, 0x44, 0x44)};

    private final SideBySidePlot plot;
    private final ReadableChart chart;
    private final List<DecisionMap> shown = new ArrayList<>();

    public DecisionPanel() {
        plot = new SideBySidePlot(ChartKit.axis("x₂", false));
        plot.setGap(12);
        chart = new ReadableChart("Decision map", plot);
        lanes(1);
        ChartKit.styleChart(chart, false);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Whether any lane of the group has a decision map (2-D data): the window shows this panel only then. */
    public static boolean applies(GroupSnapshot g) {
        return g != null && g.lanes().stream().anyMatch(s -> s.latestDecision() != null);
    }

    /** Colour of class k. */
    public static Color classColor(int k) {
        return CLASSES[k % CLASSES.length];
    }

    /**
     * Draws the latest map of every lane: one map outside compare mode, one per run side by side in it; nothing for
     * data that are not 2-D.
     */
    public void update(GroupSnapshot g, PanelOptions o) {
        List<DecisionMap> maps = new ArrayList<>();
        List<String> who = new ArrayList<>();
        for (int i = 0; g != null && i < g.size(); i++) {
            if (g.lane(i).latestDecision() != null) {
                maps.add(g.lane(i).latestDecision());
                who.add(g.labels().get(i));
            }
        }
        chart.setNotify(false);
        shown.clear();
        shown.addAll(maps);
        boolean compare = maps.size() > 1;
        lanes(Math.max(1, maps.size()));
        plot.setFixedLegendItems(null);
        if (maps.isEmpty()) {
            XYPlot p = subplot(0);
            p.setDataset(0, null);
            p.setDataset(1, null);
            plot.freeScales();
            chart.setTitle("Decision map");
        } else {
            List<Range> xs = new ArrayList<>();
            for (int i = 0; i < maps.size(); i++) {
                DecisionMap m = maps.get(i);
                XYPlot p = subplot(i);
                drawPoints(p, m, o.presentation());
                drawMap(p, m);
                p.getDomainAxis().setRange(m.xMin(), m.xMax());
                xs.add(new Range(m.xMin(), m.xMax()));
                title(p, compare ? String.format("%s: %.0f%% fitted", who.get(i), 100 * agreement(m)) : null, i);
            }
            plot.getRangeAxis().setRange(maps.get(0).yMin(), maps.get(0).yMax());
            // The plane as it is: a unit as long across as up, so spirals stay round in a wide or tall panel.
            plot.equalScales(xs, new Range(maps.get(0).yMin(), maps.get(0).yMax()));
            chart.setTitle(compare ? "Decision maps (" + steps(maps) + ")"
                    : String.format("Decision map (step %d): %.0f%% of points fitted", maps.get(0).step(),
                    100 * agreement(maps.get(0))));
            plot.setFixedLegendItems(legend());
        }
        ChartKit.styleChart(chart, o.presentation());
        chart.setNotify(true);
    }

    /**
     * "step 60" when every map is of that step, else "steps 79 | 77" in run order (live, each run takes its
     * analysis frames when it has the time, so the compared maps may be a few steps apart).
     */
    private static String steps(List<DecisionMap> maps) {
        if (maps.stream().allMatch(m -> m.step() == maps.get(0).step())) {
            return "step " + maps.get(0).step();
        }
        StringBuilder b = new StringBuilder("steps ");
        for (int i = 0; i < maps.size(); i++) {
            b.append(i == 0 ? "" : " | ").append(maps.get(i).step());
        }
        return b.toString();
    }

    /** Exactly {@code n} maps side by side (subplots are kept while their number does not change). */
    private void lanes(int n) {
        List<XYPlot> subs = ChartKit.plots(plot);
        for (int i = subs.size(); i < n; i++) {
            XYPlot p = new XYPlot(null, ChartKit.axis("x₁", false), null, null);
            ChartKit.stylePlot(p);
            p.setDomainGridlinesVisible(false);
            p.setRangeGridlinesVisible(false);
            p.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE); // points (dataset 0) over the map (1)
            p.setNoDataMessage("no decision map: the data are not 2-D");
            plot.add(p);
        }
        for (int i = subs.size() - 1; i >= n; i--) {
            plot.remove(subs.get(i));
        }
    }

    private XYPlot subplot(int i) {
        return ChartKit.plots(plot).get(i);
    }

    /**
     * Titles map i with its run (in the run's colour, over the map) in compare mode; a single map keeps its plain
     * x₁ axis below.
     */
    private static void title(XYPlot p, String title, int lane) {
        ValueAxis x = p.getDomainAxis();
        x.setLabel(title == null ? "x₁" : title);
        x.setLabelPaint(title == null ? Color.DARK_GRAY : ChartKit.lane(lane).darker());
        p.setDomainAxisLocation(title == null ? AxisLocation.BOTTOM_OR_LEFT : AxisLocation.TOP_OR_LEFT);
    }

    /** One legend for all maps: each class once, and the crosses when any map has them. */
    private LegendItemCollection legend() {
        Map<String, LegendItem> items = new LinkedHashMap<>();
        for (XYPlot p : ChartKit.plots(plot)) {
            LegendItemCollection c = p.getLegendItems();
            for (int k = 0; k < c.getItemCount(); k++) {
                items.putIfAbsent(c.get(k).getLabel(), c.get(k));
            }
        }
        LegendItemCollection out = new LegendItemCollection();
        items.values().forEach(out::add);
        return out;
    }

    /** Share of training points whose cell predicts the label they were trained on. */
    static double agreement(DecisionMap m) {
        int n = m.pointX().length;
        if (n == 0) {
            return Double.NaN;
        }
        int ok = 0;
        for (int p = 0; p < n; p++) {
            int i = cell(m.pointX()[p], m.xMin(), m.xMax(), m.gridSize());
            int j = cell(m.pointY()[p], m.yMin(), m.yMax(), m.gridSize());
            ok += m.predictedClass(i, j) == m.labels()[p] ? 1 : 0;
        }
        return ok / (double) n;
    }

    private static int cell(double v, double lo, double hi, int size) {
        return Math.max(0, Math.min(size - 1, (int) Math.floor((v - lo) / (hi - lo) * size)));
    }

    private static void drawPoints(XYPlot plot, DecisionMap m, boolean presentation) {
        XYSeriesCollection pts = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double d = presentation ? 9 : 6;
        Shape dot = new Ellipse2D.Double(-d / 2, -d / 2, d, d);
        int classes = 0;
        for (int l : m.labels()) {
            classes = Math.max(classes, l + 1);
        }
        for (int k = 0; k < classes; k++) {
            XYSeries s = new XYSeries("class " + k, false, true);
            for (int p = 0; p < m.labels().length; p++) {
                if (m.labels()[p] == k) {
                    s.add(m.pointX()[p], m.pointY()[p], false);
                }
            }
            int at = pts.getSeriesCount();
            pts.addSeries(s);
            r.setSeriesShape(at, dot);
            r.setSeriesPaint(at, classColor(k).darker());
            r.setSeriesOutlinePaint(at, Color.WHITE);
        }
        XYSeries bad = new XYSeries("label randomized", false, true);
        for (int p = 0; p < m.corrupted().length; p++) {
            if (m.corrupted()[p]) {
                bad.add(m.pointX()[p], m.pointY()[p], false);
            }
        }
        if (bad.getItemCount() > 0) {
            int at = pts.getSeriesCount();
            pts.addSeries(bad);
            r.setSeriesShape(at, ShapeUtils.createDiagonalCross((float) d * 0.7f, (float) d * 0.12f));
            r.setSeriesPaint(at, Color.BLACK);
        }
        r.setUseOutlinePaint(false);
        r.setDefaultStroke(new BasicStroke(1f));
        plot.setDataset(0, pts);
        plot.setRenderer(0, r);
    }

    private static void drawMap(XYPlot plot, DecisionMap m) {
        int g = m.gridSize();
        double[][] xyz = new double[3][g * g];
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                int c = j * g + i;
                xyz[0][c] = m.cellX(i);
                xyz[1][c] = m.cellY(j);
                xyz[2][c] = encode(m, i, j);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("network output", xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth((m.xMax() - m.xMin()) / g);
        r.setBlockHeight((m.yMax() - m.yMin()) / g);
        r.setPaintScale(new ClassScale());
        r.setSeriesVisibleInLegend(0, false);
        plot.setDataset(1, data);
        plot.setRenderer(1, r);
    }

    /**
     * Class and confidence of a cell in one number: class + strength, strength ∈ [0, 1) growing with the margin
     * (|f| for one output, top minus runner-up for several), full at a margin of 1.
     */
    static double encode(DecisionMap m, int i, int j) {
        int k = m.predictedClass(i, j);
        double margin;
        if (m.outputs() == 1) {
            margin = Math.abs(m.value(i, j, 0));
        } else {
            double second = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m.outputs(); c++) {
                if (c != k) {
                    second = Math.max(second, m.value(i, j, c));
                }
            }
            margin = m.value(i, j, k) - second;
        }
        double strength = Double.isFinite(margin) ? Math.min(0.999, Math.max(0, margin)) : 0;
        return k + strength;
    }

    /** Colour of an encoded cell: the class colour mixed with white, paler near the boundary. */
    static final class ClassScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return CLASSES.length;
        }

        @Override
        public Paint getPaint(double z) {
            if (!Double.isFinite(z) || z < 0) {
                return Color.LIGHT_GRAY;
            }
            int k = (int) Math.floor(z);
            double t = 0.15 + 0.45 * (z - k); // 15 % colour at the boundary, 60 % far from it
            Color c = classColor(k);
            return new Color(mix(c.getRed(), t), mix(c.getGreen(), t), mix(c.getBlue(), t));
        }

        private static int mix(int channel, double t) {
            return (int) Math.round(255 + (channel - 255) * t);
        }
    }

    /** The map of the first run drawn last, or {@code null} (for tests). */
    public DecisionMap shown() {
        return shown.isEmpty() ? null : shown.get(0);
    }

    /** The maps drawn last, one per run that has one, in run order (for tests). */
    public List<DecisionMap> shownMaps() {
        return List.copyOf(shown);
    }

    /** The map of run i's plot (for tests). */
    public XYPlot plot(int i) {
        return subplot(i);
    }

    /** The maps side by side on their shared x₂ axis. */
    public CombinedRangeXYPlot plot() {
        return plot;
    }
}
