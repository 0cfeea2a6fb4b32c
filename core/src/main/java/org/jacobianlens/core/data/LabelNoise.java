package org.jacobianlens.core.data;

import java.util.Random;

/**
 * Nested uniform label noise (SCIENCE.md §1.1). For a seed, one permutation π of the n training positions and one
 * uniformly random class per position are drawn, independently of the level. Level p corrupts the first
 * round(p·n) positions of π: each receives its random class, which may equal its true class (so p = 1 makes the
 * labels independent of the inputs, and on average only p·(K−1)/K labels actually change). For the same seed,
 * n and K, the corrupted set of a level contains the corrupted sets of all lower levels.
 */
public final class LabelNoise {
    private LabelNoise() {
    }

    /**
     * Noisy labels and the positions that received a random class.
     *
     * @param labels    n labels actually trained on
     * @param corrupted n flags, true where the label was replaced by a random draw (which may equal the true one)
     */
    public record Result(int[] labels, boolean[] corrupted) {
        /** Number of corrupted positions (round(p·n)). */
        public int corruptedCount() {
            int c = 0;
            for (boolean b : corrupted) {
                if (b) {
                    c++;
                }
            }
            return c;
        }
    }

    /** Number of positions corrupted at level p among n: Math.round(p·n). */
    public static int count(int n, double p) {
        checkLevel(p);
        return (int) Math.round(p * n);
    }

    /**
     * Applies nested label noise; the input array is not modified.
     *
     * @param labels     n clean labels in [0, numClasses)
     * @param numClasses K ≥ 1, the classes a random label is drawn from uniformly
     * @param p          level in [0, 1]
     * @param seed       noise seed; the permutation and random classes depend only on (seed, n, K)
     * @return new labels (equal to the input outside the corrupted positions) and the corrupted mask
     * @throws IllegalArgumentException if p is outside [0, 1], K &lt; 1 or a label is outside [0, K)
     */
    public static Result apply(int[] labels, int numClasses, double p, long seed) {
        checkLevel(p);
        if (numClasses < 1) {
            throw new IllegalArgumentException("label noise needs at least one class, found " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0–"
                        + (numClasses - 1));
            }
        }
        int n = labels.length;
        int[] order = order(n, seed);
        int[] random = randomClasses(n, numClasses, seed);
        int m = count(n, p);
        int[] out = labels.clone();
        boolean[] corrupted = new boolean[n];
        for (int r = 0; r < m; r++) {
            int i = order[r];
            out[i] = random[i];
            corrupted[i] = true;
        }
        return new Result(out, corrupted);
    }

    /**
     * "Flip" mode (SCIENCE.md §1.1): exactly round(p·n) labels are changed to a <em>different</em> class. Uses the
     * same permutation π as {@link #apply}; position i moves to class (y + o_i) mod K with a seeded offset o_i
     * uniform in 1..K−1, so levels are nested in the same way. The input array is not modified.
     *
     * @param labels     n clean labels in [0, numClasses)
     * @param numClasses K ≥ 2
     * @param p          level in [0, 1]
     * @param seed       noise seed
     * @return new labels and the mask of changed positions (every flagged label differs from the true one)
     * @throws IllegalArgumentException if p is outside [0, 1], K &lt; 2 or a label is outside [0, K)
     */
    public static Result flip(int[] labels, int numClasses, double p, long seed) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("flip noise needs at least two classes, found " + numClasses);
        }
        Result draw = apply(labels, numClasses, p, seed);
        int[] offsets = randomClasses(labels.length, numClasses - 1, ~seed);
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            if (draw.corrupted()[i]) {
                out[i] = (labels[i] + 1 + offsets[i]) % numClasses;
            }
        }
        return new Result(out, draw.corrupted());
    }

    /** The permutation π of 0..n−1 for a seed: position order[r] is the r-th to be corrupted. */
    public static int[] order(int n, long seed) {
        Random rng = new Random(seed);
        int[] pi = new int[n];
        for (int i = 0; i < n; i++) {
            pi[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = pi[i];
            pi[i] = pi[j];
            pi[j] = t;
        }
        return pi;
    }

    /** The random class of every position 0..n−1 for a seed, uniform in [0, K). */
    static int[] randomClasses(int n, int numClasses, long seed) {
        Random rng = new Random(seed ^ 0x2545F4914F6CDD1DL);
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextInt(numClasses);
        }
        return c;
    }

    private static void checkLevel(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("label-noise level must be in [0, 1], found " + p);
        }
    }
}
