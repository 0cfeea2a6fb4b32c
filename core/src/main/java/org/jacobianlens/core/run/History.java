package org.jacobianlens.core.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Growing train/test history with geometric thinning: a step is recorded when it is a multiple of a stride
 * that doubles every {@link #PER_OCTAVE} steps, so a long run keeps about PER_OCTAVE points per doubling of
 * the step count (fine at the start, where curves change fastest, and readable on a log step axis).
 */
final class History {
    static final int PER_OCTAVE = 64;

    private final List<int[]> steps = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();

    /** Whether step s should be recorded. */
    static boolean records(int s) {
        int stride = Integer.highestOneBit(Math.max(1, s / PER_OCTAVE));
        return s % stride == 0;
    }

    /** Appends one point: train, test, train acc, test acc, clean loss, corrupted loss, clean acc, corrupted acc. */
    void add(int step, double[] point) {
        if (point.length != 8) {
            throw new IllegalArgumentException("a history point has 8 values");
        }
        steps.add(new int[] {step});
        values.add(point.clone());
    }

    int size() {
        return steps.size();
    }

    double lastTrainLoss() {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1)[0];
    }

    Curves toCurves() {
        int n = steps.size();
        int[] s = new int[n];
        double[][] cols = new double[8][n];
        for (int i = 0; i < n; i++) {
            s[i] = steps.get(i)[0];
            double[] v = values.get(i);
            for (int c = 0; c < 8; c++) {
                cols[c][i] = v[c];
            }
        }
        return new Curves(s, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]);
    }
}
