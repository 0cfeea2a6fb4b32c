package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jacobianlens.app.files.OutputFolder;
import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunOutOfMemoryException;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: trains one configuration headless and writes its files; a progress line on stderr. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        usageHelpWidth = 110, description = "Trains one network headless and writes its results into --out.",
        footer = {"", "Writes run.json, train.csv, curves.csv, spectrum.csv, projections.csv, theory.csv, "
                + "alignment.csv, weights.csv and linear.csv.", ExitCode.HELP})
public final class RunCommand implements Callable<Integer> {
    private final Cli root;

    @Mixin
    RunOptions options;

    @Mixin
    OutOption output;

    RunCommand(Cli root) {
        this.root = root;
    }

    /** {@code jacobian-lens run ARGS}, writing to {@code out} and {@code err}; the exit code ({@link ExitCode}). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.execute(out, err, all);
    }

    @Override
    public Integer call() {
        RunConfig config = options.config();
        PrintStream err = root.err();
        try (OutputFolder folder = output.open(err)) {
            return train(config, folder, err);
        } catch (IOException e) {
            err.println("jacobian-lens run: cannot write results: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private int train(RunConfig config, OutputFolder folder, PrintStream err) throws IOException {
        String note = options.analyzeNNote();
        if (note != null) {
            err.println(note);
        }
        if (!root.nativeCheckPasses()) {
            return ExitCode.FAILED;
        }
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
                    s = run.advance(chunk);
                    progress(err, s, config, t0);
                }
                err.println();
            }
            err.println("writing " + folder.dir());
            RunWriter.writeAll(folder.dir(), config, data, s, (System.nanoTime() - t0) / 1e9);
            folder.commit();
            err.println(s.message() + "; wrote " + folder.target());
            return ExitCode.of(s.state());
        } catch (DatasetException e) {
            err.println("jacobian-lens run: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (IllegalArgumentException e) {
            // bad synthetic-data parameters, found when the data is made (the message lists the valid keys), or a
            // run the memory estimate refuses before any training (the message says what it needs and may use)
            err.println("jacobian-lens run: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (RunOutOfMemoryException e) {
            err.println("jacobian-lens run: " + e.getMessage());
            return ExitCode.FAILED;
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
