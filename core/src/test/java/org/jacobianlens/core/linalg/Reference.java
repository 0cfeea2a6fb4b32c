package org.jacobianlens.core.linalg;

import java.util.Arrays;
import java.util.Random;

/** Independent, slow, plain-Java oracles for tests (no BLAS/LAPACK). */
public final class Reference {
    private Reference() {
    }

    /** Eigenvalues by cyclic Jacobi rotations, descending. */
    public static double[] jacobiEigenvalues(double[][] a0) {
        int n = a0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-26) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        Arrays.sort(ev);
        for (int i = 0; i < n / 2; i++) {
            double t = ev[i];
            ev[i] = ev[n - 1 - i];
            ev[n - 1 - i] = t;
        }
        return ev;
    }

    /** Solves A x = b for SPD A by Cholesky. */
    public static double[] choleskySolve(double[][] a, double[] b) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    public static double[][] randomSpd(int n, Random r) {
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += g[i][k] * g[j][k];
                }
            }
        }
        return a;
    }

    public static double[][] randomUnitRows(int n, int d, Random r) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
                s += row[j] * row[j];
            }
            for (int j = 0; j < d; j++) {
                row[j] /= Math.sqrt(s);
            }
        }
        return x;
    }
}
