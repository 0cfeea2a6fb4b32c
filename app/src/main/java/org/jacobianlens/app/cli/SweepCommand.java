package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.jacobianlens.app.export.SweepExport;
import org.jacobianlens.app.files.OutputFolder;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.Sweep;
import org.jacobianlens.core.sweep.SweepListener;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sweep}: trains a base configuration at several noise levels or widths, headless, and writes sweep.json,
 * sweep.csv (one row per point) and the summary charts as PNG; one progress line per point on stderr.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        usageHelpWidth = 110, description = {"Trains one network at several label-noise levels or widths.",
            "Every point shares the data seed and the init seed (so the noise is nested); writes sweep.json, "
                + "sweep.csv and PNG charts (1600x1000) into --out. --noise is what a noise sweep varies, --width "
                + "what a width sweep varies."})
public final class SweepCommand implements Callable<Integer> {
    private final Cli root;

    @Mixin
    SweepOptions sweep;

    @Mixin
    RunOptions options;

    @Mixin
    OutOption output;

    SweepCommand(Cli root) {
        this.root = root;
    }

    /** {@code jacobian-lens sweep ARGS}, writing to {@code out} and {@code err}; the exit code ({@link ExitCode}). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.execute(out, err, all);
    }

    /** The footer: the default values of each kind and the exit codes (computed, so they match the code). */
    static String[] footer() {
        return new String[] {"", "Default --values: " + Arrays.stream(SweepSpec.Kind.values())
                .map(k -> Converters.name(k) + " " + Arrays.stream(k.defaultValues())
                        .mapToObj(v -> v == Math.rint(v) && k == SweepSpec.Kind.WIDTH ? Long.toString((long) v)
                                : Double.toString(v)).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; ")) + ".",
            "Exit codes: 0 every point finished, 1 a point failed, 2 bad usage, 3 a point diverged."};
    }

    @Override
    public Integer call() {
        SweepSpec plan = sweep.spec(options.config());
        PrintStream err = root.err();
        try (OutputFolder folder = output.open(err)) {
            return run(plan, folder, err);
        } catch (IOException e) {
            err.println("jacobian-lens sweep: cannot write results: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private int run(SweepSpec plan, OutputFolder folder, PrintStream err) throws IOException {
        String note = options.analyzeNNote();
        if (note != null) {
            err.println(note);
        }
        if (!root.nativeCheckPasses()) {
            return ExitCode.FAILED;
        }
        long t0 = System.nanoTime();
        try {
            List<SweepPoint> points = Sweep.run(plan, new Progress(err, plan, t0), () -> false);
            SweepExport.writeInto(folder.dir(), plan, points, (System.nanoTime() - t0) / 1e9);
            folder.commit();
            err.println("wrote " + folder.target());
            return exitCode(points);
        } catch (DatasetException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    /** 0 when every point finished, 1 when one failed, else 3 when one diverged. */
    static int exitCode(List<SweepPoint> points) {
        if (points.stream().anyMatch(q -> q.state() != RunState.FINISHED && q.state() != RunState.DIVERGED)) {
            return ExitCode.FAILED;
        }
        return points.stream().anyMatch(q -> q.state() == RunState.DIVERGED) ? ExitCode.DIVERGED : ExitCode.OK;
    }

    /** Prints an in-place step counter and, when a point stops, one line with its headline numbers. */
    private static final class Progress implements SweepListener {
        private final PrintStream err;
        private final SweepSpec spec;
        private final long t0;
        private int done;

        Progress(PrintStream err, SweepSpec spec, long t0) {
            this.err = err;
            this.spec = spec;
            this.t0 = t0;
        }

        @Override
        public void progress(int pointIndex, int step, int maxSteps) {
            err.printf(Locale.ROOT, "\rpoint %d/%d (%s): step %d%s   ", pointIndex + 1, spec.size(),
                    label(spec.values()[pointIndex]), step, maxSteps > 0 ? "/" + maxSteps : "");
        }

        @Override
        public void point(SweepPoint q) {
            int index = done++; // points arrive in sweep order, each once
            err.printf(Locale.ROOT, "\rpoint %d/%d (%s): %s after %d steps; train err %.3f, test err %.3f, C %.3g, "
                            + "top-%d energy %.3f -> %.3f, steps to threshold %d (predicted %d), NTK distance %.3g, "
                            + "%.0f s%n", index + 1, spec.size(), label(q.value()), q.state().name().toLowerCase(),
                    q.steps(), q.trainError(), q.testError(), q.complexity(), spec.topK(), q.energyTopInit(),
                    q.energyTopEnd(), q.stepsToThreshold(), q.predictedStepsToThreshold(), q.ntkDistance(),
                    (System.nanoTime() - t0) / 1e9);
        }

        private String label(double v) {
            return spec.kind() == SweepSpec.Kind.NOISE ? "p = " + v : "m = " + (long) v;
        }
    }
}
