package org.jacobianlens.core.linalg;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Gauss and Gauss–Radau quadrature of the spectral measure of r on A (Golub and Meurant), for the part of the
 * predicted loss curve that the top-k eigenpairs do not cover:
 * <pre>  Q(t) = Σ_c r_cᵀ (I − hA)^{2t} r_c,   r = (I − V_kV_kᵀ) r₀ (deflated), h = ηc,</pre>
 * so that ½Σᵢ(1 − hλᵢ)^{2t}(vᵢᵀr₀)² = ½[Σ_{i≤k}(1 − hλᵢ)^{2t}Eᵢ + Q(t)] exactly.
 *
 * <p>How: m steps of Lanczos with full reorthogonalization (and against V_k) from each column of r give a
 * tridiagonal T_m; the Gauss rule r_cᵀf(A)r_c ≈ ‖r_c‖² e₁ᵀ f(T_m) e₁ is exact for polynomials of degree 2m − 1,
 * and f_t(λ) = (1 − hλ)^{2t} is one of degree 2t, so it is exact for t &lt; m. For larger t the error has a sign:
 * every even derivative of f_t is ≥ 0, so Gauss is a <em>lower</em> bound, and when hλ ≤ 1 on the spectrum of the
 * deflated part (always for η ≤ 1/(cλ_max)) every odd derivative is ≤ 0, so Gauss–Radau with the prescribed node
 * at 0 (A is PSD) is an <em>upper</em> bound. The estimate is their midpoint and the stated error their half
 * distance: a bound, not a guess, in exact arithmetic. Rounding adds about 1e-14·‖r‖² plus, for eigenvalues
 * that rounding has moved by δ ≈ 1e-16·λ_max, 2t·h·δ·‖r‖² (4e-11 relative at t = 10⁵ on a rank-deficient test
 * matrix). Steps are added until the
 * bracket is below {@code tol}·‖r₀‖² at every tabulated t.
 *
 * <p>The K columns run in lockstep so each Lanczos step is one block product A·[q₁ … q_K].
 */
public final class LanczosQuadrature {
    private LanczosQuadrature() {
    }

    /**
     * @param steps          the t at which Q(t) is tabulated
     * @param value          midpoint estimate of Q(t)
     * @param error          half-width of the [Gauss, Gauss–Radau] bracket: |Q(t) − value| ≤ error
     * @param bounded        whether the Gauss–Radau upper bound's condition h·θ_max ≤ 1 held (else error is the
     *                       distance between the two rules, not a proven bound)
     * @param lanczosSteps   Lanczos steps taken (the largest over the columns)
     */
    public record Curve(int[] steps, double[] value, double[] error, boolean bounded, int lanczosSteps) {
    }

    /**
     * @param a         symmetric PSD operator of order n
     * @param r0        n × K start vectors (not modified)
     * @param deflate   k × n row-major orthonormal vectors to project out (V_kᵀ), or null / empty
     * @param h         ηc
     * @param steps     t values (≥ 0)
     * @param maxSteps  Lanczos steps at most (per column)
     * @param tol       bracket target relative to Σ‖r₀_c‖²
     */
    public static Curve decay(SymmetricOperator a, double[][] r0, double[] deflate, double h, int[] steps,
                              int maxSteps, double tol) {
        int n = a.size();
        int cols = r0.length == 0 ? 0 : r0[0].length;
        int kDef = deflate == null ? 0 : deflate.length / Math.max(n, 1);
        double[] lower = new double[steps.length];
        double[] upper = new double[steps.length];
        double scale = 0;
        double[][] q = new double[cols][n];
        double[] norm2 = new double[cols];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < n; i++) {
                q[c][i] = r0[i][c];
                scale += r0[i][c] * r0[i][c];
            }
            project(q[c], deflate, kDef, n);
            project(q[c], deflate, kDef, n);
            norm2[c] = dot(q[c], q[c]);
        }
        int limit = Math.max(1, Math.min(maxSteps, n - kDef));
        double[][][] basis = new double[cols][limit + 1][];
        double[][] alpha = new double[cols][limit];
        double[][] beta = new double[cols][limit];
        int[] length = new int[cols];
        boolean[] done = new boolean[cols];
        for (int c = 0; c < cols; c++) {
            if (norm2[c] <= 1e-300) {
                done[c] = true;
                continue;
            }
            double inv = 1 / Math.sqrt(norm2[c]);
            for (int i = 0; i < n; i++) {
                q[c][i] *= inv;
            }
            basis[c][0] = q[c];
        }
        boolean bounded = true;
        int taken = 0;
        try (DoublePointer x = new DoublePointer((long) n * Math.max(cols, 1));
             DoublePointer y = new DoublePointer((long) n * Math.max(cols, 1))) {
            for (int j = 0; j < limit; j++) {
                int active = 0;
                int[] which = new int[cols];
                for (int c = 0; c < cols; c++) {
                    if (!done[c]) {
                        x.position((long) active * n).put(basis[c][j], 0, n);
                        which[active++] = c;
                    }
                }
                if (active == 0) {
                    break;
                }
                x.position(0);
                a.apply(x, y, active);
                taken = j + 1;
                double[] w = new double[n];
                for (int t = 0; t < active; t++) {
                    int c = which[t];
                    y.position((long) t * n).get(w, 0, n);
                    double[] v = basis[c][j];
                    double al = dot(v, w);
                    alpha[c][j] = al;
                    for (int i = 0; i < n; i++) {
                        w[i] -= al * v[i] + (j > 0 ? beta[c][j - 1] * basis[c][j - 1][i] : 0.0);
                    }
                    // Full reorthogonalization, twice ("twice is enough"), against this column's basis and V_k.
                    for (int pass = 0; pass < 2; pass++) {
                        for (int b = 0; b <= j; b++) {
                            double s = dot(basis[c][b], w);
                            double[] u = basis[c][b];
                            for (int i = 0; i < n; i++) {
                                w[i] -= s * u[i];
                            }
                        }
                        project(w, deflate, kDef, n);
                    }
                    double b = Math.sqrt(dot(w, w));
                    beta[c][j] = b;
                    length[c] = j + 1;
                    double anorm = Math.abs(al) + b + (j > 0 ? beta[c][j - 1] : 0);
                    if (b <= 1e-13 * Math.max(anorm, 1e-300) || j + 1 >= limit) {
                        done[c] = true; // invariant subspace (quadrature exact) or no room left
                    } else {
                        double inv = 1 / b;
                        double[] next = w.clone();
                        for (int i = 0; i < n; i++) {
                            next[i] *= inv;
                        }
                        basis[c][j + 1] = next;
                    }
                }
                y.position(0);
                x.position(0);
                if (j % 4 == 3 || allDone(done)) {
                    boolean ok = evaluate(alpha, beta, length, done, norm2, h, steps, lower, upper);
                    bounded = ok;
                    double worst = 0;
                    for (int s = 0; s < steps.length; s++) {
                        worst = Math.max(worst, upper[s] - lower[s]);
                    }
                    if (allDone(done) || worst <= tol * scale) {
                        break;
                    }
                }
            }
        }
        bounded = evaluate(alpha, beta, length, done, norm2, h, steps, lower, upper);
        double[] value = new double[steps.length];
        double[] error = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            value[s] = 0.5 * (lower[s] + upper[s]);
            error[s] = 0.5 * Math.max(upper[s] - lower[s], 0.0);
        }
        return new Curve(steps.clone(), value, error, bounded, taken);
    }

    /** Fills lower (Gauss) and upper (Gauss–Radau at 0) sums over the columns; false if h·θ_max > 1 somewhere. */
    private static boolean evaluate(double[][] alpha, double[][] beta, int[] length, boolean[] done, double[] norm2,
                                    double h, int[] steps, double[] lower, double[] upper) {
        java.util.Arrays.fill(lower, 0);
        java.util.Arrays.fill(upper, 0);
        boolean bounded = true;
        for (int c = 0; c < alpha.length; c++) {
            int m = length[c];
            if (m == 0) {
                continue;
            }
            double b = beta[c][m - 1];
            // An exhausted Krylov space (b ≈ 0) makes Gauss exact: use it for both sides.
            boolean exact = b <= 1e-13 * (Math.abs(alpha[c][m - 1]) + (m > 1 ? beta[c][m - 2] : 0) + 1e-300);
            double[][] gauss = rule(tridiagonal(alpha[c], beta[c], m, Double.NaN));
            double[][] radau = exact ? gauss : rule(tridiagonal(alpha[c], beta[c], m, radauEnd(alpha[c], beta[c], m)));
            for (double theta : radau[0]) {
                if (h * theta > 1 + 1e-12) {
                    bounded = false;
                }
            }
            for (int s = 0; s < steps.length; s++) {
                lower[s] += norm2[c] * sum(gauss, h, steps[s]);
                upper[s] += norm2[c] * sum(radau, h, steps[s]);
            }
        }
        return bounded;
    }

    private static double sum(double[][] rule, double h, int t) {
        double s = 0;
        for (int j = 0; j < rule[0].length; j++) {
            s += rule[1][j] * Math.pow(1 - h * rule[0][j], 2.0 * t);
        }
        return s;
    }

    /**
     * The last diagonal entry that makes 0 an eigenvalue of the (m+1) × (m+1) extension of T_m:
     * α̃ = δ_m with T_m δ = β_m² e_m (Golub's Gauss–Radau construction, prescribed node a = 0).
     */
    private static double radauEnd(double[] alpha, double[] beta, int m) {
        // Forward elimination of the tridiagonal T_m: the right-hand side β_m² e_m stays zero until the last row,
        // so δ_m = β_m² / (last pivot). T_m is positive definite for a PSD operator and a non-degenerate Krylov
        // space; a vanishing pivot means 0 is already (nearly) a Ritz value, and then Gauss alone is used.
        double piv = alpha[0];
        for (int i = 1; i < m; i++) {
            piv = alpha[i] - beta[i - 1] * beta[i - 1] / piv;
        }
        double b2 = beta[m - 1] * beta[m - 1];
        return Math.abs(piv) < 1e-300 ? Double.NaN : b2 / piv;
    }

    /** T_m, or its Radau extension when {@code last} is not NaN, as a dense symmetric matrix. */
    private static double[][] tridiagonal(double[] alpha, double[] beta, int m, double last) {
        boolean extend = !Double.isNaN(last);
        int size = extend ? m + 1 : m;
        double[][] t = new double[size][size];
        for (int i = 0; i < m; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < m) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        if (extend) {
            t[m][m] = last;
            t[m - 1][m] = beta[m - 1];
            t[m][m - 1] = beta[m - 1];
        }
        return t;
    }

    /** {nodes, weights}: eigenvalues of T and the squared first components of its eigenvectors. */
    private static double[][] rule(double[][] t) {
        Eigen e = SymmetricEigen.decompose(t);
        int m = t.length;
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            double z = e.vectors()[j * m];
            w[j] = z * z;
        }
        double[] nodes = e.values().clone();
        for (int j = 0; j < m; j++) {
            nodes[j] = Math.max(nodes[j], 0.0); // PSD operator: a rounding-negative node is 0
        }
        return new double[][] {nodes, w};
    }

    private static boolean allDone(boolean[] done) {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /** v ← v − V_kᵀ(V_k v). */
    private static void project(double[] v, double[] deflate, int k, int n) {
        for (int r = 0; r < k; r++) {
            double s = 0;
            int off = r * n;
            for (int i = 0; i < n; i++) {
                s += deflate[off + i] * v[i];
            }
            for (int i = 0; i < n; i++) {
                v[i] -= s * deflate[off + i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
