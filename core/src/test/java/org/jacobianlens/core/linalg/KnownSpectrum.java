package org.jacobianlens.core.linalg;

import java.util.Random;

/**
 * Test matrices with a spectrum known in closed form: A = H₂H₁ D H₁H₂ with two random Householder reflections
 * H = I − 2uuᵀ, so the eigenvalues are exactly the diagonal d and the eigenvectors H₂H₁e_i are dense.
 */
final class KnownSpectrum {
    private KnownSpectrum() {
    }

    /** The symmetric matrix with eigenvalues d (any order). */
    static double[][] matrix(double[] d, long seed) {
        int n = d.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = d[i];
        }
        Random rng = new Random(seed);
        for (int r = 0; r < 2; r++) {
            double[] u = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                u[i] = rng.nextGaussian();
                norm += u[i] * u[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                u[i] /= norm;
            }
            reflect(a, u);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    /** a ← H a H with H = I − 2uuᵀ: a − 2u(aᵀu)ᵀ − 2(au)uᵀ + 4(uᵀau)uuᵀ. */
    private static void reflect(double[][] a, double[] u) {
        int n = u.length;
        double[] au = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * u[j];
            }
            au[i] = s;
        }
        double uau = 0;
        for (int i = 0; i < n; i++) {
            uau += u[i] * au[i];
        }
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            for (int j = 0; j < n; j++) {
                row[j] += -2 * u[i] * au[j] - 2 * au[i] * u[j] + 4 * uau * u[i] * u[j];
            }
        }
    }

    /** A power-law spectrum λ_i = scale·(i + 1)^(−p), descending. */
    static double[] powerLaw(int n, double scale, double p) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = scale * Math.pow(i + 1, -p);
        }
        return d;
    }

    /** n × cols Gaussian labels. */
    static double[][] labels(int n, int cols, long seed) {
        Random rng = new Random(seed);
        double[][] y = new double[n][cols];
        for (double[] row : y) {
            for (int c = 0; c < cols; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        return y;
    }
}
