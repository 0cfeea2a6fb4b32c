package org.jacobianlens.core.run;

import java.util.Locale;

/**
 * Decides from the training loss of each step whether a run has diverged: the loss turned NaN or infinite, or grew
 * past {@link #GROWTH} times its value at initialization. The bound matters because a blown-up network often does
 * not stay blown up: with η = 10⁹ on digits the loss goes 0.46 → 2.9·10¹⁹ → 6.9·10³⁸ and then reads exactly 0.5
 * from step 3 on (every ReLU dead, the outputs 0), which a NaN check alone would call a finished run.
 */
final class Divergence {
    /** Growth of the loss over its initial value that counts as divergence. */
    static final double GROWTH = 1e6;

    private double initial = Double.NaN;

    /**
     * @param step the step whose weights gave {@code loss}
     * @param loss the training loss at those weights (any fixed convention)
     * @return the message for a diverged run ("diverged at step k: …"), or null while the run is fine
     */
    String check(int step, double loss) {
        if (!Double.isFinite(loss)) {
            return String.format(Locale.ROOT, "diverged at step %d: the training loss became %s — lower the learning "
                    + "rate η (automatic η is the largest step that does not oscillate)", step,
                    Double.isNaN(loss) ? "NaN" : "infinite");
        }
        if (Double.isNaN(initial)) {
            initial = loss;
            return null;
        }
        if (loss > GROWTH * Math.max(initial, Double.MIN_NORMAL)) {
            // A ratio, not the loss itself: the network's own loss convention (a sum here) differs from the
            // per-example mean the curves show, and a ratio reads the same in both.
            return String.format(Locale.ROOT, "diverged at step %d: the training loss grew to %.3g × its initial "
                    + "value (the bound is 10⁶ ×) — lower the learning rate η (automatic η is the largest step that "
                    + "does not oscillate)", step, loss / initial);
        }
        return null;
    }
}
