package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The solver chooser: which path runs, what it says, and that both paths give the same numbers. */
class EigenSolverTest {

    @Test
    void autoIsDenseUpToTheLimitAndTopKIsForcedOnRequest() {
        int n = 300;
        double[][] a = KnownSpectrum.matrix(KnownSpectrum.powerLaw(n, 2.0, 1.0), 1);
        double[][] y = KnownSpectrum.labels(n, 2, 3);
        LabelSpectrum auto = EigenSolver.projections(a, EigenSolver.Mode.AUTO, 40, y);
        assertEquals(LabelSpectrum.Method.DENSE, auto.method());
        assertTrue(auto.complete());
        assertEquals(0.0, auto.rest()[0]);
        assertTrue(auto.describe().startsWith("all 300 eigenvalues (dense), "), auto.describe());
        LabelSpectrum top = EigenSolver.projections(a, EigenSolver.Mode.TOP_K, 40, y);
        assertEquals(LabelSpectrum.Method.LANCZOS, top.method());
        assertFalse(top.complete());
        assertEquals(40, top.k());
        assertTrue(top.describe().matches("top 40 of n = 300 by Lanczos, \\d+\\.\\d s"), top.describe());
        for (int i = 0; i < 40; i++) {
            assertEquals(auto.values()[i], top.values()[i], 1e-12 * auto.values()[0]);
            assertEquals(auto.energies()[0][i], top.energies()[0][i], 1e-9 * auto.totals()[0]);
        }
        assertEquals(auto.share(0, 40) + top.rest()[0] / top.totals()[0], 1.0, 1e-12);
        try (DenseOperator op = DenseOperator.of(a)) {
            LabelSpectrum viaOp = EigenSolver.projections(op, EigenSolver.Mode.AUTO, 40, y);
            assertEquals(LabelSpectrum.Method.DENSE, viaOp.method());
            assertEquals(auto.values()[299], viaOp.values()[299], 1e-13 * auto.values()[0]);
        }
    }
}
