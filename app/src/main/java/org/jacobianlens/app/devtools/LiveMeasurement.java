package org.jacobianlens.app.devtools;

import org.jacobianlens.app.ui.MainWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Snapshot;

/**
 * {@code gui --measure-live=SECONDS [--compare]} (issue 10; a measurement, not a test): runs the default demo, or
 * the clean-vs-random comparison, in the real window for that long and prints, in this exact form,
 * <pre>
 * steps/s 52.3
 * analysis frames/s 11.0
 * pulse p99 24.1 ms
 * peak RSS 1210 MB
 * </pre>
 * followed by details. Rates are per lane, over the time from the first training step to the end; the pulse
 * statistics cover the same window; the peak resident memory is the process's as the operating system sees it
 * ({@code VmRSS} in /proc, sampled every 100 ms from start-up on, and the kernel's own high-water mark {@code VmHWM}).
 * In compare mode it also reports when the clean lane's test accuracy first led the random lane's by 30 points.
 *
 * <p>A window longer than one run (the default demo stops at 3,000 steps, about a minute and a half) goes on as a
 * user would: when a run ends it resets and plays again, so a 30-minute measurement trains and releases run after
 * run; the rates then include the set-up of each new run, and the report gives the resident memory's range after the
 * first minute (flat, or growing run by run).
 */
final class LiveMeasurement {
    private static final double GAP_POINTS = 30;

    private final MainWindow window;
    private final LensViewModel vm;
    private final double seconds;
    private final boolean compare;
    private final AtomicLong peakRss = new AtomicLong();
    private volatile long rssAtMinute = -1;
    private final AtomicLong rssLateMin = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong rssLateMax = new AtomicLong();
    /** Steps and frames of the runs that ended inside the window; the run now shown is counted from its start. */
    private long stepsBefore;
    private long framesBefore;
    private int runs = 1;
    private long groupId;
    private final long startNanos = System.nanoTime();
    private long compareNanos;
    private long firstStepNanos;
    private int firstStep;
    private int firstFrames;
    private double gapSeconds = Double.NaN;
    private double gapAtFive = Double.NaN;

    private LiveMeasurement(MainWindow window, LensViewModel vm, double seconds, boolean compare) {
        this.window = window;
        this.vm = vm;
        this.seconds = seconds;
        this.compare = compare;
    }

    public static void start(MainWindow window, LensViewModel vm, double seconds, boolean compare) {
        new LiveMeasurement(window, vm, seconds, compare).begin();
    }

    private void begin() {
        Thread sampler = new Thread(this::sampleRss, "jacobian-lens-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // A failed run (a native library that would not load, memory) never takes a first step, and the window
        // would wait for one forever: say why and end, so a script or a test learns it at once.
        vm.onError(text -> {
            System.err.println("measure-live: " + text);
            Platform.exit();
        });
        window.autoStart(true);
        if (compare) {
            vm.compare(Comparison.Knob.NOISE);
            compareNanos = System.nanoTime();
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                watch(this);
            }
        }.start();
    }

    /** On every pulse: notice the first step, follow the accuracy gap, and end after the measured window. */
    private void watch(AnimationTimer timer) {
        GroupSnapshot s = vm.latestProperty().get();
        long now = System.nanoTime();
        if (s == null) {
            return;
        }
        if (firstStepNanos == 0) {
            if (s.step() < 1) {
                return;
            }
            firstStepNanos = now;
            firstStep = s.step();
            firstFrames = s.lane(0).framesTaken();
            groupId = s.groupId();
            window.pulseStats().clear();
            window.renderStats().clear();
        }
        if (s.groupId() != groupId) {
            // the next run after a restart: counted from its own start
            groupId = s.groupId();
            firstStep = 0;
            firstFrames = 0;
        }
        if (compare && s.size() == 2) {
            double gap = 100 * (testAccuracy(s.lane(0)) - testAccuracy(s.lane(1)));
            double since = (now - compareNanos) / 1e9;
            if (Double.isNaN(gapSeconds) && gap > GAP_POINTS) {
                gapSeconds = since;
            }
            if (since <= 5) {
                gapAtFive = gap;
            }
        }
        double elapsed = (now - firstStepNanos) / 1e9;
        if (elapsed >= seconds) {
            timer.stop();
            report(s, elapsed);
            Platform.exit();
        } else if (s.terminal() && !vm.playingProperty().get() && !vm.busyProperty().get()) {
            stepsBefore += s.step() - firstStep;
            framesBefore += s.lane(0).framesTaken() - firstFrames;
            firstStep = s.step();
            firstFrames = s.lane(0).framesTaken();
            runs++;
            vm.reset();
            vm.play();
        }
    }

    private static double testAccuracy(Snapshot s) {
        int last = s.curves().last();
        return last < 0 ? Double.NaN : s.curves().testAcc()[last];
    }

    private void report(GroupSnapshot s, double window) {
        long hwm = status("VmHWM:");
        long steps = stepsBefore + s.step() - firstStep;
        long frames = framesBefore + s.lane(0).framesTaken() - firstFrames;
        System.out.printf(Locale.ROOT, "steps/s %.1f%n", steps / window);
        System.out.printf(Locale.ROOT, "analysis frames/s %.1f%n", frames / window);
        System.out.printf(Locale.ROOT, "pulse p99 %.1f ms%n", this.window.pulseStats().quantile(0.99));
        System.out.printf(Locale.ROOT, "peak RSS %d MB%n", Math.max(peakRss.get(), hwm) >> 20);
        System.out.printf(Locale.ROOT, "  %s, %d lane(s), %.1f s measured from the first step, %d steps in %d run(s) "
                + "(restarted as each ended), %s%n", s.lane(0).info().dataset(), s.size(), window, steps, runs,
                s.lane(0).info().model());
        System.out.printf(Locale.ROOT, "  pulse interval %s%n", this.window.pulseStats().summary());
        System.out.printf(Locale.ROOT, "  chart drawing per pulse that drew %s%n", this.window.renderStats().summary());
        System.out.printf(Locale.ROOT, "  RSS sampled peak %d MB, kernel high-water mark %d MB, at 60 s %s, now %d MB%n",
                peakRss.get() >> 20, hwm >> 20, rssAtMinute < 0 ? "-" : (rssAtMinute >> 20) + " MB",
                status("VmRSS:") >> 20);
        if (rssLateMax.get() > 0) {
            System.out.printf(Locale.ROOT, "  RSS after the first minute between %d and %d MB%n", rssLateMin.get() >> 20,
                    rssLateMax.get() >> 20);
        }
        if (compare) {
            System.out.printf(Locale.ROOT, "  clean − random test accuracy: %.1f points 5 s after compare; first above "
                    + "%.0f points %s%n", gapAtFive, GAP_POINTS,
                    Double.isNaN(gapSeconds) ? "never" : String.format(Locale.ROOT, "%.1f s after compare", gapSeconds));
        }
        for (int i = 0; i < s.size(); i++) {
            if (!s.lane(i).message().isEmpty()) {
                System.out.println("  " + s.labels().get(i) + ": " + s.lane(i).message());
            }
        }
    }

    private void sampleRss() {
        while (true) {
            long rss = status("VmRSS:");
            peakRss.accumulateAndGet(rss, Math::max);
            if (System.nanoTime() - startNanos >= 60_000_000_000L) {
                if (rssAtMinute < 0) {
                    rssAtMinute = rss;
                }
                rssLateMin.accumulateAndGet(rss, Math::min);
                rssLateMax.accumulateAndGet(rss, Math::max);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A "kB" line of /proc/self/status in bytes, or 0 where there is no /proc. */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) << 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
