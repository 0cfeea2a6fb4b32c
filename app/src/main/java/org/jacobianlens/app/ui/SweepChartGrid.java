package org.jacobianlens.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;

import org.jacobianlens.app.charts.SweepCharts;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jacobianlens.core.sweep.ValueStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The sweep window's charts in a grid of three columns, one viewer per summary figure of the sweep's kind (the same
 * charts the {@code sweep} command writes as PNG), each with a tooltip saying what it shows.
 */
final class SweepChartGrid extends GridPane {
    /** One-sentence explanations of each chart, keyed by its file name. */
    static final Map<String, String> TOOLTIPS = Map.of(
            "error-vs-p.png", "Final training and test error at each noise level: the network fits every label, "
                    + "but test error rises as the labels become random (Zhang et al.).",
            "complexity-vs-p.png", "Arora et al.'s data-dependent complexity √(2yᵀ(H∞)⁻¹y/n): it grows with the "
                    + "noise, and the generalization bound it gives is vacuous above 1.",
            "energy-vs-p.png", "Share of the labels' energy on the top eigenvectors and in the information space of "
                    + "the Jacobian (Oymak et al.): high for clean labels, falling as noise spreads the labels out.",
            "steps-vs-p.png", "Steps until the training loss falls below the threshold, measured and predicted from "
                    + "H∞ (Arora et al.): random labels take longer to fit.",
            "alignment-vs-p.png", "Kernel–target alignment at the start and the end of training (Ortiz-Jiménez et "
                    + "al.): training rotates the kernel toward clean labels, much less toward random ones.",
            "test-error-vs-width.png", "Final test and training error at each width: wider networks do not overfit "
                    + "more.",
            "ntk-distance-vs-width.png", "How far the network's kernel at initialization is from its infinite-width "
                    + "limit H∞. Averaged over initializations it falls like 1/√m (dashed guide); one seed can rise "
                    + "from one width to the next, so set Seeds (e.g. 5) to see the mean with ± one standard "
                    + "deviation.",
            "weight-movement-vs-width.png", "How far training moves the weights relative to their size: the wider "
                    + "the network, the less it moves, so the more linear it behaves.");

    private static final int COLUMNS = 3;

    private final List<ChartViewer> viewers = new ArrayList<>();
    private SweepSpec.Kind kind;

    SweepChartGrid() {
        setHgap(6);
        setVgap(6);
    }

    /** The kind whose charts the grid holds (null before the first layout). */
    SweepSpec.Kind kind() {
        return kind;
    }

    /**
     * One empty viewer per chart of {@code preview}'s kind, unless the grid already holds them (only the layout is
     * taken from the spec).
     */
    void layout(SweepSpec preview) {
        Map<String, JFreeChart> all = SweepCharts.charts(preview, List.of(), "", false);
        if (viewers.size() == all.size() && kind == preview.kind()) {
            return;
        }
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        viewers.clear();
        int rows = (all.size() + COLUMNS - 1) / COLUMNS;
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            getColumnConstraints().add(cc);
        }
        for (int row = 0; row < rows; row++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            getRowConstraints().add(rc);
        }
        int i = 0;
        for (Map.Entry<String, JFreeChart> e : all.entrySet()) {
            ChartViewer v = new ChartViewer(e.getValue());
            v.setId("sweepChart-" + e.getKey().replace(".png", ""));
            v.setMinSize(100, 100);
            SweepWindow.tip(v, TOOLTIPS.get(e.getKey()));
            viewers.add(v);
            add(v, i % COLUMNS, i / COLUMNS);
            i++;
        }
        kind = preview.kind();
    }

    /** Rebuilds the charts from the points so far (a handful of points: cheap, and only when one lands). */
    void redraw(SweepSpec s, SweepPlan p, List<SweepPoint> points) {
        if (s == null || p == null || kind != s.kind()) {
            return;
        }
        Map<String, JFreeChart> all = SweepCharts.charts(s, ValueStats.of(p, points),
                SweepCharts.subtitle(s.base()) + SweepCharts.seedNote(p.seeds()), false);
        int i = 0;
        for (JFreeChart c : all.values()) {
            if (i < viewers.size()) {
                viewers.get(i++).setChart(c);
            }
        }
    }
}
