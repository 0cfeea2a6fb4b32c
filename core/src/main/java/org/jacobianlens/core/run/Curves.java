package org.jacobianlens.core.run;

/**
 * Train/test history of a run, as parallel arrays (one entry per recorded step), cumulative from step 0 and
 * thinned when long so a snapshot stays small. Loss is the per-example training objective averaged over
 * the set (for squared loss ½‖f(x) − y‖²). Accuracy is the fraction classified correctly. "clean" and
 * "corrupted" split the training set by whether a position received a random label; when there are no
 * corrupted examples the corrupted arrays hold NaN. Read-only after construction.
 */
public record Curves(int[] steps, double[] trainLoss, double[] testLoss, double[] trainAcc, double[] testAcc,
                     double[] cleanLoss, double[] corruptedLoss, double[] cleanAcc, double[] corruptedAcc) {

    public static Curves empty() {
        return new Curves(new int[0], new double[0], new double[0], new double[0], new double[0], new double[0],
                new double[0], new double[0], new double[0]);
    }

    public int size() {
        return steps.length;
    }

    /** Index of the last point, or −1 when empty. */
    public int last() {
        return steps.length - 1;
    }
}
