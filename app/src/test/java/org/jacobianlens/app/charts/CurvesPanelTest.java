package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunInfo;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;

/** The curves panel's legend: one entry per run and per kind of line in compare mode, the series' own otherwise. */
class CurvesPanelTest {
    private static Snapshot lane(long id) {
        RunInfo info = new RunInfo("t", "", 3, 0, 3, 2, 0, 0, 1, "m", 1, 1, "NTK", "given");
        return new Snapshot(id, 0, RunState.READY, "", Curves.empty(), List.of(), null, info);
    }

    private static List<String> labels(LegendItemCollection items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            out.add(item.getLabel());
        }
        return out;
    }

    @Test
    void compareModeNamesEachRunByItsColourAndEachLineByItsStroke() {
        GroupSnapshot g = new GroupSnapshot(1, List.of("clean labels", "100 % random labels"), List.of(lane(1),
                lane(2)));
        for (boolean presentation : new boolean[] {false, true}) {
            CurvesPanel panel = new CurvesPanel();
            panel.update(g, null, PanelOptions.defaults().withPresentation(presentation));
            LegendItemCollection items = panel.lossPlot().getLegendItems();
            assertEquals(List.of("clean labels", "100 % random labels", "train", "test"), labels(items));
            assertEquals(ChartKit.lane(0), items.get(0).getLinePaint());
            assertEquals(ChartKit.lane(1), items.get(1).getLinePaint());
            assertEquals(ChartKit.solid(presentation), items.get(2).getLineStroke());
            assertEquals(ChartKit.dashed(presentation), items.get(3).getLineStroke());
        }
    }

    @Test
    void oneRunKeepsTheLegendOfItsSeries() {
        CurvesPanel panel = new CurvesPanel();
        GroupSnapshot two = new GroupSnapshot(1, List.of("a", "b"), List.of(lane(1), lane(2)));
        panel.update(two, null, PanelOptions.defaults());
        panel.update(new GroupSnapshot(2, List.of("only"), List.of(lane(3))), null, PanelOptions.defaults());
        assertNull(panel.lossPlot().getFixedLegendItems(), "back from compare mode: the series' own entries");
    }
}
