package org.jacobianlens.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;

import org.jacobianlens.core.decision.DecisionMap;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Panel 4, for 2-D data: the network's output over the input plane as a heat map (the colour of the predicted class,
 * paler where the output is near the decision boundary) with the training points on it in the colour of the label
 * they were trained on; corrupted positions carry a black cross. Draws the arrays of a {@link DecisionMap}; computes
 * nothing but colours.
 */
public final class DecisionPanel {
    public static final String TOOLTIP = "What the network computes on 2-D data: the colour is the class it predicts "
            + "at each point of the plane (pale near the boundary), dots are the training examples in the colour of "
            + "the label trained on, crosses mark the ones whose label was randomized.";
    private static final Color[] CLASSES = {ChartKit.CLEAN, ChartKit.NOISY, ChartKit.TEST, ChartKit.THEORY,
        new Color(0xB0, 0x8D, 0x1A), new Color(0x44, 0x44, 0x44)};

    private final XYPlot plot;
    private final ReadableChart chart;
    private DecisionMap shown;

    public DecisionPanel() {
        plot = new XYPlot(new XYSeriesCollection(), ChartKit.axis("x₁", false), ChartKit.axis("x₂", false), null);
        ChartKit.stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE); // points (dataset 0) over the map (1)
        plot.setNoDataMessage("no decision map: the data are not 2-D");
        chart = new ReadableChart("Decision map", plot);
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

    /** Draws the latest map of lane {@code lane} (lane 0 outside compare mode); nothing when it has none. */
    public void update(GroupSnapshot g, int lane, PanelOptions o) {
        DecisionMap m = g == null || lane >= g.size() ? null : g.lane(lane).latestDecision();
        chart.setNotify(false);
        shown = m;
        if (m == null) {
            plot.setDataset(0, null);
            plot.setDataset(1, null);
            chart.setTitle("Decision map");
        } else {
            drawPoints(m, o.presentation());
            drawMap(m);
            plot.getDomainAxis().setRange(m.xMin(), m.xMax());
            plot.getRangeAxis().setRange(m.yMin(), m.yMax());
            String who = g.size() > 1 ? g.labels().get(lane) + ", " : "";
            chart.setTitle(String.format("Decision map (%sstep %d): %.0f%% of points fitted", who,
                    m.step(), 100 * agreement(m)));
        }
        ChartKit.styleChart(chart, o.presentation());
        chart.setNotify(true);
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

    private void drawPoints(DecisionMap m, boolean presentation) {
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

    private void drawMap(DecisionMap m) {
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

    /** The map drawn last, or {@code null} (for tests). */
    public DecisionMap shown() {
        return shown;
    }

    public XYPlot plot() {
        return plot;
    }
}
