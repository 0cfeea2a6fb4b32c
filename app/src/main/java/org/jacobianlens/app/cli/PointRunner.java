package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jacobianlens.app.build.BuildInfo;
import org.jacobianlens.app.files.OutputFolder;
import org.jacobianlens.app.plan.PlanFiles;
import org.jacobianlens.app.plan.PointResults;
import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.sweep.PointSpec;
import org.jacobianlens.core.sweep.Sweep;
import org.jacobianlens.core.sweep.SweepListener;
import org.jacobianlens.core.sweep.SweepPoint;

/**
 * {@code sweep --point DIR INDEX}: trains exactly one point of a plan and writes {@code DIR/results/NNNN/} as one
 * set (the {@code run} command's files and point.json), so a killed task leaves no result and a rerun starts clean.
 * A point that already has its result is not run again.
 */
final class PointRunner {
    private PointRunner() {
    }

    /**
     * Runs the point; the exit code: 0 once its result is recorded (whatever its state, which point.json gives:
     * a diverged point is a result, and a job runner must not retry it), 1 when nothing could be recorded, 2 for a
     * point the plan does not have.
     */
    static int run(Cli root, Path dir, int index, PrintStream err) {
        PointSpec p;
        try {
            p = PlanFiles.readPoint(dir, index);
            String planned = PlanFiles.plannedVersion(dir, index);
            if (!planned.equals(BuildInfo.version())) {
                err.println("note: the plan was made by jacobian-lens " + planned + ", this is "
                        + BuildInfo.version());
            }
        } catch (IOException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Path result = PlanFiles.resultDir(dir, index);
        if (Files.isRegularFile(result.resolve(PointResults.POINT))) {
            err.println("point " + index + " already has its result in " + result + "; nothing to do");
            return ExitCode.OK;
        }
        if (!root.nativeCheckPasses()) {
            return ExitCode.FAILED;
        }
        long t0 = System.nanoTime();
        try (OutputFolder folder = OutputFolder.open(result, err)) {
            err.printf(Locale.ROOT, "point %d (value %s, seed %d): training into %s%n", index, p.value(), p.seed(),
                    folder.dir());
            PreparedData data = DataFactory.prepare(p.config().data());
            Sweep.Outcome o = Sweep.train(p, data, SweepListener.NONE, () -> false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (o.snapshot() != null) {
                RunWriter.writeAll(folder.dir(), p.config(), data, o.snapshot(), seconds);
            }
            PointResults.write(folder.dir(), index, o.point(), p.config().precision(), seconds);
            folder.commit();
            SweepPoint q = o.point();
            err.printf(Locale.ROOT, "point %d (value %s, seed %d): %s after %d steps, test err %.3f, %.1f s; wrote %s%n",
                    index, q.value(), q.seed(), q.state().name().toLowerCase(Locale.ROOT), q.steps(), q.testError(),
                    seconds, folder.target());
            return ExitCode.OK;
        } catch (DatasetException e) {
            err.println("jacobian-lens sweep: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (IOException e) {
            err.println("jacobian-lens sweep: cannot write " + result + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
