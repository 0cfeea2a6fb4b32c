package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;

/** {@code run}: trains one configuration headless and writes its files; a progress line on stderr. */
public final class RunCommand {
    private RunCommand() {
    }

    /** @return the process exit code: 0 done, 1 failed (data or I/O error, divergence), 2 bad options */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(RunOptions.HELP);
            return 0;
        }
        RunOptions.Parsed p;
        try {
            p = RunOptions.parse(args);
        } catch (UsageException e) {
            err.println("jacobian-lens run: " + e.getMessage());
            return 2;
        }
        RunConfig config = p.config();
        long t0 = System.nanoTime();
        try {
            err.println("preparing " + config.data().dataset() + " ...");
            PreparedData data = DataFactory.prepare(config.data());
            err.printf(Locale.ROOT, "%s: %d train / %d test, d = %d, K = %d, %d labels corrupted (%d changed); %s%n",
                    data.name(), data.nTrain(), data.nTest(), data.dim(), data.numClasses(), data.corruptedCount(),
                    data.changedCount(), data.preprocessing());
            Snapshot s;
            try (TrainingRun run = new TrainingRun(config, data, 1L)) {
                s = run.snapshot();
                int chunk = Math.max(1, config.analyzeEvery() > 0 ? config.analyzeEvery() : 50);
                while (!s.state().terminal()) {
                    if (config.maxSteps() == 0 && config.targetLoss() == 0) {
                        err.println("jacobian-lens run: give --steps or --target-loss so the run can stop");
                        return 2;
                    }
                    s = run.advance(chunk);
                    progress(err, s, config, t0);
                }
                err.println();
            }
            RunWriter.writeAll(p.out(), config, data, s, (System.nanoTime() - t0) / 1e9);
            err.println(s.message() + "; wrote " + p.out().toAbsolutePath());
            return switch (s.state()) {
                case FINISHED -> 0;
                default -> 1;
            };
        } catch (DatasetException e) {
            err.println("jacobian-lens run: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("jacobian-lens run: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("jacobian-lens run: cannot write results: " + e.getMessage());
            return 1;
        }
    }

    private static void progress(PrintStream err, Snapshot s, RunConfig c, long t0) {
        int last = s.curves().last();
        double secs = (System.nanoTime() - t0) / 1e9;
        String of = c.maxSteps() > 0 ? "/" + c.maxSteps() : "";
        err.printf(Locale.ROOT, "\rstep %d%s  train loss %.4g  acc %.3f  test acc %.3f  %.1f steps/s   ",
                s.step(), of, last >= 0 ? s.curves().trainLoss()[last] : Double.NaN,
                last >= 0 ? s.curves().trainAcc()[last] : Double.NaN,
                last >= 0 ? s.curves().testAcc()[last] : Double.NaN, s.step() / Math.max(secs, 1e-9));
    }
}
