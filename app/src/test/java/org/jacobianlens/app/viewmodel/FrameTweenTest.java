package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.ntk.AnalysisFrame;
import org.junit.jupiter.api.Test;

class FrameTweenTest {
    private static AnalysisFrame frame(int step, double[] lambda, double[] proj) {
        double[] cum = new double[proj.length];
        double total = 0;
        for (double p : proj) {
            total += p;
        }
        double run = 0;
        for (int i = 0; i < proj.length; i++) {
            run += proj[i];
            cum[i] = run / total;
        }
        return new AnalysisFrame(step, lambda.length, lambda, proj, proj, proj, cum, cum, 0.1 * step, 0, 0, 1, 0);
    }

    @Test
    void blendIsGeometricForEigenvaluesAndKeepsTheProjectionTotal() {
        AnalysisFrame a = frame(0, new double[] {100, 1}, new double[] {3, 1});
        AnalysisFrame b = frame(10, new double[] {1, 0.01}, new double[] {1, 3});
        AnalysisFrame half = FrameTween.blend(a, b, 0.5);
        assertArrayEquals(new double[] {10, 0.1}, half.eigenvalues(), 1e-12);
        assertArrayEquals(new double[] {2, 2}, half.projNoisy(), 1e-12);
        assertEquals(4.0, half.projNoisy()[0] + half.projNoisy()[1], 1e-12, "‖y‖² is preserved");
        assertEquals(0.5, half.alignment(), 1e-12);
        assertEquals(10, half.step());
    }

    /**
     * A top-2 frame of a 5 × 5 kernel whose labels have ‖Y‖² = 10: E = (3, 1) and (1, 3), rests 6 and 6 — halfway,
     * the blend still names 6 of 10 outside the computed pair (once a blend reported rest 0: ‖Y‖² was taken as the
     * sum of the two projections).
     */
    @Test
    void aTopKFrameKeepsItsRestAndSolverWhileBlending() {
        double[] cum = {0.3, 0.4};
        AnalysisFrame a = new AnalysisFrame(0, 5, new double[] {4, 2}, new double[] {3, 1}, new double[] {3, 1},
                new double[] {3, 1}, cum, cum, 0, 0, 0, 2, 0, new double[] {6, 6, 6}, new double[] {10, 10, 10},
                "Lanczos", 0.5);
        AnalysisFrame b = new AnalysisFrame(10, 5, new double[] {4, 2}, new double[] {1, 3}, new double[] {1, 3},
                new double[] {1, 3}, cum, cum, 0, 0, 0, 2, 0, new double[] {6, 6, 6}, new double[] {10, 10, 10},
                "Lanczos", 0.7);
        AnalysisFrame half = FrameTween.blend(a, b, 0.5);
        assertEquals(0.6, half.restShareNoisy(), 1e-12);
        assertEquals(0.6, half.restShareClean(), 1e-12);
        assertEquals(10.0, half.totals()[0], 1e-12);
        assertEquals("Lanczos", half.solver());
        assertFalse(half.complete());
    }

    @Test
    void tweenStartsAtTheOldFrameAndEndsExactlyAtTheNewOne() {
        FrameTween t = new FrameTween(100);
        AnalysisFrame a = frame(0, new double[] {4, 1}, new double[] {1, 1});
        AnalysisFrame b = frame(5, new double[] {16, 1}, new double[] {1, 1});
        t.target(a, 0);
        assertSame(a, t.at(0));
        t.target(b, 1000);
        assertArrayEquals(a.eigenvalues(), t.at(1000).eigenvalues(), 1e-12);
        assertTrue(t.moving(1050));
        double mid = t.at(1050).eigenvalues()[0];
        assertTrue(mid > 4 && mid < 16, "between: " + mid);
        assertSame(b, t.at(1100));
        assertFalse(t.moving(1100));
    }
}
