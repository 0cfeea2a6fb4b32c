package org.jacobianlens.app.viewmodel;

import java.util.Arrays;

/**
 * Rolling record of frame times (the gap between JavaFX pulses, and the time spent rendering in each), reporting
 * median, 99th percentile and maximum. Keeps the last {@code capacity} samples.
 */
public final class PulseStats {
    private final double[] samples;
    private int count;
    private int next;

    public PulseStats(int capacity) {
        samples = new double[capacity];
    }

    /** Adds one frame time in milliseconds. */
    public void add(double millis) {
        samples[next] = millis;
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    public int count() {
        return count;
    }

    /** The q-quantile (0..1) of the kept samples, by the nearest-rank rule; NaN when empty. */
    public double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(samples, count);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * count);
        return s[Math.min(count - 1, Math.max(0, rank - 1))];
    }

    public double max() {
        return quantile(1.0);
    }

    public void clear() {
        count = 0;
        next = 0;
    }

    /** "p50 16.7 ms, p99 18.0 ms, max 25.1 ms (n = 600)". */
    public String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n = %d)", quantile(0.5), quantile(0.99), max(),
                count);
    }
}
