package org.jacobianlens.core.data;

import java.util.Arrays;

/**
 * What data to train on and how to prepare it. Deterministic: the same spec always yields the same data.
 *
 * @param dataset  a bundled name ({@code fashion-mnist}, {@code digits}), a synthetic name
 *                 ({@code blobs}, {@code spirals}, {@code circles}, {@code xor}, {@code teacher}, optionally
 *                 with parameters such as {@code blobs:classes=4,dim=8}), or a file/directory path
 *                 (IDX, CIFAR-10 binary batch, CSV)
 * @param classes  source class indices to keep, in order (first class ⇒ label 0 ⇒ target −1 when two), or
 *                 {@code null} for all classes
 * @param nTrain   number of training examples (seeded selection)
 * @param nTest    number of test examples (seeded selection)
 * @param noise    label-noise level p ∈ [0, 1]: exactly round(p·n) training positions get a uniformly random class
 * @param center   subtract the training mean (before unit-norm scaling)
 * @param unitNorm  scale every row to unit Euclidean norm (Arora et al.), after the bias input
 * @param biasInput append a constant coordinate b, x ↦ (x, b), before unit-norm scaling, so a network without
 *                  biases (Arora et al.'s) can place its ReLU kinks off the origin ({@link Preprocessing})
 * @param seed      master seed for selection, noise and synthetic generation
 */
public record DatasetSpec(String dataset, int[] classes, int nTrain, int nTest, double noise, boolean center,
                          boolean unitNorm, boolean biasInput, long seed) {

    public DatasetSpec {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be a name or a path, found nothing");
        }
        if (nTrain < 1) {
            throw new IllegalArgumentException("n must be at least 1, found " + nTrain);
        }
        if (nTest < 0) {
            throw new IllegalArgumentException("test size must be at least 0, found " + nTest);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be in [0, 1], found " + noise);
        }
        classes = classes == null ? null : classes.clone();
    }

    /** The app's default: 500 Fashion-MNIST training images of all 10 classes, unit norm, clean labels. */
    public static DatasetSpec defaults() {
        return new DatasetSpec("fashion-mnist", null, 500, 500, 0.0, false, true, false, 1L);
    }

    /**
     * Whether {@code dataset} gets the bias input unless told otherwise: yes for the synthetic sets that live in the
     * plane ({@link Synthetic#isPlanar}), whose classes a network without biases cannot separate along rays from
     * the origin; no for images and other data, where it would change what the papers' experiments measured.
     */
    public static boolean defaultBiasInput(String dataset) {
        return Synthetic.isPlanar(dataset);
    }

    public DatasetSpec withNoise(double p) {
        return new DatasetSpec(dataset, classes, nTrain, nTest, p, center, unitNorm, biasInput, seed);
    }

    /** The same data drawn with another seed. */
    public DatasetSpec withSeed(long s) {
        return new DatasetSpec(dataset, classes, nTrain, nTest, noise, center, unitNorm, biasInput, s);
    }

    /** The same selection and noise with the given preprocessing. */
    public DatasetSpec withPreprocessing(boolean c, boolean unit, boolean bias) {
        return new DatasetSpec(dataset, classes, nTrain, nTest, noise, c, unit, bias, seed);
    }

    @Override
    public int[] classes() {
        return classes == null ? null : classes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSpec s && dataset.equals(s.dataset) && Arrays.equals(classes, s.classes)
                && nTrain == s.nTrain && nTest == s.nTest && Double.compare(noise, s.noise) == 0
                && center == s.center && unitNorm == s.unitNorm && biasInput == s.biasInput && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return dataset.hashCode() * 31 + Arrays.hashCode(classes) + Long.hashCode(seed) + nTrain;
    }

    @Override
    public String toString() {
        return "DatasetSpec[" + dataset + ", classes=" + Arrays.toString(classes) + ", n=" + nTrain + ", test="
                + nTest + ", noise=" + noise + ", center=" + center + ", unitNorm=" + unitNorm + ", biasInput=" + biasInput + ", seed=" + seed + "]";
    }
}
