package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.jacobianlens.core.run.WeightFrame;
import org.jacobianlens.core.theory.BoundReport;
import org.junit.jupiter.api.Test;

/** The bound view says what the proxies leave out and which network and rank Pinto et al.'s term is about. */
class TheoryPanelTest {

    @Test
    void theBoundViewNamesTheBiasesTheRankItsToleranceAndTheTruncatedNetwork() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", null, 150, 50, 0.0, false, true, false, 2))
                .withModel(RunConfig.ModelKind.MLP, 32, 2).withStop(100, 0).withAnalysis(50, 150, 0.1);
        Snapshot s;
        try (TrainingRun r = new TrainingRun(c, 1)) {
            s = r.advance(100);
        }
        TheoryPanel p = new TheoryPanel();
        p.update(new GroupSnapshot(1, List.of("run"), List.of(s)), TheoryPanel.View.BOUNDS, PanelOptions.defaults());
        String title = p.chart().getTitle().getText();
        assertTrue(title.contains("biases left out of all four"), title);
        WeightFrame last = s.weights().get(s.weights().size() - 1);
        String ranks = "Pinto: each layer truncated to r(99 % of ‖W‖_F²) = " + last.layers()[0].energyRank() + "/32, "
                + last.layers()[1].energyRank() + "/32, " + last.layers()[2].energyRank() + "/10";
        assertTrue(title.contains(ranks), "expected '" + ranks + "' in " + title);
        assertTrue(title.contains(String.format(" (train %.2f, test %.2f", last.truncatedTrainAcc(),
                last.truncatedTestAcc())), title);
        // a truncated network without a positive margin (as after these 100 steps) has no Pinto bound, and says so
        assertEquals(!last.bounds().pintoDefined(), title.contains("γ̃ ≤ 0: no bound"), title);
        String tip = TheoryPanel.View.BOUNDS.tooltip();
        assertTrue(tip.contains(BoundReport.BIASES) && tip.contains("99 % of ‖Wℓ‖_F²"), tip);
    }

    @Test
    void aFrameSavedBeforeTheTruncationSaysSo() {
        WeightFrame old = new WeightFrame(10, new org.jacobianlens.core.theory.LayerStats[0],
                new BoundReport(0.5, 0.05, 1, 1, 1, Double.NaN, 10, 2, 64, 1, 3, 1, Double.NaN, Double.NaN),
                Double.NaN, Double.NaN);
        assertTrue(TheoryPanel.truncation(old).startsWith("not recorded"), TheoryPanel.truncation(old));
    }
}
