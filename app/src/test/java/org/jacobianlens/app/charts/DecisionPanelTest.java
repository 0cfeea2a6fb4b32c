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
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunGroup;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.jfree.data.xy.XYSeriesCollection;
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
        p.update(g, PanelOptions.defaults());
        DecisionMap m = p.shown();
        assertNotNull(m);
        assertEquals(g.lane(0).latestDecision(), m);
        assertEquals(m.gridSize() * m.gridSize(), p.plot(0).getDataset(1).getItemCount(0), "one block per cell");
        int points = 0;
        for (int s = 0; s < p.plot(0).getDataset(0).getSeriesCount(); s++) {
            String name = (String) p.plot(0).getDataset(0).getSeriesKey(s);
            points += name.startsWith("class") ? p.plot(0).getDataset(0).getItemCount(s) : 0;
        }
        assertEquals(100, points, "every training point, in its label's series");
        assertEquals(10, p.plot(0).getDataset(0).getItemCount(p.plot(0).getDataset(0).getSeriesCount() - 1),
                "noise 0.1 of 100: ten crosses");
        assertTrue(p.chart().getTitle().getText().contains("step 100"));
        assertEquals(1, p.plot().getSubplots().size(), "one run, one map");
        assertEquals("x₁", p.plot(0).getDomainAxis().getLabel());
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

    /** Clean vs random labels: one map per run side by side, titled with the run, crosses where labels were drawn. */
    @Test
    void compareModeDrawsBothRunsSideBySideAndTheTimelineMovesBoth() throws DatasetException {
        RunConfig base = RunConfig.defaults()
                .withData(new DatasetSpec("spirals", null, 80, 20, 0.0, false, false, true, 2))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 256, 1)
                .withStop(60, 0)
                .withAnalysis(20, 80, 0.1)
                .withAnalysisShare(0); // maps at the fixed cadence: steps 0, 20, 40, 60 in both runs
        GroupSnapshot g;
        try (RunGroup group = new RunGroup(Comparison.lanes(base, Comparison.Knob.NOISE), 3)) {
            g = group.advance(60);
        }
        DecisionPanel p = new DecisionPanel();
        Timeline timeline = new Timeline();
        timeline.shownProperty().addListener((o, was, now) -> p.update(now, PanelOptions.defaults()));
        timeline.sourceProperty().set(g);

        assertEquals(2, p.plot().getSubplots().size(), "two runs, two maps");
        assertEquals(List.of(g.lane(0).latestDecision(), g.lane(1).latestDecision()), p.shownMaps());
        for (int lane = 0; lane < 2; lane++) {
            DecisionMap m = p.shownMaps().get(lane);
            String title = p.plot(lane).getDomainAxis().getLabel();
            assertTrue(title.startsWith(g.labels().get(lane) + ": "), title);
            assertTrue(title.contains(String.format("%.0f%% fitted", 100 * DecisionPanel.agreement(m))), title);
            assertEquals(m.gridSize() * m.gridSize(), p.plot(lane).getDataset(1).getItemCount(0));
        }
        XYSeriesCollection randomPoints = (XYSeriesCollection) p.plot(1).getDataset(0);
        assertEquals("label randomized", randomPoints.getSeriesKey(randomPoints.getSeriesCount() - 1));
        assertEquals(80, randomPoints.getSeries(randomPoints.getSeriesCount() - 1).getItemCount(),
                "100 % random labels: every position drew a label, every point has its cross");
        XYSeriesCollection cleanPoints = (XYSeriesCollection) p.plot(0).getDataset(0);
        assertTrue(cleanPoints.getSeriesKey(cleanPoints.getSeriesCount() - 1).toString().startsWith("class"),
                "clean labels: no crosses");
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < p.plot().getLegendItems().getItemCount(); i++) {
            legend.add(p.plot().getLegendItems().get(i).getLabel());
        }
        assertEquals(List.of("class 0", "class 1", "label randomized"), legend, "one legend for both maps");
        assertEquals("Decision maps (step 60)", p.chart().getTitle().getText());

        p.update(new GroupSnapshot(g.groupId(), g.labels(), List.of(g.lane(0),
                org.jacobianlens.app.viewmodel.Timeline.at(g.lane(1), 40))), PanelOptions.defaults());
        assertEquals("Decision maps (steps 60 | 40)", p.chart().getTitle().getText(), "runs a few steps apart");

        timeline.select(20); // the scrubber moves both maps back
        assertEquals(List.of(20, 20), p.shownMaps().stream().map(DecisionMap::step).toList());
        assertEquals("Decision maps (step 20)", p.chart().getTitle().getText());
        assertTrue(p.shownMaps().get(0) != g.lane(0).latestDecision());
        timeline.live();
        assertEquals(List.of(60, 60), p.shownMaps().stream().map(DecisionMap::step).toList());

        ChartExport.image(p.chart(), 640, 400, 1);
        assertTrue(p.plot(0).getFixedDomainAxisSpace().getTop() > 0, "room for the titles over the maps");
        assertEquals(0, p.plot(0).getFixedDomainAxisSpace().getBottom());

        GroupSnapshot single = new GroupSnapshot(4, List.of("run"), List.of(g.lane(0)));
        p.update(single, PanelOptions.defaults());
        assertEquals(1, p.plot().getSubplots().size(), "back to one run, one map");
        assertEquals("x₁", p.plot(0).getDomainAxis().getLabel());
        ChartExport.image(p.chart(), 640, 400, 1);
        assertTrue(p.plot(0).getFixedDomainAxisSpace().getBottom() > 0, "the x axis below gets its room back");
        assertEquals(0, p.plot(0).getFixedDomainAxisSpace().getTop());
    }

    /** A unit of the plane is as long across as up, in a wide panel and a tall one, one map or two. */
    @Test
    void thePlaneKeepsEqualScales() throws DatasetException {
        GroupSnapshot one = run("spirals", false, 20);
        GroupSnapshot two = new GroupSnapshot(2, List.of("a", "b"), List.of(one.lane(0), one.lane(0)));
        DecisionPanel p = new DecisionPanel();
        for (GroupSnapshot g : List.of(one, two)) {
            p.update(g, PanelOptions.defaults());
            DecisionMap m = g.lane(0).latestDecision();
            for (int[] size : new int[][] {{900, 300}, {300, 900}}) {
                org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
                BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g2 = img.createGraphics();
                p.chart().draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, size[0], size[1]), null, info);
                g2.dispose();
                for (int i = 0; i < g.size(); i++) {
                    java.awt.geom.Rectangle2D data = info.getPlotInfo().getSubplotInfo(i).getDataArea();
                    org.jfree.data.Range x = p.plot(i).getDomainAxis().getRange();
                    org.jfree.data.Range y = p.plot().getRangeAxis().getRange();
                    String where = g.size() + " map(s) at " + size[0] + "×" + size[1];
                    assertEquals(y.getLength() / data.getHeight(), x.getLength() / data.getWidth(),
                            0.01 * y.getLength() / data.getHeight(), where);
                    assertTrue(x.getLowerBound() <= m.xMin() + 1e-9 && x.getUpperBound() >= m.xMax() - 1e-9
                            && y.getLowerBound() <= m.yMin() + 1e-9 && y.getUpperBound() >= m.yMax() - 1e-9,
                            "the whole map is on screen: " + where);
                }
            }
        }
    }

    @Test
    void imageDataHasNoDecisionPanel() throws DatasetException {
        GroupSnapshot g = run("digits", true, 5);
        assertFalse(DecisionPanel.applies(g));
        DecisionPanel p = new DecisionPanel();
        p.update(g, PanelOptions.defaults());
        assertNull(p.shown());
    }
}
