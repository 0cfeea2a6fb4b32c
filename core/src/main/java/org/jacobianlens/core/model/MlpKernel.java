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

    static double[][] gram(INDArray[] w, INDArray[] b, MlpSpec.Activation act, double[][] x) {
        int n = x.length;
        int layers = w.length;
        int outputs = (int) w[layers - 1].columns();
        INDArray[] h = new INDArray[layers];    // h[ℓ] = input of layer ℓ (h[0] = X)
        INDArray[] deriv = new INDArray[layers - 1]; // φ′(z) of hidden layer ℓ
        h[0] = Nd4j.create(x);
        for (int l = 0; l < layers - 1; l++) {
            INDArray z = h[l].mmul(w[l]).addiRowVector(b[l]);
            deriv[l] = derivative(z, act);
            h[l + 1] = apply(z, act);
        }
        double[][] act2 = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int d = (int) h[l].columns();
            act2[l] = Blas.gram(h[l].dup('c').data().asDouble(), n, d);
        }
        double[] theta = new double[n * n];
        for (int k = 0; k < outputs; k++) {
            // Output layer: δ^L = e_k for every example ⇒ D^L D^Lᵀ = 𝟙𝟙ᵀ.
            addTerm(theta, null, act2[layers - 1], n);
            INDArray delta = Nd4j.zeros(DataType.DOUBLE, n, outputs);
            delta.getColumn(k).assign(1.0);
            for (int l = layers - 2; l >= 0; l--) {
                delta = delta.mmul(w[l + 1].transpose()).muli(deriv[l]);
                int width = (int) delta.columns();
                addTerm(theta, Blas.gram(delta.dup('c').data().asDouble(), n, width), act2[l], n);
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = theta[i * n + j] / outputs;
            }
        }
        return out;
    }

    /** theta += (ddᵀ or 𝟙𝟙ᵀ when null) ⊙ (hhᵀ + 𝟙𝟙ᵀ). */
    private static void addTerm(double[] theta, double[] ddt, double[] hht, int n) {
        for (int i = 0; i < n * n; i++) {
            theta[i] += (ddt == null ? 1.0 : ddt[i]) * (hht[i] + 1.0);
        }
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
