package org.jacobianlens.core.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.run.TrainingRun;

/**
 * Runs a {@link SweepSpec}: one {@link TrainingRun} per value, one after another on the calling thread (the caller
 * owns threading), each advanced in short chunks so that cancellation is noticed quickly. A point that diverges is
 * reported with its state rather than thrown, and the sweep continues with the next value.
 */
public final class Sweep {
    /** Steps per chunk between cancellation checks and progress reports. */
    static final int CHUNK = 10;

    private Sweep() {
    }

    /**
     * Trains every point in order and returns those that ran to a stop, in order. When {@code cancelled} turns true
     * the point in progress is abandoned (not reported) and the points finished so far are returned.
     *
     * @throws DatasetException when a point's data cannot be prepared
     */
    public static List<SweepPoint> run(SweepSpec spec, SweepListener listener, BooleanSupplier cancelled)
            throws DatasetException {
        List<SweepPoint> points = new ArrayList<>();
        Map<DatasetSpec, PreparedData> prepared = new HashMap<>();
        for (int i = 0; i < spec.size() && !cancelled.getAsBoolean(); i++) {
            RunConfig config = spec.config(i);
            PreparedData data = prepared.get(config.data());
            if (data == null) {
                prepared.clear(); // a noise sweep needs each level's data once; keep only the latest
                data = DataFactory.prepare(config.data());
                prepared.put(config.data(), data);
            }
            SweepPoint p = runPoint(spec, i, config, data, listener, cancelled);
            if (p == null) {
                break;
            }
            points.add(p);
            listener.point(p);
        }
        return points;
    }

    /** One point, or null when cancelled before it stopped. */
    private static SweepPoint runPoint(SweepSpec spec, int index, RunConfig config, PreparedData data,
                                       SweepListener listener, BooleanSupplier cancelled) {
        try (TrainingRun run = new TrainingRun(config, data, index + 1L)) {
            double[][][] w0 = run.weights();
            double ntkDistance = config.model() == RunConfig.ModelKind.TWO_LAYER
                    ? ntkDistance(analysedInputs(data, config), w0[0]) : Double.NaN;
            Snapshot s = run.snapshot();
            while (!s.state().terminal()) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                s = run.advance(CHUNK);
                listener.progress(index, s.step(), config.maxSteps());
            }
            return summarize(spec, spec.values()[index], s, ntkDistance, relativeDistance(run.weights(), w0));
        }
    }

    private static SweepPoint summarize(SweepSpec spec, double value, Snapshot s, double ntkDistance,
                                        double weightMovement) {
        Curves c = s.curves();
        int last = c.last();
        AnalysisFrame first = s.initialFrame();
        AnalysisFrame end = s.latestFrame();
        Theory t = s.theory();
        double cutoff = spec.base().cutoffFraction();
        int k = spec.topK();
        int infoInit = first.countAbove(cutoff);
        int infoEnd = end.countAbove(cutoff);
        return new SweepPoint(value, s.step(), s.info().learningRate(), 1 - c.trainAcc()[last], 1 - c.testAcc()[last],
                c.trainLoss()[last], t == null ? Double.NaN : t.complexityNoisy(), first.energyNoisy(k),
                end.energyNoisy(k), infoInit, infoEnd, first.energyNoisy(infoInit), end.energyNoisy(infoEnd),
                firstStepBelow(c.steps(), c.trainLoss(), spec.thresholdFraction()),
                t == null ? -1 : firstStepBelow(t.predictedSteps(), t.predictedLoss(), spec.thresholdFraction()),
                first.alignment(), end.alignment(), first.centeredAlignment(), end.centeredAlignment(),
                end.kernelDrift(), ntkDistance, weightMovement, s.state(), s.message());
    }

    /** The inputs the run analyses: its first min(n, analyzeN) training rows. */
    static double[][] analysedInputs(PreparedData data, RunConfig config) {
        return java.util.Arrays.copyOf(data.trainX(), Math.min(data.nTrain(), config.analyzeN()));
    }

    /**
     * The first step whose loss is at most {@code fraction} times the loss at index 0, or −1 if none (or if the
     * series is empty or its first value is not finite).
     */
    static int firstStepBelow(int[] steps, double[] loss, double fraction) {
        if (loss.length == 0 || !Double.isFinite(loss[0])) {
            return -1;
        }
        double threshold = fraction * loss[0];
        for (int i = 0; i < loss.length; i++) {
            if (loss[i] <= threshold) {
                return steps[i];
            }
        }
        return -1;
    }

    /**
     * ‖H(W₀) − H∞‖_F/‖H∞‖_F: how far the two-layer net's initial empirical NTK is from its infinite-width limit
     * (SCIENCE.md §3.1, RE1). The indicators of H(W₀) do not depend on the scale κ of W₀.
     *
     * @param x  n × d analysed inputs
     * @param w0 m × d first-layer weights at initialization
     */
    static double ntkDistance(double[][] x, double[][] w0) {
        double[][] h = TwoLayerKernel.finiteWidth(x, w0);
        double[][] hInf = TwoLayerKernel.hInfinity(x);
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                double d = h[i][j] - hInf[i][j];
                diff += d * d;
                ref += hInf[i][j] * hInf[i][j];
            }
        }
        return Math.sqrt(diff / ref);
    }

    /** ‖θ − θ₀‖/‖θ₀‖ with θ all layers' matrices taken together (squares summed over layers and entries). */
    static double relativeDistance(double[][][] now, double[][][] initial) {
        double diff = 0;
        double ref = 0;
        for (int l = 0; l < initial.length; l++) {
            for (int i = 0; i < initial[l].length; i++) {
                for (int j = 0; j < initial[l][i].length; j++) {
                    double d = now[l][i][j] - initial[l][i][j];
                    diff += d * d;
                    ref += initial[l][i][j] * initial[l][i][j];
                }
            }
        }
        return Math.sqrt(diff / ref);
    }
}
