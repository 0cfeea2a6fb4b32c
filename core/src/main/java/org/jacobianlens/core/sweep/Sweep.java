package org.jacobianlens.core.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunOutOfMemoryException;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.run.TrainingRun;

/**
 * Runs the points of a {@link SweepPlan}: one {@link TrainingRun} per point, each advanced in short chunks so that
 * cancellation is noticed quickly, by a pool of worker threads or on the calling thread. The same
 * {@link #train} trains a point whether the whole plan runs here or each point in a process of its own (the
 * {@code sweep --point} command of a job array), so both give the same numbers. A point that diverges, or that
 * does not fit in memory, is reported with its state rather than thrown, and the sweep goes on.
 */
public final class Sweep {
    /** Steps per chunk between cancellation checks and progress reports. */
    static final int CHUNK = 10;

    private Sweep() {
    }

    /** A point's summary and, when it trained at all, its final snapshot (for the run files). */
    public record Outcome(SweepPoint point, Snapshot snapshot) {
    }

    /** The one-seed sweep of {@code spec} on the calling thread ({@link #run(SweepPlan, int, SweepListener, BooleanSupplier)}). */
    public static List<SweepPoint> run(SweepSpec spec, SweepListener listener, BooleanSupplier cancelled)
            throws DatasetException {
        return run(SweepPlan.of(spec), 1, listener, cancelled);
    }

    /** Worker threads for a local sweep on this machine: one per core, at most one per point. */
    public static int defaultWorkers(SweepPlan plan) {
        return Math.max(1, Math.min(plan.size(), Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Trains every point and returns those that ran to a stop, in plan order. With one worker the points run in
     * order on the calling thread; with more, each worker thread takes the next point not yet started. The
     * listener's calls never overlap (they may come from different threads). When {@code cancelled} turns true the
     * points in progress are abandoned (not reported), no new one starts, and the points finished so far are
     * returned.
     *
     * @throws DatasetException when a point's data cannot be prepared (the other workers stop too)
     */
    public static List<SweepPoint> run(SweepPlan plan, int workers, SweepListener listener,
                                       BooleanSupplier cancelled) throws DatasetException {
        SweepPoint[] done = new SweepPoint[plan.size()];
        SweepListener serial = serialized(listener);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean abort = new AtomicBoolean();
        BooleanSupplier stop = () -> abort.get() || cancelled.getAsBoolean();
        AtomicReference<Exception> problem = new AtomicReference<>();
        Runnable worker = () -> {
            PreparedData[] cache = new PreparedData[1]; // one data set per worker: the latest
            DatasetSpec[] cached = new DatasetSpec[1];
            for (int i = next.getAndIncrement(); i < plan.size() && !stop.getAsBoolean(); i = next.getAndIncrement()) {
                try {
                    PointSpec p = plan.point(i);
                    if (cache[0] == null || !cached[0].equals(p.config().data())) {
                        cache[0] = null;
                        cache[0] = DataFactory.prepare(p.config().data());
                        cached[0] = p.config().data();
                    }
                    Outcome o = train(p, cache[0], serial, stop);
                    if (o == null) {
                        break;
                    }
                    done[i] = o.point();
                    serial.point(o.point());
                } catch (DatasetException | RuntimeException e) {
                    problem.compareAndSet(null, e);
                    abort.set(true);
                }
            }
        };
        int w = Math.max(1, Math.min(workers, plan.size()));
        if (w == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(w, r -> {
                Thread t = new Thread(r, "jacobian-lens-sweep-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int k = 0; k < w; k++) {
                    jobs.add(pool.submit(worker));
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                abort.set(true);
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                problem.compareAndSet(null, new IllegalStateException(e.getCause().getMessage(), e.getCause()));
            } finally {
                pool.shutdown();
            }
        }
        Exception e = problem.get();
        if (e instanceof DatasetException d) {
            throw d;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return Arrays.stream(done).filter(q -> q != null).toList();
    }

    /**
     * Trains one point on {@code data} (prepared from its configuration's data spec) and reduces it to numbers; null
     * when cancelled before it stopped. A run refused as too large for this JVM's memory, or that runs out of it,
     * comes back as a {@link RunState#FAILED} point with the one-line reason.
     */
    public static Outcome train(PointSpec p, PreparedData data, SweepListener listener, BooleanSupplier cancelled) {
        RunConfig config = p.config();
        TrainingRun run;
        try {
            run = new TrainingRun(config, data, p.index() + 1L);
        } catch (RunOutOfMemoryException | IllegalArgumentException e) {
            return new Outcome(failed(p, e.getMessage()), null);
        } catch (OutOfMemoryError e) {
            return new Outcome(failed(p, "out of memory while setting up the run: try a smaller n or width"), null);
        }
        try (run) {
            double[][][] w0 = run.weights();
            double ntkDistance = config.model() == RunConfig.ModelKind.TWO_LAYER
                    ? ntkDistance(analysedInputs(data, config), w0[0]) : Double.NaN;
            Snapshot s = run.snapshot();
            while (!s.state().terminal()) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                s = run.advance(CHUNK);
                listener.progress(p.index(), s.step(), config.maxSteps());
            }
            return new Outcome(summarize(p, s, ntkDistance, relativeDistance(run.weights(), w0)), s);
        } catch (OutOfMemoryError e) {
            return new Outcome(failed(p, "out of memory during the run: try a smaller n or width"), null);
        }
    }

    /** A point that could not train: its value and seed, the state and why, and no numbers. */
    static SweepPoint failed(PointSpec p, String why) {
        double nan = Double.NaN;
        return new SweepPoint(p.value(), p.seed(), 0, nan, nan, nan, nan, nan, nan, nan, 0, 0, nan, nan, -1, -1,
                nan, nan, nan, nan, nan, nan, nan, RunState.FAILED, why);
    }

    private static SweepListener serialized(SweepListener l) {
        return new SweepListener() {
            @Override
            public synchronized void progress(int pointIndex, int step, int maxSteps) {
                l.progress(pointIndex, step, maxSteps);
            }

            @Override
            public synchronized void point(SweepPoint point) {
                l.point(point);
            }
        };
    }

    private static SweepPoint summarize(PointSpec p, Snapshot s, double ntkDistance, double weightMovement) {
        Curves c = s.curves();
        int last = c.last();
        AnalysisFrame first = s.initialFrame();
        AnalysisFrame end = s.latestFrame();
        Theory t = s.theory();
        double cutoff = p.config().cutoffFraction();
        int k = p.topK();
        int infoInit = first.countAbove(cutoff);
        int infoEnd = end.countAbove(cutoff);
        return new SweepPoint(p.value(), p.seed(), s.step(), s.info().learningRate(), 1 - c.trainAcc()[last],
                1 - c.testAcc()[last], c.trainLoss()[last], t == null ? Double.NaN : t.complexityNoisy(),
                first.energyNoisy(k), end.energyNoisy(k), infoInit, infoEnd, first.energyNoisy(infoInit),
                end.energyNoisy(infoEnd), firstStepBelow(c.steps(), c.trainLoss(), p.thresholdFraction()),
                t == null ? -1 : firstStepBelow(t.predictedSteps(), t.predictedLoss(), p.thresholdFraction()),
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
