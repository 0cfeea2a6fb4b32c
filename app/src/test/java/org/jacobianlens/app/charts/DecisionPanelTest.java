package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jacobianlens.app.export.ChartExport;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.decision.DecisionMap;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.junit.jupiter.api.Test;

class DecisionPanelTest {

    private static GroupSnapshot run(String dataset, boolean unitNorm, int steps) throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec(dataset, dataset.equals("digits") ? new int[] {3, 5} : null, 100, 20, 0.1,
                        false, unitNorm, false, 2))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 512, 1)
                .withStop(steps, 0)
                .withAnalysis(50, 100, 0.1);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            Snapshot s = r.advance(steps);
            return new GroupSnapshot(1, List.of("run"), List.of(s));
        }
    }

    @Test
    void appearsForSpiralsAndDrawsTheLatestMapWithEveryTrainingPoint() throws DatasetException {
        GroupSnapshot g = run("spirals", false, 100);
        assertTrue(DecisionPanel.applies(g));
        DecisionPanel p = new DecisionPanel();
        p.update(g, 0, PanelOptions.defaults());
        DecisionMap m = p.shown();
        assertNotNull(m);
        assertEquals(g.lane(0).latestDecision(), m);
        assertEquals(m.gridSize() * m.gridSize(), p.plot().getDataset(1).getItemCount(0), "one block per cell");
        int points = 0;
        for (int s = 0; s < p.plot().getDataset(0).getSeriesCount(); s++) {
            String name = (String) p.plot().getDataset(0).getSeriesKey(s);
            points += name.startsWith("class") ? p.plot().getDataset(0).getItemCount(s) : 0;
        }
        assertEquals(100, points, "every training point, in its label's series");
        assertEquals(10, p.plot().getDataset(0).getItemCount(p.plot().getDataset(0).getSeriesCount() - 1),
                "noise 0.1 of 100: ten crosses");
        assertTrue(p.chart().getTitle().getText().contains("step 100"));
        // The picture: cells predicting class 1 (f ≥ 0) are reddish, class 0 bluish.
        BufferedImage img = ChartExport.image(p.chart(), 640, 480, 1);
        assertTrue(img.getWidth() == 640);
        Color c0 = (Color) new DecisionPanel.ClassScale().getPaint(0.9);
        Color c1 = (Color) new DecisionPanel.ClassScale().getPaint(1.9);
        assertTrue(c0.getBlue() > c0.getRed() && c1.getRed() > c1.getBlue());
    }

    @Test
    void agreementCountsPointsOnTheSideOfTheirLabel() throws DatasetException {
        GroupSnapshot g = run("spirals", false, 100);
        DecisionMap m = g.lane(0).latestDecision();
        int ok = 0;
        for (int p = 0; p < m.labels().length; p++) {
            int best = 0;
            double dist = Double.POSITIVE_INFINITY;
            for (int c = 0; c < m.gridSize() * m.gridSize(); c++) {
                double dx = m.cellX(c % m.gridSize()) - m.pointX()[p];
                double dy = m.cellY(c / m.gridSize()) - m.pointY()[p];
                if (dx * dx + dy * dy < dist) {
                    dist = dx * dx + dy * dy;
                    best = c;
                }
            }
            ok += m.predictedClass(best % m.gridSize(), best / m.gridSize()) == m.labels()[p] ? 1 : 0;
        }
        assertEquals(ok / 100.0, DecisionPanel.agreement(m), 1e-12);
    }

    @Test
    void imageDataHasNoDecisionPanel() throws DatasetException {
        GroupSnapshot g = run("digits", true, 5);
        assertFalse(DecisionPanel.applies(g));
        DecisionPanel p = new DecisionPanel();
        p.update(g, 0, PanelOptions.defaults());
        assertNull(p.shown());
    }
}
