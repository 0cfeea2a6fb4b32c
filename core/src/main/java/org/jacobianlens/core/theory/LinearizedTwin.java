package org.jacobianlens.core.theory;

import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.Eigen;
import org.jacobianlens.core.linalg.SymmetricEigen;

/**
 * The linearized network of Ortiz-Jiménez et al. (SCIENCE.md §5.1), f_lin(x; θ) = f(x; θ₀) + ∇f(x; θ₀)(θ − θ₀),
 * trained by full-batch gradient descent on the squared loss (c/2)·Σ‖f − y‖², in closed form through the
 * eigendecomposition Θ₀ = V Λ Vᵀ of the initial kernel on the training set:
 * <ul>
 *   <li>train: r_t = V (1 − ηcΛ)ᵗ Vᵀ r₀ with r₀ = Y − f₀(X), so f_lin,t(X) = Y − r_t;</li>
 *   <li>test: f_lin,t(X*) = f₀(X*) + Θ₀(X*, X) V diag((1 − (1 − ηcλᵢ)ᵗ)/λᵢ) Vᵀ r₀.</li>
 * </ul>
 * The factor (1 − (1 − ηcλ)ᵗ)/λ is evaluated stably (it tends to ηc·t as λ → 0), so no ridge is needed.
 *
 * <p>With K outputs the exact linearization couples them through the full nK × nK kernel (SCIENCE.md §2.5): build
 * it with {@link #full}, which works on vec(Y) (class-major) and gives outputs back as n × K. The constructor applies
 * one n × n kernel to every output column, which is exact for one output.
 */
public final class LinearizedTwin {
    private final int n;
    private final int nTest;
    private final int outputs;
    private final double etaC;
    private final double[] lambda;
    /** V, n × n row-major (column i = eigenvector i). */
    private final double[] v;
    /** Θ₀(X*, X)·V, n* × n row-major. */
    private final double[] crossV;
    /** Vᵀ r₀, n × K row-major. */
    private final double[] q;
    private final double[][] targets;
    private final double[][] f0Test;
    /** K when the kernel is the full nK × nK one (the arrays here then hold vec(·), one column); else 1. */
    private final int blocks;

    /**
     * @param gram      Θ₀(X, X), n × n
     * @param cross     Θ₀(X*, X), n* × n (may have no rows)
     * @param f0        f(X; θ₀), n × K
     * @param f0Test    f(X*; θ₀), n* × K
     * @param targets   Y, n × K (the labels trained on)
     * @param eta       learning rate η
     * @param lossScale c of the loss
     */
    public LinearizedTwin(double[][] gram, double[][] cross, double[][] f0, double[][] f0Test, double[][] targets,
                          double eta, double lossScale) {
        this(gram, cross, f0, f0Test, targets, eta, lossScale, 1);
    }

    /**
     * The twin of a K-output network on its full kernel.
     *
     * @param gram    Θ₀(X, X), nK × nK, class-major (row k·n + i)
     * @param cross   Θ₀(X*, X), n*K × nK, class-major on both sides
     * @param f0      f(X; θ₀), n × K; f0Test, targets likewise
     */
    public static LinearizedTwin full(double[][] gram, double[][] cross, double[][] f0, double[][] f0Test,
                                      double[][] targets, double eta, double lossScale) {
        int k = targets[0].length;
        return new LinearizedTwin(gram, cross, Targets.stackClassMajor(f0), Targets.stackClassMajor(f0Test),
                Targets.stackClassMajor(targets), eta, lossScale, k);
    }

    private LinearizedTwin(double[][] gram, double[][] cross, double[][] f0, double[][] f0Test, double[][] targets,
                           double eta, double lossScale, int blocks) {
        this.blocks = blocks;
        this.n = gram.length;
        this.nTest = cross.length;
        this.outputs = targets[0].length;
        this.etaC = eta * lossScale;
        this.targets = targets;
        this.f0Test = f0Test;
        Eigen e = SymmetricEigen.decompose(gram);
        this.lambda = e.values();
        // Eigen stores vector i as row i; V has them as columns, i.e. V = rowsᵀ.
        double[] vt = e.vectors();
        this.v = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[j * n + i] = vt[i * n + j];
            }
        }
        double[] r0 = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outputs; k++) {
                r0[i * outputs + k] = targets[i][k] - f0[i][k];
            }
        }
        this.q = Blas.multiply(vt, n, n, r0, outputs);
        this.crossV = nTest == 0 ? new double[0] : Blas.multiply(Blas.flatten(cross), nTest, n, v, n);
    }

    /** Outputs on the training inputs after t steps (n × K). */
    public double[][] trainOutputs(int t) {
        return unvec(trainVec(t));
    }

    private double[][] trainVec(int t) {
        double[] scaled = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            double decay = Math.pow(1 - etaC * lambda[i], t);
            for (int k = 0; k < outputs; k++) {
                scaled[i * outputs + k] = decay * q[i * outputs + k];
            }
        }
        double[] r = Blas.multiply(v, n, n, scaled, outputs);
        double[][] u = new double[n][outputs];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outputs; k++) {
                u[i][k] = targets[i][k] - r[i * outputs + k];
            }
        }
        return u;
    }

    /** Outputs on the test inputs after t steps (n* × K). */
    public double[][] testOutputs(int t) {
        return unvec(testVec(t));
    }

    private double[][] testVec(int t) {
        if (nTest == 0) {
            return new double[0][];
        }
        double[] scaled = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            double g = gain(lambda[i], t);
            for (int k = 0; k < outputs; k++) {
                scaled[i * outputs + k] = g * q[i * outputs + k];
            }
        }
        double[] delta = Blas.multiply(crossV, nTest, n, scaled, outputs);
        double[][] out = new double[nTest][outputs];
        for (int i = 0; i < nTest; i++) {
            for (int k = 0; k < outputs; k++) {
                out[i][k] = f0Test[i][k] + delta[i * outputs + k];
            }
        }
        return out;
    }

    /** Outputs as n × K: the full kernel's vec(·) unstacked, the per-output arrays as they are. */
    private double[][] unvec(double[][] v) {
        return blocks == 1 ? v : Targets.unstackClassMajor(v, blocks);
    }

    /** (1 − (1 − ηcλ)ᵗ)/λ, stable as λ → 0 (where it tends to ηc·t). */
    double gain(double lam, int t) {
        double a = etaC * lam;
        if (Math.abs(a) < 1e-12) {
            return etaC * t * (1 - (t - 1) * a / 2);
        }
        if (a < 1) {
            return -Math.expm1(t * Math.log1p(-a)) / lam;
        }
        return (1 - Math.pow(1 - a, t)) / lam;
    }
}
