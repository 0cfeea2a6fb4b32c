package org.jacobianlens.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded, class-balanced selection of examples and seed derivation. */
final class Sampling {
    private Sampling() {
    }

    /** An independent seed for a named stream (SplitMix64 finalizer of seed and stream). */
    static long derive(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Selects n indices of rows whose class is selected, as balanced over the selected classes as the data allow
     * (every class gets ⌊n/K⌋ or ⌈n/K⌉, the earlier classes the extra ones; a class with too few rows gives its
     * shortfall to the others), in a seeded random order.
     *
     * @param labels   source labels of all rows
     * @param remap    remap[sourceClass] = selected class index, or −1 for classes left out
     * @param exclude  rows that must not be chosen (may be null)
     * @param n        number of rows wanted
     * @param what     description for the error message, e.g. "fashion-mnist training"
     * @param classes  the selected source classes (for the error message)
     * @return n distinct row indices
     * @throws DatasetException if fewer than n eligible rows exist; the message gives the available counts
     */
    static int[] select(int[] labels, int[] remap, boolean[] exclude, int n, Random rng, String what, int[] classes)
            throws DatasetException {
        int k = classes.length;
        List<List<Integer>> groups = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            int c = remap[labels[i]];
            if (c >= 0 && (exclude == null || !exclude[i])) {
                groups.get(c).add(i);
            }
        }
        int available = groups.stream().mapToInt(List::size).sum();
        if (available < n) {
            StringBuilder per = new StringBuilder();
            for (int c = 0; c < k; c++) {
                per.append(c == 0 ? "" : ", ").append(groups.get(c).size()).append(" of class ").append(classes[c]);
            }
            throw new DatasetException(what + ": asked for " + n + " examples of classes " + Arrays.toString(classes)
                    + " but only " + available + " exist (" + per + ")");
        }
        int[] quota = new int[k];
        int remaining = n;
        while (remaining > 0) {
            List<Integer> open = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                if (quota[c] < groups.get(c).size()) {
                    open.add(c);
                }
            }
            int share = remaining / open.size();
            if (share == 0) {
                for (int r = 0; r < remaining; r++) {
                    quota[open.get(r)]++;
                }
                remaining = 0;
            } else {
                for (int c : open) {
                    int give = Math.min(share, groups.get(c).size() - quota[c]);
                    quota[c] += give;
                    remaining -= give;
                }
            }
        }
        int[] chosen = new int[n];
        int at = 0;
        for (int c = 0; c < k; c++) {
            int[] g = groups.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(g, rng);
            System.arraycopy(g, 0, chosen, at, quota[c]);
            at += quota[c];
        }
        shuffle(chosen, rng);
        return chosen;
    }

    static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
