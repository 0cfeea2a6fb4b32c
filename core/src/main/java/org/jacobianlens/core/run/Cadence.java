package org.jacobianlens.core.run;

/**
 * When a periodic piece of work (an analysis frame, weight statistics) is due: at every multiple of a fixed step
 * count, and — with a positive time share s — also whenever the run's own compute time since the work last ended is
 * at least c·(1 − s)/s, where c is what the work last cost. The work then takes at most the share s of compute time,
 * and is done as often as that allows: a cheap frame on a small analysis set comes many times a second, an
 * expensive one at n = 2000 less often, and training keeps the rest.
 *
 * <p>Times are the run's own busy time (passed in by the caller), not wall-clock time, so runs that take turns on
 * one thread each keep their share of their own time. A share of 0 keeps the fixed cadence only, and then the steps
 * at which work happens are reproducible.
 */
final class Cadence {
    private final int every;
    private final double share;
    private long lastEndBusy;
    private long lastCost = -1;

    /**
     * @param every fixed cadence in steps (0 = none)
     * @param share time share in [0, 1) for extra, budgeted runs of the work (0 = fixed cadence only)
     */
    Cadence(int every, double share) {
        this.every = every;
        this.share = share;
    }

    /** Whether the work is due at {@code step}, given the run's busy time so far (nanoseconds). */
    boolean due(int step, long busyNanos) {
        if (every > 0 && step % every == 0) {
            return true;
        }
        if (share <= 0 || lastCost < 0) {
            return false;
        }
        return busyNanos - lastEndBusy >= lastCost * (1 - share) / share;
    }

    /** Records that the work ran from busy time {@code start} to {@code end}. */
    void ran(long startBusy, long endBusy) {
        lastCost = Math.max(0, endBusy - startBusy);
        lastEndBusy = endBusy;
    }
}
