package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ARPACK top-k solver against closed-form spectra and the dense LAPACK solver. */
class TopEigenTest {

    /** Relative agreement asked of eigenvalues and energies (issue 11: ≤ 1e-8). */
    private static final double REL = 1e-8;

    @Tag("slow") // about 25 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void clusteredPowerLawAtN3000MatchesDenseEigenvaluesAndEnergies() {
        int n = 3000;
        int k = 100;
        double[] d = KnownSpectrum.powerLaw(n, 50.0, 1.2);
        // Clusters inside the top k: ten pairs 1e-7 apart and a triple 1e-9 apart (relative).
        for (int c = 0; c < 10; c++) {
            int i = 10 + 8 * c;
            d[i + 1] = d[i] * (1 - 1e-7);
        }
        d[40] = d[39] * (1 - 1e-9);
        d[41] = d[39] * (1 - 2e-9);
        double[][] a = KnownSpectrum.matrix(d, 11);
        double[][] y = KnownSpectrum.labels(n, 3, 5);
        LabelSpectrum dense = EigenSolver.dense(a, y);
        LabelSpectrum top;
        try (DenseOperator op = DenseOperator.of(a)) {
            top = EigenSolver.topK(op, k, y);
        }
        assertEquals(LabelSpectrum.Method.LANCZOS, top.method());
        double[] exact = d.clone();
        Arrays.sort(exact);
        for (int i = 0; i < k; i++) {
            double want = exact[n - 1 - i];
            assertEquals(want, top.values()[i], REL * want, "eigenvalue " + i + " against the closed form");
            assertEquals(dense.values()[i], top.values()[i], REL * want, "eigenvalue " + i + " against dsyevd");
        }
        double total = dense.totals()[0];
        // Energies: per eigenvector where the eigenvalue is isolated, per cluster where it is not (inside a
        // cluster the eigenvectors may rotate freely; the cluster's span may not). Cumulative at every index
        // that does not split a cluster.
        double cumDense = 0;
        double cumTop = 0;
        for (int i = 0; i < k; i++) {
            cumDense += dense.energies()[0][i];
            cumTop += top.energies()[0][i];
            boolean splitsCluster = i + 1 < k && top.values()[i + 1] > top.values()[i] * (1 - 1e-6);
            if (!splitsCluster) {
                assertEquals(cumDense, cumTop, REL * total, "cumulative energy at " + (i + 1));
            }
        }
        assertEquals(total, cumTop + top.rest()[0], 1e-12 * total, "top-k plus rest is ‖y‖²");
        double restDense = 0;
        for (int i = k; i < n; i++) {
            restDense += dense.energies()[0][i];
        }
        assertEquals(restDense, top.rest()[0], REL * total, "rest against the dense tail");
        assertTrue(top.describe().startsWith("top 100 of n = 3,000 by Lanczos"), top.describe());
    }

    @Test
    void repeatedEigenvaluesAreAllFound() {
        // Multiplicity 3 and 10 (the K = 10 output copies of a block-diagonal kernel) among the top 30.
        int n = 800;
        double[] d = KnownSpectrum.powerLaw(n, 10.0, 1.0);
        for (int i = 1; i < 3; i++) {
            d[2 + i] = d[2];
        }
        for (int i = 1; i < 10; i++) {
            d[12 + i] = d[12];
        }
        double[][] a = KnownSpectrum.matrix(d, 3);
        double[] exact = d.clone();
        Arrays.sort(exact);
        try (DenseOperator op = DenseOperator.of(a)) {
            TopEigen.Result r = TopEigen.solve(op, 30);
            assertFalse(r.dense());
            for (int i = 0; i < 30; i++) {
                assertEquals(exact[n - 1 - i], r.values()[i], 1e-10 * exact[n - 1], "eigenvalue " + i);
            }
            // Eigenvectors orthonormal and A v = λ v.
            for (int i = 0; i < 30; i++) {
                double[] v = r.vector(i);
                for (int j = 0; j <= i; j++) {
                    double dot = dot(v, r.vector(j));
                    assertEquals(i == j ? 1.0 : 0.0, dot, 1e-10, "vᵢ·vⱼ for " + i + ", " + j);
                }
                double[] av = times(a, v);
                double res = 0;
                for (int t = 0; t < n; t++) {
                    double e = av[t] - r.values()[i] * v[t];
                    res += e * e;
                }
                assertTrue(Math.sqrt(res) < 1e-9 * exact[n - 1], "residual of pair " + i + ": " + Math.sqrt(res));
            }
        }
    }

    @Test
    void smallAndEdgeSizesGoDenseAndAgree() {
        // n = 1, k ≥ n, and k close to n.
        try (DenseOperator one = DenseOperator.of(new double[][] {{2.5}})) {
            TopEigen.Result r = TopEigen.solve(one, 5);
            assertArrayEquals(new double[] {2.5}, r.values());
            assertArrayEquals(new double[] {1.0}, r.vectors());
            LabelSpectrum s = EigenSolver.topK(one, 3, new double[][] {{-2.0}});
            assertEquals(4.0, s.energies()[0][0], 1e-15);
            assertEquals(0.0, s.rest()[0], 1e-15);
            assertTrue(s.complete());
        }
        double[][] a = KnownSpectrum.matrix(KnownSpectrum.powerLaw(100, 3.0, 0.5), 2);
        double[] dense = SymmetricEigen.eigenvalues(a);
        try (DenseOperator op = DenseOperator.of(a)) {
            for (int k : new int[] {99, 100, 250}) {
                TopEigen.Result r = TopEigen.solve(op, k);
                assertTrue(r.dense());
                assertEquals(Math.min(k, 100), r.k());
                for (int i = 0; i < r.k(); i++) {
                    assertEquals(dense[i], r.values()[i], 1e-13 * dense[0]);
                }
            }
        }
    }

    @Test
    void restPlusTopKIsTheLabelNormForSeveralLabelMatrices() {
        int n = 400;
        double[][] a = KnownSpectrum.matrix(KnownSpectrum.powerLaw(n, 7.0, 1.5), 9);
        double[][] y1 = KnownSpectrum.labels(n, 1, 1);
        double[][] y10 = KnownSpectrum.labels(n, 10, 2);
        try (DenseOperator op = DenseOperator.of(a)) {
            LabelSpectrum s = EigenSolver.topK(op, 20, y1, y10);
            assertEquals(20, s.k());
            for (int m = 0; m < 2; m++) {
                double sum = s.rest()[m];
                for (double e : s.energies()[m]) {
                    sum += e;
                }
                assertEquals(s.totals()[m], sum, 1e-13 * s.totals()[m]);
                assertTrue(s.rest()[m] > 0);
            }
            // The same through the dense path, cumulative at k = 20 (the spectrum is simple).
            LabelSpectrum d = EigenSolver.dense(a, y1, y10);
            for (int m = 0; m < 2; m++) {
                assertEquals(d.share(m, 20), s.share(m, 20), 1e-10);
            }
        }
    }

    @Test
    void deterministicAndTheSameThroughAMatrixFreeOperator() {
        int n = 500;
        double[][] a = KnownSpectrum.matrix(KnownSpectrum.powerLaw(n, 1e-9, 1.1), 4); // tiny entries on purpose
        SymmetricOperator javaOnly = new SymmetricOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(DoublePointer x, DoublePointer y, int columns) {
                double[] in = new double[n];
                for (int c = 0; c < columns; c++) {
                    x.getPointer((long) c * n).get(in, 0, n);
                    y.getPointer((long) c * n).put(times(a, in), 0, n);
                }
            }
        };
        double[] want = SymmetricEigen.eigenvalues(a);
        TopEigen.Result r1 = TopEigen.solve(javaOnly, 15);
        TopEigen.Result r2 = TopEigen.solve(javaOnly, 15);
        assertArrayEquals(r1.values(), r2.values(), 0.0);
        assertArrayEquals(r1.vectors(), r2.vectors(), 0.0);
        for (int i = 0; i < 15; i++) {
            assertEquals(want[i], r1.values()[i], 1e-10 * want[0], "eigenvalue " + i);
        }
        assertTrue(r1.products() > 15);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += a[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }
}
