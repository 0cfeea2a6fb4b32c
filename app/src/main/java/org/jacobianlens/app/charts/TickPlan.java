package org.jacobianlens.app.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis puts its labelled ticks so that a reader sees about 5–10 of them: linear axes step by 1, 2, 2.5 or 5
 * times a power of ten; log axes label whole decades (every second, third… decade on a wide range, with the other
 * decades as minor ticks) or, on a range of less than about three decades, 1, 2, 5 (or more mantissas) per decade.
 * Pure arithmetic, no drawing.
 */
final class TickPlan {
    /** Most labelled ticks an axis gets. */
    static final int MAX_LABELS = 9;
    private static final double[] STEPS = {1, 2, 2.5, 5, 10};
    private static final double[][] MANTISSAS = {{1}, {1, 3}, {1, 2, 5}, {1, 2, 3, 5, 7}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    private static final int[] DECADE_STEPS = {1, 2, 3, 4, 5, 10, 20, 25, 50, 100};

    private TickPlan() {
    }

    /** How many labels fit along {@code lengthPx} with labels {@code labelPx} long (plus a gap), 2..MAX_LABELS. */
    static int labelsThatFit(double lengthPx, double labelPx) {
        int fit = (int) Math.floor(lengthPx / Math.max(1, labelPx * 1.6));
        return Math.max(2, Math.min(MAX_LABELS, fit));
    }

    /**
     * The smallest step of 1, 2, 2.5 or 5 × 10ᵏ that puts at most {@code maxLabels} labels on a range of
     * {@code length}; integer axes never step below 1 and skip 2.5.
     */
    static double linearStep(double length, int maxLabels, boolean integer) {
        if (!(length > 0) || Double.isInfinite(length)) {
            return 1;
        }
        double raw = length / Math.max(1, maxLabels - 1);
        double base = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
        for (int round = 0; round < 4; round++, base *= 10) {
            for (double m : STEPS) {
                double step = m * base;
                if (integer && (step < 1 || step != Math.rint(step))) {
                    continue;
                }
                // At most floor(length/step) + 1 multiples of the step fit in the range.
                if (Math.floor(length / step + 1e-9) + 1 <= maxLabels) {
                    return step;
                }
            }
        }
        return 10 * base;
    }

    /** A tick of a log axis: its value and whether it carries a label. */
    record LogTick(double value, boolean labelled) {
    }

    /**
     * Ticks of a log axis over [lo, hi] (both positive) with at most {@code maxLabels} labels, ascending.
     */
    static List<LogTick> logTicks(double lo, double hi, int maxLabels) {
        List<LogTick> ticks = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo) || Double.isInfinite(hi)) {
            return ticks;
        }
        double a = Math.log10(lo);
        double b = Math.log10(hi);
        int first = (int) Math.floor(a);
        int last = (int) Math.ceil(b);
        int decadeLabels = countDecades(a, b, 1);
        if (decadeLabels >= Math.min(4, maxLabels)) {
            int step = 1;
            for (int s : DECADE_STEPS) {
                step = s;
                if (countDecades(a, b, s) <= maxLabels) {
                    break;
                }
            }
            boolean mantissaMinors = step == 1 && b - a <= 6;
            for (int e = first; e <= last; e++) {
                double v = Math.pow(10, e);
                if (inside(v, lo, hi)) {
                    ticks.add(new LogTick(v, Math.floorMod(e, step) == 0));
                }
                if (mantissaMinors) {
                    for (int m = 2; m <= 9; m++) {
                        double w = m * v;
                        if (inside(w, lo, hi)) {
                            ticks.add(new LogTick(w, false));
                        }
                    }
                }
            }
            ticks.sort((x, y) -> Double.compare(x.value(), y.value()));
            return ticks;
        }
        double[] chosen = MANTISSAS[0];
        for (double[] set : MANTISSAS) {
            int n = countMantissas(first, last, lo, hi, set);
            if (n > maxLabels) {
                break;
            }
            chosen = set;
            if (n >= Math.min(5, maxLabels)) {
                break;
            }
        }
        for (int e = first; e <= last; e++) {
            double v = Math.pow(10, e);
            for (int m = 1; m <= 9; m++) {
                double w = m * v;
                if (inside(w, lo, hi)) {
                    ticks.add(new LogTick(w, contains(chosen, m)));
                }
            }
        }
        return ticks;
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
    }

    private static int countDecades(double a, double b, int step) {
        int n = 0;
        for (int e = (int) Math.ceil(a - 1e-9); e <= Math.floor(b + 1e-9); e++) {
            n += Math.floorMod(e, step) == 0 ? 1 : 0;
        }
        return n;
    }

    private static int countMantissas(int first, int last, double lo, double hi, double[] set) {
        int n = 0;
        for (int e = first; e <= last; e++) {
            for (double m : set) {
                n += inside(m * Math.pow(10, e), lo, hi) ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean contains(double[] set, int m) {
        for (double v : set) {
            if (v == m) {
                return true;
            }
        }
        return false;
    }
}
