package org.jacobianlens.core.run;

import java.util.List;

import org.jacobianlens.core.decision.DecisionMap;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.theory.Theory;

/**
 * Immutable, cumulative picture of a run at one moment: everything a view needs, in plain arrays.
 * Cumulative (whole thinned history, not a delta) so that a latest-wins channel may drop intermediate
 * snapshots without losing data.
 *
 * @param runId    identifies the run (stale snapshots of an older run are dropped by id)
 * @param step     steps taken so far
 * @param state    life-cycle state
 * @param message  human-readable status (e.g. "diverged at step 812: loss is NaN"), empty if none
 * @param curves   train/test history
 * @param frames   analysis frames so far, oldest first (thinned when long); the first is at initialization
 * @param theory   H∞ theory for the analysed examples, or {@code null} when not computed for this model
 * @param info     fixed facts of the run (sizes, noise count, parameter count, c, η)
 * @param weights  weight statistics and bound proxies at the analysis steps (same thinning as the frames)
 * @param linear   train/test history of the linearized twin f(x;θ₀) + ∇f(x;θ₀)(θ − θ₀) trained alongside, or
 *                 {@code null} when not computed (it needs full-batch gradient descent on the squared loss)
 * @param framesTaken analysis frames taken so far, counting those thinned out of {@code frames} (at least its size)
 * @param decisions the network's output over the plane at analysis steps, oldest first (thinned more than the
 *                  frames), for 2-D data only; empty otherwise ({@code null} is read as empty, as in older sessions)
 */
public record Snapshot(long runId, int step, RunState state, String message, Curves curves,
                       List<AnalysisFrame> frames, Theory theory, RunInfo info, List<WeightFrame> weights,
                       Curves linear, int framesTaken, List<DecisionMap> decisions) {

    public Snapshot {
        frames = List.copyOf(frames);
        weights = weights == null ? List.of() : List.copyOf(weights);
        framesTaken = Math.max(framesTaken, frames.size());
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** A snapshot without decision maps (data that is not 2-D). */
    public Snapshot(long runId, int step, RunState state, String message, Curves curves, List<AnalysisFrame> frames,
                    Theory theory, RunInfo info, List<WeightFrame> weights, Curves linear, int framesTaken) {
        this(runId, step, state, message, curves, frames, theory, info, weights, linear, framesTaken, List.of());
    }

    /** A snapshot whose frames were never thinned. */
    public Snapshot(long runId, int step, RunState state, String message, Curves curves, List<AnalysisFrame> frames,
                    Theory theory, RunInfo info, List<WeightFrame> weights, Curves linear) {
        this(runId, step, state, message, curves, frames, theory, info, weights, linear, frames.size());
    }

    /** A snapshot without weight statistics. */
    public Snapshot(long runId, int step, RunState state, String message, Curves curves, List<AnalysisFrame> frames,
                    Theory theory, RunInfo info) {
        this(runId, step, state, message, curves, frames, theory, info, List.of(), null, frames.size(), List.of());
    }

    /** The analysis at initialization, or {@code null} before the first analysis. */
    public AnalysisFrame initialFrame() {
        return frames.isEmpty() ? null : frames.get(0);
    }

    /** The most recent analysis, or {@code null} before the first analysis. */
    public AnalysisFrame latestFrame() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** The most recent decision map, or {@code null} for data that is not 2-D (or before the first analysis). */
    public DecisionMap latestDecision() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    }
}
