package org.jacobianlens.app.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.sweep.Sweep;
import org.jacobianlens.core.sweep.SweepListener;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * State and commands of the sweep window, free of JavaFX nodes: a {@link SweepPlan} runs from one dedicated
 * background thread ({@value #THREAD_NAME}) on the core's pool of workers sized to the machine (the same code path
 * as the {@code sweep} command); each finished point is appended to {@link #points()} at once, the step counter of
 * the point in progress drives {@link #progressProperty()} (coalesced: only the newest count is ever posted), and
 * {@link #cancel()} abandons the point in progress while keeping the finished ones.
 *
 * <p>Properties change only through {@code ui}, the executor of the thread that owns them ({@code Platform::runLater}
 * in the app, a direct executor in tests). Every posted update carries the sweep's generation, so updates of a
 * cancelled sweep that arrive after a new one started are dropped.
 */
public final class SweepViewModel {
    /** Name of the sweep thread (tests count threads by it). */
    public static final String THREAD_NAME = "jacobian-lens-sweep";

    private final Executor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<SweepPoint> points = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose the values and press Run sweep");
    private final ReadOnlyObjectWrapper<SweepSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SweepPlan> plan = new ReadOnlyObjectWrapper<>();
    private Consumer<String> onError = m -> { };
    private long generation;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Future<?> job;
    private long started;

    public SweepViewModel(Executor ui) {
        this.ui = ui;
    }

    /** Called with a one-line message when a sweep cannot run (bad data, out of memory). */
    public void onError(Consumer<String> listener) {
        onError = listener;
    }

    /**
     * Starts a sweep, replacing the shown points; a sweep still running is cancelled first (its late updates are
     * dropped).
     */
    public void start(SweepSpec s) {
        start(SweepPlan.of(s));
    }

    /** Starts a planned sweep (values × seeds), as {@link #start(SweepSpec)}. */
    public void start(SweepPlan pl) {
        SweepSpec s = pl.spec();
        cancelled.set(true);
        long gen = ++generation;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        spec.set(s);
        plan.set(pl);
        points.clear();
        progress.set(0);
        running.set(true);
        started = System.nanoTime();
        status.set(String.format(Locale.ROOT, "Preparing the data for %d %s…", pl.size(), noun(pl)));
        Posting posting = new Posting(gen, pl);
        job = worker.submit(() -> {
            try {
                List<SweepPoint> done = Sweep.run(pl, Sweep.defaultWorkers(pl), posting, stop::get);
                post(gen, () -> finish(pl, done.size(), stop.get()));
            } catch (DatasetException e) {
                post(gen, () -> fail(e.getMessage()));
            } catch (OutOfMemoryError e) {
                post(gen, () -> fail("Out of memory during the sweep: use fewer examples or smaller widths"));
            } catch (RuntimeException e) {
                post(gen, () -> fail("The sweep failed: " + e.getMessage()));
            }
        });
    }

    /**
     * Shows a sweep that ran elsewhere (a folder opened from disk): its plan and points, nothing running. A sweep
     * still running is cancelled first.
     */
    public void show(SweepPlan pl, List<SweepPoint> pts, String from) {
        cancelled.set(true);
        generation++;
        spec.set(pl.spec());
        plan.set(pl);
        points.setAll(pts);
        running.set(false);
        progress.set(pts.size() / (double) pl.size());
        int missing = pl.size() - pts.size();
        status.set(String.format(Locale.ROOT, "Opened %s: %d of %d %s%s", from, pts.size(), pl.size(), noun(pl),
                missing == 0 ? "" : String.format(Locale.ROOT, " (%d missing)", missing)));
    }

    /** Abandons the point in progress; the points finished so far stay. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            status.set("Cancelling: finishing the current chunk of steps…");
        }
    }

    /** Cancels and stops the sweep thread (the window closed). */
    public void shutdown() {
        cancelled.set(true);
        generation++;
        worker.shutdownNow();
    }

    /** Waits until the current sweep's thread has returned (tests; never on the FX thread). */
    public void await(long timeout, TimeUnit unit) throws Exception {
        Future<?> j = job;
        if (j != null) {
            j.get(timeout, unit);
        }
    }

    public ObservableList<SweepPoint> points() {
        return points;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Overall progress in [0, 1]: finished points plus the fraction of the budget of the point in progress. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The plan of the sweep shown (values and seeds), null before the first. */
    public ReadOnlyObjectProperty<SweepPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The spec of the sweep shown (running or last run), null before the first. */
    public ReadOnlyObjectProperty<SweepSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    private void finish(SweepPlan s, int done, boolean wasCancelled) {
        running.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (wasCancelled) {
            status.set(String.format(Locale.ROOT, "Cancelled: %d of %d %s finished (%.0f s)", done, s.size(),
                    noun(s), seconds));
        } else {
            progress.set(1);
            long bad = points.stream().filter(q -> q.state() != org.jacobianlens.core.run.RunState.FINISHED).count();
            status.set(String.format(Locale.ROOT, "Done: %d %s in %.0f s%s", done, noun(s), seconds,
                    bad == 0 ? "" : String.format(Locale.ROOT, " (%d diverged or failed: see the table)", bad)));
        }
    }

    private void fail(String message) {
        running.set(false);
        status.set(message);
        onError.accept(message);
    }

    private static String noun(SweepPlan s) {
        return s.size() == 1 ? "run" : "runs";
    }

    private void post(long gen, Runnable r) {
        ui.execute(() -> {
            if (gen == generation) {
                r.run();
            }
        });
    }

    /** Forwards the sweep thread's callbacks to the UI executor; step counts are coalesced (newest wins). */
    private final class Posting implements SweepListener {
        private final long gen;
        private final SweepPlan s;
        private final AtomicReference<int[]> pending = new AtomicReference<>();

        Posting(long gen, SweepPlan s) {
            this.gen = gen;
            this.s = s;
        }

        @Override
        public void progress(int pointIndex, int step, int maxSteps) {
            if (pending.getAndSet(new int[] {pointIndex, step, maxSteps}) == null) {
                post(gen, () -> {
                    int[] p = pending.getAndSet(null);
                    if (p != null && running.get() && !cancelled.get()) {
                        double within = p[2] > 0 ? Math.min(1, p[1] / (double) p[2]) : 0;
                        progress.set((points.size() + within) / s.size());
                        status.set(String.format(Locale.ROOT, "Run %d of %d (%s%s): step %d%s", p[0] + 1,
                                s.size(), label(s.spec(), s.point(p[0]).value()), s.seeds().length > 1
                                        ? ", seed " + s.point(p[0]).seed() : "", p[1], p[2] > 0 ? " of " + p[2] : ""));
                    }
                });
            }
        }

        @Override
        public void point(SweepPoint q) {
            post(gen, () -> {
                // Workers finish in any order; the list stays in plan order (value, then seed).
                int at = 0;
                while (at < points.size() && order(s, points.get(at)) < order(s, q)) {
                    at++;
                }
                points.add(at, q);
                progress.set(points.size() / (double) s.size());
            });
        }
    }

    /** The point's position in its plan: value-major, then seed. */
    private static int order(SweepPlan p, SweepPoint q) {
        double[] v = p.spec().values();
        long[] seeds = p.seeds();
        int vi = 0;
        while (vi < v.length && Double.compare(v[vi], q.value()) != 0) {
            vi++;
        }
        int si = 0;
        while (si < seeds.length && seeds[si] != q.seed()) {
            si++;
        }
        return vi * seeds.length + si;
    }

    /** "p = 0.4" or "m = 1024". */
    public static String label(SweepSpec s, double v) {
        return s.kind() == SweepSpec.Kind.NOISE ? "p = " + v : "m = " + (long) v;
    }
}
