package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jacobianlens.app.export.SweepExport;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.Sweep;
import org.jacobianlens.core.sweep.SweepListener;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * {@code sweep}: trains a base configuration at several noise levels or widths, headless, and writes sweep.json,
 * sweep.csv (one row per point) and the summary charts as PNG; one progress line per point on stderr.
 */
public final class SweepCommand {

    static final String HELP = String.join("\n",
            "usage: jacobian-lens sweep --kind noise|width [--values V,V,...] [run options] --out DIR",
            "  --kind noise|width    sweep the label-noise level p or the hidden width m (required)",
            "  --values LIST         p levels (default 0,0.2,0.4,0.6,0.8,1) or widths (default 64,256,1024,4096)",
            "  --top-k K             k of the top-k label energy (default 10)",
            "  --threshold F         steps to threshold = first step with loss <= F x initial loss (default 0.1)",
            "  Every point shares the data seed and the init seed (nested noise). Writes sweep.json, sweep.csv and",
            "  PNG charts (1600x1000) into DIR. Run options (--noise is swept by a noise sweep, --width by a width",
            "  sweep):")
            + "\n" + RunOptions.HELP.substring(RunOptions.HELP.indexOf('\n') + 1);

    private static final Set<String> OWN_OPTIONS = Set.of("kind", "values", "top-k", "threshold");

    private SweepCommand() {
    }

    /** @return the process exit code: 0 every point finished, 1 failed or a point diverged, 2 bad options */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(HELP);
            return 0;
        }
        SweepSpec spec;
        Path dir;
        try {
            RunOptions.Parsed p = RunOptions.parse(args, OWN_OPTIONS);
            spec = spec(p);
            dir = p.out();
        } catch (UsageException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        try {
            List<SweepPoint> points = Sweep.run(spec, new Progress(err, spec, t0), () -> false);
            SweepExport.write(dir, spec, points, (System.nanoTime() - t0) / 1e9);
            err.println("wrote " + dir.toAbsolutePath());
            return points.stream().allMatch(q -> q.state() == RunState.FINISHED) ? 0 : 1;
        } catch (DatasetException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("jacobian-lens sweep: cannot write results: " + e.getMessage());
            return 1;
        }
    }

    /** The sweep described by the parsed options. */
    static SweepSpec spec(RunOptions.Parsed p) throws UsageException {
        Map<String, String> o = p.options();
        String k = o.get("kind");
        if (k == null) {
            throw new UsageException("--kind noise|width is required");
        }
        SweepSpec.Kind kind = switch (k) {
            case "noise" -> SweepSpec.Kind.NOISE;
            case "width" -> SweepSpec.Kind.WIDTH;
            default -> throw new UsageException("--kind must be noise or width, found '" + k + "'");
        };
        if (o.containsKey(k)) {
            throw new UsageException("--" + k + " is what a " + k + " sweep varies; give the levels with --values");
        }
        double[] values = o.containsKey("values") ? values(o.get("values")) : kind.defaultValues();
        try {
            return new SweepSpec(p.config(), kind, values, RunOptions.intOpt(o, "top-k", SweepSpec.DEFAULT_TOP_K),
                    RunOptions.doubleOpt(o, "threshold", SweepSpec.DEFAULT_THRESHOLD));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double[] values(String s) throws UsageException {
        try {
            return SweepSpec.parseValues(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
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
