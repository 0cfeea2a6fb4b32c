package org.jacobianlens.app.viewmodel;

import org.jacobianlens.core.ntk.AnalysisFrame;

/**
 * Smooth motion between analysis frames: while a new frame fades in, the views draw a blend of the previous and
 * the new frame. Eigenvalues blend geometrically (they are drawn on a log axis, so the motion looks even), label
 * projections and cumulative shares linearly (their sums stay exact: a convex blend of two sets of projections
 * summing to ‖y‖² sums to ‖y‖²). Pure: no clock of its own, the caller passes the time.
 */
public final class FrameTween {
    private final long durationNanos;
    private AnalysisFrame from;
    private AnalysisFrame to;
    private long startNanos;

    public FrameTween(long durationNanos) {
        this.durationNanos = durationNanos;
    }

    /** Sets the frame to move to; the motion starts from what is shown at {@code now}. */
    public void target(AnalysisFrame frame, long now) {
        if (frame == to) {
            return;
        }
        from = to == null ? null : at(now);
        to = frame;
        startNanos = now;
    }

    /** Forgets the motion (after a reset). */
    public void clear() {
        from = null;
        to = null;
    }

    /** Whether the motion is still under way at {@code now}. */
    public boolean moving(long now) {
        return to != null && from != null && now - startNanos < durationNanos;
    }

    /** The frame to draw at {@code now}, or null when nothing was targeted. */
    public AnalysisFrame at(long now) {
        if (to == null || from == null || from.n() != to.n()) {
            return to;
        }
        double t = Math.min(1.0, Math.max(0.0, (now - startNanos) / (double) durationNanos));
        if (t >= 1.0) {
            return to;
        }
        double s = t * t * (3 - 2 * t); // smoothstep: starts and ends at rest
        return blend(from, to, s);
    }

    /**
     * The frame a fraction s ∈ [0, 1] of the way from a to b (same n), labelled with b's step and solver; a top-k
     * frame keeps its energy outside the computed eigenvectors (the rest) and ‖Y‖², blended like the rest.
     */
    public static AnalysisFrame blend(AnalysisFrame a, AnalysisFrame b, double s) {
        return new AnalysisFrame(b.step(), b.n(), geometric(a.eigenvalues(), b.eigenvalues(), s),
                linear(a.projNoisy(), b.projNoisy(), s), linear(a.projClean(), b.projClean(), s),
                linear(a.projResidual(), b.projResidual(), s), linear(a.cumNoisy(), b.cumNoisy(), s),
                linear(a.cumClean(), b.cumClean(), s), lerp(a.alignment(), b.alignment(), s),
                lerp(a.centeredAlignment(), b.centeredAlignment(), s), lerp(a.kernelDrift(), b.kernelDrift(), s),
                b.cutoffCount(), b.seconds(), linear(a.rest(), b.rest(), s), linear(a.totals(), b.totals(), s),
                b.solver(), b.solverSeconds());
    }

    private static double lerp(double a, double b, double s) {
        return a + s * (b - a);
    }

    private static double[] linear(double[] a, double[] b, double s) {
        double[] r = new double[b.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < a.length ? lerp(a[i], b[i], s) : b[i];
        }
        return r;
    }

    /** Geometric blend for positive values (linear where either is not positive). */
    private static double[] geometric(double[] a, double[] b, double s) {
        double[] r = new double[b.length];
        for (int i = 0; i < r.length; i++) {
            if (i < a.length && a[i] > 0 && b[i] > 0) {
                r[i] = Math.exp(lerp(Math.log(a[i]), Math.log(b[i]), s));
            } else {
                r[i] = i < a.length ? lerp(a[i], b[i], s) : b[i];
            }
        }
        return r;
    }
}
