package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jacobianlens.core.ntk.AnalysisFrame;
import org.junit.jupiter.api.Test;

class PanelOptionsTest {
    /** σ = 2, 1, 0.5, 0.25. */
    private static final AnalysisFrame F = new AnalysisFrame(0, 4, new double[] {4, 1, 0.25, 0.0625},
            new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1}, new double[] {4, 3, 2, 1},
            new double[] {0.25, 0.5, 0.75, 1}, new double[] {0.25, 0.5, 0.75, 1}, 0, 0, 0, 0, 0);

    @Test
    void fractionModeUsesTheCutoffAsIs() {
        PanelOptions o = PanelOptions.defaults().withCutoff(0.3);
        assertEquals(0.3, o.cutoffFor(F));
        assertEquals(2, F.countAbove(o.cutoffFor(F))); // σ ≥ 0.6
        assertEquals("0.30·σ₁", o.cutoffLabel());
    }

    @Test
    void topKModeSplitsAfterTheKthEigenvalueWhateverTheCutoff() {
        PanelOptions o = PanelOptions.defaults().withCutoff(0.9).withTopK(3);
        assertEquals(3, F.countAbove(o.cutoffFor(F)));
        // residual energies 4, 3, 2 | 1
        double[] split = F.residualSplit(o.cutoffFor(F));
        assertEquals(9, split[0], 1e-15);
        assertEquals(1, split[1], 1e-15);
        assertEquals("top 3", o.cutoffLabel());
        // k beyond the frame's size takes all of it
        assertEquals(4, F.countAbove(PanelOptions.defaults().withTopK(99).cutoffFor(F)));
    }
}
