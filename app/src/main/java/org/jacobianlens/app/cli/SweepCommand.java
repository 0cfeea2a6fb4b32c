package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.jacobianlens.app.export.SweepExport;
import org.jacobianlens.app.files.OutputFolder;
import org.jacobianlens.app.plan.EngineFiles;
import org.jacobianlens.app.plan.EngineOptions;
import org.jacobianlens.app.plan.PlanFiles;
import org.jacobianlens.app.plan.PointResults;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.Sweep;
import org.jacobianlens.core.sweep.SweepListener;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: trains a base configuration at several noise levels or widths (and seeds), headless. With
 * {@code --out} the whole plan runs here on a pool of worker threads; with {@code --plan} it is written as data
 * for a job runner (one point per task, {@code --point}), and {@code --collect} merges the points' results. Either
 * way the same files: sweep.csv (one row per value, over seeds), sweep-seeds.csv (one row per point), sweep.json
 * and the summary charts as PNG.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        usageHelpWidth = 110, description = {"Trains one network at several label-noise levels or widths (and seeds).",
            "Within a seed every point shares the data and the initial weights (so the noise is nested); writes "
                + "sweep.csv (mean, std, min, max over seeds per value), sweep-seeds.csv, sweep.json and PNG charts "
                + "(1600x1000). --noise is what a noise sweep varies, --width what a width sweep varies.",
            "On a cluster: --plan DIR writes the points and slurm.sbatch / k8s-job.yaml, each task runs "
                + "--point DIR INDEX, and --collect DIR writes the same files into DIR."})
public final class SweepCommand implements Callable<Integer> {
    private final Cli root;

    @Spec
    CommandSpec command;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 99)
    Mode mode;

    @Mixin
    SweepOptions sweep;

    @Mixin
    RunOptions options;

    @Option(names = "--workers", paramLabel = "W", order = 29,
            description = "with --out: points trained at once (default: one per core)")
    Integer workers;

    @Mixin
    EngineArgs engine;

    /** Where the sweep goes: run here, planned, one point, or collected. */
    static final class Mode {
        @Option(names = "--out", paramLabel = "DIR", required = true, order = 100, description = "run every point "
                + "here and write the folder; it appears complete or not at all, and a sweep it replaces is kept "
                + "as DIR.previous")
        Path out;

        @Option(names = "--plan", paramLabel = "DIR", required = true, order = 101, description = "write the plan "
                + "(plan.json, points/, slurm.sbatch, k8s-job.yaml) and print how many points it holds")
        Path plan;

        @Option(names = "--point", arity = "2", paramLabel = "DIR INDEX", hideParamSyntax = true, required = true,
                order = 102, description = "run point INDEX of the plan in DIR into DIR/results/NNNN (no other "
                + "options: the point file says everything)")
        String[] point;

        @Option(names = "--collect", paramLabel = "DIR", required = true, order = 103, description = "merge the "
                + "results in DIR into sweep.csv, sweep-seeds.csv, sweep.json and the charts; lists missing points")
        Path collect;
    }

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
            "Exit codes: 0 every point finished, 1 a point failed (or, for --collect, a point is missing), 2 bad "
                + "usage, 3 a point diverged. --point exits 0 once the point's result is recorded, whatever its "
                + "state (point.json gives it), so job runners do not retry a diverged point."};
    }

    @Override
    public Integer call() {
        PrintStream err = root.err();
        if (mode.point != null) {
            onlyTheMode("--point");
            int index;
            try {
                index = Integer.parseInt(mode.point[1].strip());
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0) {
                throw new ParameterException(command.commandLine(), "--point INDEX must be a whole number >= 0, found '"
                        + mode.point[1] + "'");
            }
            return PointRunner.run(root, Path.of(mode.point[0]), index, err);
        }
        if (mode.collect != null) {
            onlyTheMode("--collect");
            return collect(mode.collect, err);
        }
        SweepPlan plan = sweep.plan(options.config());
        if (mode.plan != null) {
            return plan(plan, mode.plan, err);
        }
        if (workers != null && workers < 1) {
            throw new ParameterException(command.commandLine(), "--workers must be at least 1, found " + workers);
        }
        OutputFolder folder;
        try {
            folder = OutputFolder.open(mode.out, err);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "--out " + e.getMessage(), e);
        }
        try (folder) {
            return run(plan, folder, err);
        } catch (IOException e) {
            err.println("jacobian-lens sweep: cannot write results: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** --point and --collect read everything from the plan folder: any other option is a mistake. */
    private void onlyTheMode(String name) {
        List<String> others = command.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).filter(n -> !n.equals(name)).toList();
        if (!others.isEmpty()) {
            throw new ParameterException(command.commandLine(), name + " takes no other options (the plan says "
                    + "what to run), found " + String.join(", ", others));
        }
    }

    private int plan(SweepPlan plan, Path dir, PrintStream err) {
        EngineOptions engines;
        Path abs = dir.toAbsolutePath().normalize();
        try {
            engines = engine.options();
            EngineFiles.checkPath(abs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
        OutputFolder folder;
        try {
            folder = OutputFolder.open(dir, err);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "--plan " + e.getMessage(), e);
        }
        try (folder) {
            PlanFiles.write(folder.dir(), plan, engines, abs);
            folder.commit();
        } catch (IOException e) {
            err.println("jacobian-lens sweep: cannot write the plan: " + e.getMessage());
            return ExitCode.FAILED;
        }
        int n = plan.size();
        root.out().printf(Locale.ROOT, "%d points (%d values x %d seeds) planned in %s%n", n, plan.spec().size(),
                plan.seeds().length, abs);
        err.printf(Locale.ROOT, "run them with: sbatch %1$s/%2$s | kubectl apply -f %1$s/%3$s | "
                + "seq 0 %4$d | xargs -P 2 -I{} ./jacobian-lens sweep --point %1$s {}%n"
                + "then: ./jacobian-lens sweep --collect %1$s%n", abs, EngineFiles.SLURM, EngineFiles.K8S, n - 1);
        return ExitCode.OK;
    }

    private int collect(Path dir, PrintStream err) {
        try {
            PointResults.Collected c = PointResults.collect(dir);
            SweepExport.writeInto(dir, c.plan(), c.points(), c.seconds());
            err.printf(Locale.ROOT, "collected %d of %d points into %s%n", c.points().size(), c.plan().size(),
                    dir.resolve(SweepExport.CSV));
            if (!c.missing().isEmpty()) {
                err.println("missing " + c.missing().size() + " points: " + c.missing().stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")) + " (run each with sweep --point "
                        + dir + " INDEX, then collect again)");
                return ExitCode.FAILED;
            }
            return exitCode(c.points());
        } catch (IOException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private int run(SweepPlan plan, OutputFolder folder, PrintStream err) throws IOException {
        String note = options.analyzeNNote();
        if (note != null) {
            err.println(note);
        }
        if (!root.nativeCheckPasses()) {
            return ExitCode.FAILED;
        }
        long t0 = System.nanoTime();
        try {
            int w = workers != null ? workers : Sweep.defaultWorkers(plan);
            List<SweepPoint> points = Sweep.run(plan, w, new Progress(err, plan, t0), () -> false);
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
        private final SweepPlan plan;
        private final SweepSpec spec;
        private final long t0;
        private int done;

        Progress(PrintStream err, SweepPlan plan, long t0) {
            this.err = err;
            this.plan = plan;
            this.spec = plan.spec();
            this.t0 = t0;
        }

        @Override
        public void progress(int pointIndex, int step, int maxSteps) {
            err.printf(Locale.ROOT, "\rpoint %d/%d (%s%s): step %d%s   ", pointIndex + 1, plan.size(),
                    label(plan.point(pointIndex).value()), seed(plan.point(pointIndex).seed()), step,
                    maxSteps > 0 ? "/" + maxSteps : "");
        }

        private String seed(long s) {
            return plan.seeds().length > 1 ? ", seed " + s : "";
        }

        @Override
        public void point(SweepPoint q) {
            int index = done++; // calls never overlap; with several workers the order is that of finishing
            err.printf(Locale.ROOT, "\rpoint %d/%d (%s): %s after %d steps; train err %.3f, test err %.3f, C %.3g, "
                            + "top-%d energy %.3f -> %.3f, steps to threshold %d (predicted %d), NTK distance %.3g, "
                            + "%.0f s%n", index + 1, plan.size(), label(q.value()) + seed(q.seed()), q.state().name().toLowerCase(),
                    q.steps(), q.trainError(), q.testError(), q.complexity(), spec.topK(), q.energyTopInit(),
                    q.energyTopEnd(), q.stepsToThreshold(), q.predictedStepsToThreshold(), q.ntkDistance(),
                    (System.nanoTime() - t0) / 1e9);
        }

        private String label(double v) {
            return spec.kind() == SweepSpec.Kind.NOISE ? "p = " + v : "m = " + (long) v;
        }
    }
}
