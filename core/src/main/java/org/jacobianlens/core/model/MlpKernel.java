package org.jacobianlens.core.model;

import org.jacobianlens.core.linalg.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Empirical NTK Gram of an MLP from per-layer quantities (SCIENCE.md §2.4), standard parameterization with a
 * bias in every layer: Θ^(k,k) = Σ_ℓ (D^ℓ_k D^ℓ_kᵀ) ⊙ (H^{ℓ−1} H^{ℓ−1}ᵀ + 𝟙𝟙ᵀ), where H^ℓ are the layer
 * activations (H⁰ = X) and D^ℓ_k the backpropagated vectors for output k (δ^L = e_k,
 * δ^ℓ = φ′(z^ℓ) ⊙ W^{ℓ+1} δ^{ℓ+1} with DL4J's n_in × n_out W). Returns (1/K) Σ_k Θ^(k,k). The activation Grams
 * are shared across outputs. ReLU's derivative is 1{z > 0}, as in DL4J's own backprop.
 */
final class MlpKernel {
    private MlpKernel() {
    }

    /** Doubles of backpropagated vectors held at once (64 MB); outputs are processed in chunks under it. */
    private static final long CHUNK_DOUBLES = 8L << 20;

    static double[][] gram(INDArray[] w, INDArray[] b, MlpSpec.Activation act, double[][] x) {
        return gram(w, b, act, x, Integer.MAX_VALUE);
    }

    /** As above with at most {@code maxChunk} outputs stacked per pass (tests check chunking changes nothing). */
    static double[][] gram(INDArray[] w, INDArray[] b, MlpSpec.Activation act, double[][] x, int maxChunk) {
        int n = x.length;
        int layers = w.length;
        int outputs = (int) w[layers - 1].columns();
        Forward f = forward(w, b, act, x);
        double[][] hh = f.hh;
        double[][] deriv = f.deriv;
        int[] width = f.width;
        double[][] wFlat = f.wFlat;
        // Σ_k D^ℓ_k D^ℓ_kᵀ for every hidden layer ℓ.
        double[][] sumDdt = new double[layers - 1][];
        int top = layers - 2;
        // Top hidden layer in one product: δ_k,i = φ′_i ⊙ W^L e_k, so Σ_k δ_k,i · δ_k,j = Σ_r φ′_ir φ′_jr s_r with
        // s_r = Σ_k (W^L_rk)², the Gram of the rows φ′_i ⊙ √s: n × n × width instead of K times that.
        int dTop = width[top];
        double[] scaled = new double[n * dTop];
        double[] root = new double[dTop];
        for (int r = 0; r < dTop; r++) {
            double s2 = 0;
            for (int k = 0; k < outputs; k++) {
                double v = wFlat[layers - 1][r * outputs + k];
                s2 += v * v;
            }
            root[r] = Math.sqrt(s2);
        }
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < dTop; r++) {
                scaled[i * dTop + r] = deriv[top][i * dTop + r] * root[r];
            }
        }
        sumDdt[top] = Blas.gram(scaled, n, dTop);
        // Lower layers: outputs are stacked. Rows (i, k) of Δ^ℓ hold example i's backpropagated vector for output
        // k, so the n·c × width(ℓ) block is also an n × c·width(ℓ) matrix whose Gram is the sum over the c
        // outputs, and one backprop product serves all c of them. Same flops as one output at a time, but a few
        // large BLAS calls instead of many small ones and L Hadamard passes, not K·L.
        int maxWidth = 1;
        for (int l = 0; l < layers - 1; l++) {
            maxWidth = Math.max(maxWidth, width[l]);
        }
        int chunk = (int) Math.max(1, Math.min(Math.min(outputs, maxChunk), CHUNK_DOUBLES / ((long) n * maxWidth)));
        for (int k0 = 0; k0 < outputs && top > 0; k0 += chunk) {
            int c = Math.min(chunk, outputs - k0);
            // δ^{L−1}_k = φ′(z^{L−1}) ⊙ W^L e_k: column k of the output weights, masked per example.
            int d = dTop;
            double[] delta = new double[n * c * d];
            for (int i = 0; i < n; i++) {
                for (int kk = 0; kk < c; kk++) {
                    int row = (i * c + kk) * d;
                    int k = k0 + kk;
                    for (int r = 0; r < d; r++) {
                        delta[row + r] = wFlat[layers - 1][r * outputs + k] * deriv[top][i * d + r];
                    }
                }
            }
            for (int l = top; l >= 0; l--) {
                if (l < top) {
                    double[] g = Blas.gram(delta, n, c * width[l]);
                    if (sumDdt[l] == null) {
                        sumDdt[l] = g;
                    } else {
                        for (int i = 0; i < g.length; i++) {
                            sumDdt[l][i] += g[i];
                        }
                    }
                }
                if (l > 0) {
                    // δ^{ℓ−1} = φ′(z^{ℓ−1}) ⊙ (δ^ℓ W^ℓᵀ), for all stacked rows in one product.
                    int below = width[l - 1];
                    double[] next = Blas.multiplyTransposed(delta, n * c, width[l], wFlat[l], below);
                    for (int i = 0; i < n; i++) {
                        int dRow = i * below;
                        for (int kk = 0; kk < c; kk++) {
                            int row = (i * c + kk) * below;
                            for (int r = 0; r < below; r++) {
                                next[row + r] *= deriv[l - 1][dRow + r];
                            }
                        }
                    }
                    delta = next;
                }
            }
        }
        // Θ = (1/K) [K·(H^{L−1}H^{L−1}ᵀ + 𝟙𝟙ᵀ) + Σ_ℓ (Σ_k D^ℓ_k D^ℓ_kᵀ) ⊙ (H^ℓ H^ℓᵀ + 𝟙𝟙ᵀ)]; the output layer's
        // backpropagated vector is e_k for every example, so its D Dᵀ is 𝟙𝟙ᵀ.
        double[][] out = new double[n][n];
        double[] last = hh[layers - 1];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double s = outputs * (last[base + j] + 1.0);
                for (int l = 0; l < layers - 1; l++) {
                    s += sumDdt[l][base + j] * (hh[l][base + j] + 1.0);
                }
                row[j] = s / outputs;
            }
        }
        return out;
    }

    /**
     * Per-layer quantities of one forward pass: hh[ℓ] = H^ℓ H^ℓᵀ for the input of layer ℓ (H⁰ = X, n × n flat),
     * deriv[ℓ] = φ′(z^ℓ) of hidden layer ℓ (n × width(ℓ), row-major), width[ℓ] = outputs of layer ℓ and
     * wFlat[ℓ] = W^ℓ flat (width(ℓ−1) × width(ℓ), DL4J's n_in × n_out; ℓ ≥ 1).
     */
    private record Forward(double[][] hh, double[][] deriv, int[] width, double[][] wFlat) {
    }

    private static Forward forward(INDArray[] w, INDArray[] b, MlpSpec.Activation act, double[][] x) {
        int n = x.length;
        int layers = w.length;
        double[][] hh = new double[layers][];
        double[][] deriv = new double[layers - 1][];
        int[] width = new int[layers];
        INDArray h = Nd4j.create(x);
        for (int l = 0; l < layers; l++) {
            hh[l] = Blas.gram(flat(h), n, (int) h.columns());
            width[l] = (int) w[l].columns();
            if (l < layers - 1) {
                INDArray z = h.mmul(w[l]).addiRowVector(b[l]);
                deriv[l] = flat(derivative(z, act));
                h = apply(z, act);
            }
        }
        double[][] wFlat = new double[layers][];
        for (int l = 1; l < layers; l++) {
            wFlat[l] = flat(w[l]);
        }
        return new Forward(hh, deriv, width, wFlat);
    }

    /**
     * The full multi-output NTK (SCIENCE.md §2.4–2.5): the nK × nK Gram Θ_{(i,k),(j,k′)} = ⟨∇f_k(x_i), ∇f_k′(x_j)⟩
     * in class-major order (row r = k·n + i), Θ^{(k,k′)} = Σ_ℓ (D^ℓ_k D^ℓ_k′ᵀ) ⊙ (H^{ℓ−1}H^{ℓ−1}ᵀ + 𝟙𝟙ᵀ), standard
     * parameterization with biases as in {@link #gram}. The output layer contributes [k = k′]·(H^{L−1}H^{L−1}ᵀ + 𝟙𝟙ᵀ).
     * Its diagonal blocks average to {@link #gram}. Memory: two nK × nK double arrays (8(nK)² bytes each) and the
     * nK × width backpropagated block; for K = 10 keep n ≤ 500 here and use the top-k path above.
     */
    static double[][] fullGram(INDArray[] w, INDArray[] b, MlpSpec.Activation act, double[][] x) {
        int n = x.length;
        int layers = w.length;
        int outputs = (int) w[layers - 1].columns();
        int big = n * outputs;
        Forward f = forward(w, b, act, x);
        double[][] out = new double[big][big];
        double[] last = f.hh[layers - 1];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < n; i++) {
                double[] row = out[k * n + i];
                for (int j = 0; j < n; j++) {
                    row[k * n + j] = last[i * n + j] + 1.0;
                }
            }
        }
        int top = layers - 2;
        if (top < 0) {
            return out;
        }
        // Rows (k, i) of Δ: δ^{L−1}_{k,i} = φ′(z^{L−1}_i) ⊙ W^L e_k, class-major.
        int d = f.width[top];
        double[] delta = new double[big * d];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < n; i++) {
                int row = (k * n + i) * d;
                for (int r = 0; r < d; r++) {
                    delta[row + r] = f.wFlat[layers - 1][r * outputs + k] * f.deriv[top][i * d + r];
                }
            }
        }
        for (int l = top; l >= 0; l--) {
            double[] g = Blas.gram(delta, big, f.width[l]);
            double[] act0 = f.hh[l];
            for (int r = 0; r < big; r++) {
                int i = r % n;
                double[] row = out[r];
                int base = r * big;
                for (int c = 0; c < big; c++) {
                    row[c] += g[base + c] * (act0[i * n + c % n] + 1.0);
                }
            }
            if (l > 0) {
                int below = f.width[l - 1];
                double[] next = Blas.multiplyTransposed(delta, big, f.width[l], f.wFlat[l], below);
                for (int r = 0; r < big; r++) {
                    int i = r % n;
                    for (int c = 0; c < below; c++) {
                        next[r * below + c] *= f.deriv[l - 1][i * below + c];
                    }
                }
                delta = next;
            }
        }
        return out;
    }

    private static double[] flat(INDArray a) {
        return NdRows.flat(a);
    }

    private static INDArray apply(INDArray z, MlpSpec.Activation act) {
        return switch (act) {
            case RELU -> Transforms.relu(z, false); // in place: z is not needed afterwards
            case TANH -> Transforms.tanh(z, false);
            case SIGMOID -> Transforms.sigmoid(z, false);
            case IDENTITY -> z;
        };
    }

    private static INDArray derivative(INDArray z, MlpSpec.Activation act) {
        return switch (act) {
            case RELU -> z.gt(0.0).castTo(DataType.DOUBLE);
            case TANH -> {
                INDArray t = Transforms.tanh(z, true); // second argument is "dup": keep z intact
                yield t.mul(t).rsubi(1.0);
            }
            case SIGMOID -> {
                INDArray s = Transforms.sigmoid(z, true);
                yield s.mul(s.rsub(1.0));
            }
            case IDENTITY -> Nd4j.onesLike(z);
        };
    }
}
