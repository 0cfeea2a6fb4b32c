package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunInfo;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;
import org.junit.jupiter.api.Test;

/** The spectrum panel draws σ or λ and maps the dragged cutoff line back to a fraction of σ₁. */
class SpectrumPanelTest {
    private static GroupSnapshot group() {
        AnalysisFrame f = new AnalysisFrame(0, 3, new double[] {16, 4, 0.01}, new double[] {1, 1, 1},
                new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {1 / 3.0, 2 / 3.0, 1},
                new double[] {1 / 3.0, 2 / 3.0, 1}, 0, 0, 0, 2, 0);
        RunInfo info = new RunInfo("t", "", 3, 0, 3, 2, 0, 0, 1, "m", 1, 1, "NTK", "given");
        Snapshot s = new Snapshot(1, 0, RunState.READY, "", Curves.empty(), List.of(f), null, info);
        return new GroupSnapshot(1, List.of("only"), List.of(s));
    }

    @Test
    void singularValuesAreSquareRootsAndTheCutoffLineSitsAtTheFraction() {
        SpectrumPanel p = new SpectrumPanel();
        GroupSnapshot g = group();
        p.update(g, List.of(g.lane(0).latestFrame()), PanelOptions.defaults().withCutoff(0.3));
        assertEquals(4.0, p.plot().getDataset().getYValue(0, 0), 0);
        assertEquals(2.0, p.plot().getDataset().getYValue(0, 1), 0);
        assertEquals(0.3 * 4.0, p.cutoffValue(), 1e-12, "σ mode: the line at 0.3·σ₁");
        assertEquals(0.3, p.cutoffAt(p.cutoffValue()), 1e-12);
        assertEquals(0.5, p.cutoffAt(2.0), 1e-12, "dragging to σ = 2 means 2/σ₁");
        assertTrue(p.chart().getXYPlot().getRangeAxis().getLabel().contains("σ"));
    }

    @Test
    void inEigenvalueModeTheLineSitsAtTheSquaredFraction() {
        SpectrumPanel p = new SpectrumPanel();
        GroupSnapshot g = group();
        p.update(g, List.of(g.lane(0).latestFrame()),
                new PanelOptions(0.5, true, false, false, true));
        assertEquals(16.0, p.plot().getDataset().getYValue(0, 0), 0);
        assertEquals(0.25 * 16, p.cutoffValue(), 1e-12);
        assertEquals(0.5, p.cutoffAt(4.0), 1e-12, "λ = 4 is σ = 2 = σ₁/2");
    }

    @Test
    void largeSpectraAreDrawnWithTheHeadInFullAndAnEvenStrideToTheLast() {
        assertEquals(400, SpectrumPanel.drawnIndices(400).length, "up to 400: every point");
        int[] idx = SpectrumPanel.drawnIndices(1000);
        assertTrue(idx.length <= 401, "about 400 points for n = 1000: " + idx.length);
        for (int i = 0; i < SpectrumPanel.HEAD; i++) {
            assertEquals(i, idx[i], "the outliers one by one");
        }
        assertEquals(999, idx[idx.length - 1], "the smallest eigenvalue is always drawn");
        for (int i = 1; i < idx.length; i++) {
            assertTrue(idx[i] > idx[i - 1] && idx[i] - idx[i - 1] <= 3, "increasing, gaps of at most 3");
        }
    }
}
