package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The quadrature tail of the predicted loss against the dense eigendecomposition. */
class LanczosQuadratureTest {
    private static final int[] STEPS = {0, 1, 2, 5, 20, 100, 1000, 10_000, 100_000};

    @Tag("slow") // about 9 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void deflatedTailMatchesDenseWithinItsStatedBracket() {
        int n = 600;
        double[] d = KnownSpectrum.powerLaw(n, 10.0, 1.1);
        double[][] a = KnownSpectrum.matrix(d, 21);
        double[][] r0 = KnownSpectrum.labels(n, 3, 8);
        double h = 1.0 / d[0];
        Eigen e = SymmetricEigen.decompose(a);
        try (DenseOperator op = DenseOperator.of(a)) {
            TopEigen.Result top = TopEigen.solve(op, 20);
            LanczosQuadrature.Curve q = LanczosQuadrature.decay(op, r0, top.vectors(), h, STEPS, 200, 1e-10);
            assertTrue(q.bounded());
            double total = EigenSolver.frobenius2(r0);
            for (int s = 0; s < STEPS.length; s++) {
                double exact = denseTail(e, r0, 20, h, STEPS[s]);
                double slack = 1e-12 * total;
                assertTrue(Math.abs(q.value()[s] - exact) <= q.error()[s] + slack,
                        "t = " + STEPS[s] + ": " + q.value()[s] + " ± " + q.error()[s] + " against " + exact);
                assertTrue(q.error()[s] <= 1e-10 * total, "bracket at t = " + STEPS[s] + ": " + q.error()[s]);
            }
            // t = 0 is ‖(I − VVᵀ) r₀‖² exactly; small t are polynomials of low degree, exact too.
            assertEquals(denseTail(e, r0, 20, h, 0), q.value()[0], 1e-12 * total);
            assertTrue(q.lanczosSteps() < 200, "steps taken: " + q.lanczosSteps());
        }
    }

    @Test
    void earlyStopLeavesAnHonestBracket() {
        // Few steps allowed: the bracket is wide at large t, but still contains the exact value.
        int n = 400;
        double[] d = KnownSpectrum.powerLaw(n, 5.0, 0.8);
        double[][] a = KnownSpectrum.matrix(d, 2);
        double[][] r0 = KnownSpectrum.labels(n, 1, 3);
        double h = 1.0 / d[0];
        Eigen e = SymmetricEigen.decompose(a);
        try (DenseOperator op = DenseOperator.of(a)) {
            LanczosQuadrature.Curve q = LanczosQuadrature.decay(op, r0, null, h, STEPS, 6, 1e-14);
            assertEquals(6, q.lanczosSteps());
            boolean someWide = false;
            for (int s = 0; s < STEPS.length; s++) {
                double exact = denseTail(e, r0, 0, h, STEPS[s]);
                assertTrue(q.value()[s] - q.error()[s] <= exact + 1e-12 && exact <= q.value()[s] + q.error()[s] + 1e-12,
                        "t = " + STEPS[s]);
                someWide |= q.error()[s] > 1e-6;
            }
            assertTrue(someWide, "six steps cannot resolve t = 10⁴ on this spectrum");
        }
    }

    @Test
    void lowRankOperatorEndsInAnExactInvariantSubspace() {
        int n = 300;
        double[] d = new double[n];
        for (int i = 0; i < 5; i++) {
            d[i] = 5 - i;
        }
        double[][] a = KnownSpectrum.matrix(d, 6);
        double[][] r0 = KnownSpectrum.labels(n, 2, 1);
        Eigen e = SymmetricEigen.decompose(a);
        try (DenseOperator op = DenseOperator.of(a)) {
            LanczosQuadrature.Curve q = LanczosQuadrature.decay(op, r0, null, 0.2, STEPS, 100, 1e-12);
            assertTrue(q.lanczosSteps() <= 8, "rank 5 plus the null direction: " + q.lanczosSteps());
            for (int s = 0; s < STEPS.length; s++) {
                // The formed matrix's null eigenvalues are ±1e-15, not 0; over 2t steps that rounding grows like
                // 2t·h·1e-15 relative (4e-11 at t = 10⁵), on either side.
                double slack = (1e-12 + 2.0 * STEPS[s] * 0.2 * 1e-14) * EigenSolver.frobenius2(r0);
                assertEquals(denseTail(e, r0, 0, 0.2, STEPS[s]), q.value()[s], slack, "t = " + STEPS[s]);
            }
        }
    }

    /** Σ_{i ≥ k} (1 − hλ_i)^{2t} Σ_c (v_iᵀ r_c)² from all eigenpairs. */
    static double denseTail(Eigen e, double[][] r0, int k, double h, int t) {
        int n = e.n();
        double s = 0;
        for (int i = k; i < n; i++) {
            double[] v = e.vector(i);
            double en = 0;
            for (int c = 0; c < r0[0].length; c++) {
                double p = 0;
                for (int j = 0; j < n; j++) {
                    p += v[j] * r0[j][c];
                }
                en += p * p;
            }
            s += Math.pow(1 - h * e.values()[i], 2.0 * t) * en;
        }
        return s;
    }
}
