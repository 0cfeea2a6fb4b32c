package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.jacobianlens.app.charts.ChartKit;
import org.jacobianlens.app.charts.DecisionPanel;
import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunGroup;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The two compared decision maps as the window draws them (JavaFX canvas): both titles in the same font, also after
 * the panel showed one map and none before (the canvas used to keep an older font for the second map's axis).
 */
class DecisionMapsRenderIT extends FxRobot {
    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private static GroupSnapshot compared() throws DatasetException {
        RunConfig base = RunConfig.defaults()
                .withData(new DatasetSpec("spirals", null, 120, 20, 0.0, false, false, true, 2))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 256, 1).withStop(100, 0).withAnalysis(50, 60, 0.1)
                .withAnalysisShare(0);
        try (RunGroup group = new RunGroup(Comparison.lanes(base, Comparison.Knob.NOISE), 3)) {
            return group.advance(100);
        }
    }

    /** Rows of the picture's top part that hold pixels close to {@code c} in the columns [x0, x1). */
    private static int textRows(PixelReader px, int x0, int x1, int yMax, Color c) {
        int rows = 0;
        for (int y = 0; y < yMax; y++) {
            for (int x = x0; x < x1; x++) {
                int argb = px.getArgb(x, y);
                int dr = ((argb >> 16) & 0xFF) - c.getRed();
                int dg = ((argb >> 8) & 0xFF) - c.getGreen();
                int db = (argb & 0xFF) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 40 * 40) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    @Test
    void bothMapTitlesAreDrawnInTheSameFont() throws Exception {
        GroupSnapshot g = compared();
        DecisionPanel p = new DecisionPanel();
        ChartViewer[] viewer = new ChartViewer[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            viewer[0] = new ChartViewer(p.chart());
            stage.setScene(new Scene(new StackPane(viewer[0]), 480, 310));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // As in the window: one run's map, a reset (no map), then the comparison growing.
        interact(() -> p.update(new GroupSnapshot(1, List.of("run"), List.of(g.lane(0))), PanelOptions.defaults()));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> p.update(null, PanelOptions.defaults()));
        WaitForAsyncUtils.waitForFxEvents();
        for (int s = 0; s <= 100; s += 50) {
            int step = s;
            interact(() -> p.update(Timeline.at(g, step), PanelOptions.defaults()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(2, p.plot().getSubplots().size());
        WritableImage[] shot = new WritableImage[1];
        interact(() -> shot[0] = viewer[0].snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        // The titles sit over the maps, below the chart title: the top 70 px, left and right half.
        int clean = textRows(px, 0, w / 2, 70, ChartKit.lane(0).darker());
        int random = textRows(px, w / 2, w, 70, ChartKit.lane(1).darker());
        assertTrue(clean >= 5, "the clean run's title is drawn: " + clean + " rows");
        assertTrue(Math.abs(clean - random) <= 1, "the same font over both maps: " + clean + " vs " + random
                + " rows of text");
    }
}
