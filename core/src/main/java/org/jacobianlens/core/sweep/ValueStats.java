package org.jacobianlens.core.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jacobianlens.core.run.RunState;

/**
 * One swept value summarized over its seeds: how many points were planned, finished, diverged, failed or are
 * missing, and for every {@link SweepMetric} the mean, the sample standard deviation (n − 1; NaN for fewer than two
 * numbers), the minimum and the maximum over the finished points that have a number for it. Diverged and failed
 * points are counted, never averaged: their numbers describe a run that broke off.
 *
 * @param value    the swept value
 * @param planned  points planned at this value (the number of seeds)
 * @param finished points that finished
 * @param diverged points that diverged
 * @param failed   points that failed (refused as too large, out of memory, …)
 * @param missing  planned points with no result
 */
public record ValueStats(double value, int planned, int finished, int diverged, int failed, int missing,
                         double[] mean, double[] std, double[] min, double[] max) {

    public ValueStats {
        mean = mean.clone();
        std = std.clone();
        min = min.clone();
        max = max.clone();
    }

    public double mean(SweepMetric m) {
        return mean[m.ordinal()];
    }

    public double std(SweepMetric m) {
        return std[m.ordinal()];
    }

    public double min(SweepMetric m) {
        return min[m.ordinal()];
    }

    public double max(SweepMetric m) {
        return max[m.ordinal()];
    }

    /** One row per value of the plan, in order, from whichever of its points are present. */
    public static List<ValueStats> of(SweepPlan plan, List<SweepPoint> points) {
        double[] values = plan.spec().values();
        List<ValueStats> rows = new ArrayList<>();
        for (double v : values) {
            List<SweepPoint> at = points.stream().filter(q -> Double.compare(q.value(), v) == 0).toList();
            rows.add(of(v, plan.seeds().length, at));
        }
        return rows;
    }

    /** The row of value {@code v} from its points {@code at} ({@code planned} of them were planned). */
    static ValueStats of(double v, int planned, List<SweepPoint> at) {
        List<SweepPoint> fin = at.stream().filter(q -> q.state() == RunState.FINISHED).toList();
        int diverged = (int) at.stream().filter(q -> q.state() == RunState.DIVERGED).count();
        int n = SweepMetric.values().length;
        double[] mean = new double[n];
        double[] std = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        for (SweepMetric m : SweepMetric.values()) {
            double[] x = fin.stream().mapToDouble(m::of).filter(Double::isFinite).toArray();
            int i = m.ordinal();
            if (x.length == 0) {
                mean[i] = std[i] = min[i] = max[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (double d : x) {
                sum += d;
            }
            double mu = sum / x.length;
            double ss = 0;
            for (double d : x) {
                ss += (d - mu) * (d - mu);
            }
            mean[i] = mu;
            std[i] = x.length < 2 ? Double.NaN : Math.sqrt(ss / (x.length - 1));
            min[i] = Arrays.stream(x).min().getAsDouble();
            max[i] = Arrays.stream(x).max().getAsDouble();
        }
        return new ValueStats(v, planned, fin.size(), diverged, at.size() - fin.size() - diverged,
                Math.max(0, planned - at.size()), mean, std, min, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueStats s && Double.compare(value, s.value) == 0 && planned == s.planned
                && finished == s.finished && diverged == s.diverged && failed == s.failed && missing == s.missing
                && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std) && Arrays.equals(min, s.min)
                && Arrays.equals(max, s.max);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "ValueStats[" + value + ": " + finished + "/" + planned + " finished, mean " + Arrays.toString(mean)
                + "]";
    }
}
