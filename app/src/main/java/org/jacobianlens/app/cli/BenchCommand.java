package org.jacobianlens.app.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.NativeSettings;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.ntk.SpectralAnalyzer;
import org.jacobianlens.core.ntk.TwoLayerKernel;

/**
 * {@code bench}: times the Gram matrices, the eigendecomposition and a full analysis frame, and runs the numpy
 * reference script ({@code resources/bench/numpy_reference.py}) on the same sizes in the same invocation so the
 * two are measured side by side on the same machine state, with the same number of BLAS threads
 * ({@link Blas#analysisThreads()}). Best of 5 repetitions after a warm-up, on both sides.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        usageHelpWidth = 110, description = {"Times the Gram matrices and the eigendecomposition against numpy.",
            "Gram matrices, eigendecomposition and a full analysis frame, side by side with every numpy on this "
                + "machine (same sizes, same BLAS thread count), best of " + BenchCommand.REPS * BenchCommand.ROUNDS
                + " runs per side."},
        footer = {"", ExitCode.HELP})
public final class BenchCommand implements Callable<Integer> {
    /** Timed repetitions per case and round (after one warm-up), on each side. */
    static final int REPS = 3;
    static final int ROUNDS = 3;

    private final Cli root;

    @Option(names = "--quick", description = "one round instead of " + ROUNDS)
    boolean quick;

    @Option(names = "--only", paramLabel = "PREFIX", split = ",",
            description = "time only the cases whose names start with one of these (e.g. train_step,topk)")
    List<String> only;

    BenchCommand(Cli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        if (!root.nativeCheckPasses()) {
            return ExitCode.FAILED;
        }
        return run(quick ? 1 : ROUNDS, only, root.out(), root.err());
    }

    private static int run(int rounds, List<String> only, PrintStream out, PrintStream err) {
        Map<String, Callable<?>> cases = cases(only);
        if (cases.isEmpty()) {
            err.println("jacobian-lens bench: no case starts with " + String.join(" or ", only));
            return ExitCode.USAGE;
        }
        int threads = Blas.analysisThreads();
        boolean anyTrain = cases.keySet().stream().anyMatch(BenchCommand::isTraining);
        boolean anyOther = cases.keySet().stream().anyMatch(name -> !isTraining(name));
        // Training rows get servers of their own: a Python's BLAS thread count is fixed when numpy is imported,
        // and training runs on TrainStepBench.THREADS threads here, the analysis rows on `threads`.
        List<NumpyServer> refs = new ArrayList<>();
        for (String python : pythons()) {
            for (boolean training : new boolean[] {false, true}) {
                if (training ? anyTrain : anyOther) {
                    NumpyServer r = NumpyServer.start(python, training ? TrainStepBench.THREADS : threads, training,
                            err);
                    if (r != null) {
                        refs.add(r);
                    }
                }
            }
        }
        // Rounds interleave the two sides case by case, so a drift in this machine's speed (30 % within a
        // minute on the shared VM) hits both alike; each side reports its best time over all rounds.
        Map<String, Double> java = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            err.printf(Locale.ROOT, "bench: round %d of %d%n", round, rounds);
            for (Map.Entry<String, Callable<?>> c : cases.entrySet()) {
                java.merge(c.getKey(), best(c.getValue()), Math::min);
                for (NumpyServer r : refs) {
                    if (r.training == isTraining(c.getKey())) {
                        r.time(c.getKey());
                    }
                }
            }
        }
        refs.forEach(NumpyServer::close);
        out.println(NativeSettings.describe(System.getenv()) + ", processors="
                + Runtime.getRuntime().availableProcessors() + ", best of " + rounds * REPS + " per side");
        for (int i = 0; i < refs.size(); i++) {
            NumpyServer r = refs.get(i);
            out.println("numpy " + (char) ('A' + i) + ": " + r.python + ", " + r.about + ", " + r.threads
                    + " BLAS thread(s)" + (r.training ? ", training rows" : ""));
        }
        out.println("case                      jacobian-lens (s)   reference (s)   ratio   reference");
        for (Map.Entry<String, Double> e : java.entrySet()) {
            int bestRef = bestReference(refs, e.getKey());
            Double ref = bestRef < 0 ? null : refs.get(bestRef).times.get(e.getKey());
            String lib = bestRef < 0 ? "-" : refs.get(bestRef).labels.getOrDefault(e.getKey(), "numpy");
            out.printf(Locale.ROOT, "%-25s %17.4f   %13s   %5s   %s%n", e.getKey(), e.getValue(),
                    ref == null ? "-" : String.format(Locale.ROOT, "%.4f (%c)", ref, (char) ('A' + bestRef)),
                    ref == null ? "-" : String.format(Locale.ROOT, "%.2f", e.getValue() / ref), lib);
        }
        return 0;
    }

    private static boolean isTraining(String name) {
        return name.startsWith("train_step_");
    }

    /**
     * The reference a case is compared with: the fastest server, except that a case some server ran in torch is
     * compared with torch only (the training rows are "against torch when it is importable", not against whichever
     * Python happens to be faster by hand).
     */
    private static int bestReference(List<NumpyServer> refs, String name) {
        boolean anyTorch = refs.stream().anyMatch(r -> r.labels.getOrDefault(name, "").startsWith("torch"));
        int best = -1;
        for (int i = 0; i < refs.size(); i++) {
            NumpyServer r = refs.get(i);
            Double t = r.times.get(name);
            if (t == null || (anyTorch && !r.labels.getOrDefault(name, "").startsWith("torch"))) {
                continue;
            }
            if (best < 0 || t < refs.get(best).times.get(name)) {
                best = i;
            }
        }
        return best;
    }

    /** The Java side of every case, on the same sizes (not the same random numbers) as the numpy script. */
    private static Map<String, Callable<?>> cases(List<String> only) {
        Map<String, Callable<?>> cases = new LinkedHashMap<>();
        java.util.function.Predicate<String> wanted = name -> only == null || only.stream().anyMatch(name::startsWith);
        if (only == null || only.stream().anyMatch(p -> !p.startsWith("train_step") && !p.startsWith("topk")
                && !p.startsWith("analysis_frame_10000"))) {
            analysisCases(cases);
        }
        if (wanted.test("train_step_")) {
            TrainStepBench.add(cases);
        }
        if (wanted.test("topk_") || wanted.test("analysis_frame_10000")) {
            TopKBench.add(cases, System.err);
        }
        cases.keySet().removeIf(name -> !wanted.test(name));
        return cases;
    }

    /** The Gram, eigendecomposition and frame rows. */
    private static void analysisCases(Map<String, Callable<?>> cases) {
        Random rng = new Random(7);
        double[][] spd1000 = randomSpd(1000, rng);
        double[][] spd2000 = randomSpd(2000, rng);
        cases.put("eigh_1000", () -> SymmetricEigen.decompose(spd1000));
        cases.put("eigh_2000", () -> SymmetricEigen.decompose(spd2000));
        double[][] x = unitRows(gaussian(1000, 784, rng));
        double[][] w = gaussian(1000, 784, rng);
        cases.put("twolayer_gram_1000", () -> TwoLayerKernel.finiteWidth(x, w));
        MlpNetwork mlp = new MlpNetwork(new MlpSpec(784, 10, 512, 2, MlpSpec.Activation.RELU,
                MlpSpec.Optimizer.SGD, MlpSpec.Loss.SQUARED, 0.01, 0, 3));
        cases.put("mlp_gram_1000", () -> mlp.ntkGram(x));
        double[][] y = new double[1000][1];
        for (int i = 0; i < 1000; i++) {
            y[i][0] = rng.nextBoolean() ? 1 : -1;
        }
        cases.put("analysis_frame_1000", () -> {
            double[][] g = TwoLayerKernel.finiteWidth(x, w);
            return SpectralAnalyzer.analyze(0, g, y, y, y, null, 0.1);
        });
    }

    private static double best(Callable<?> task) {
        double best = Double.POSITIVE_INFINITY;
        try {
            task.call();
            for (int i = 0; i < REPS; i++) {
                long t0 = System.nanoTime();
                Object r = task.call();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                if (r == null) {
                    throw new IllegalStateException("benchmark produced nothing");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // Best, as the numpy script: on a shared 2-core VM the fastest run is the one least disturbed by other
        // work, so it compares the two sides most fairly (medians moved by 10-30 % between runs here).
        return best;
    }

    /**
     * Every distinct Python on this machine that may have numpy: the one on PATH first, then the system's. Both
     * are timed and each case is compared with the faster, so the reference is numpy at its best here (a pip
     * wheel ships a newer OpenBLAS than a distribution's package).
     */
    private static List<String> pythons() {
        Set<Path> seen = new LinkedHashSet<>();
        List<String> found = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "python3").toString());
            }
        }
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                try {
                    if (seen.add(p.toRealPath())) {
                        found.add(c);
                    }
                } catch (IOException e) {
                    // unreadable candidate: skip
                }
            }
        }
        return found;
    }

    /**
     * One Python running {@code numpy_reference.py --serve}: it builds its inputs once, then times one case per
     * request. Keeps its best time per case.
     */
    private static final class NumpyServer {
        final String python;
        final String about;
        final int threads;
        /** Whether it serves the training rows (and only those). */
        final boolean training;
        final Map<String, Double> times = new LinkedHashMap<>();
        /** The library a case ran on, where the script says (training rows: torch or numpy float32). */
        final Map<String, String> labels = new LinkedHashMap<>();
        private final Process process;
        private final BufferedReader in;
        private final PrintStream to;
        private final Path script;
        private final PrintStream err;

        private NumpyServer(String python, String about, int threads, boolean training, Process process,
                            BufferedReader in, Path script, PrintStream err) {
            this.python = python;
            this.about = about;
            this.threads = threads;
            this.training = training;
            this.process = process;
            this.in = in;
            this.to = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.script = script;
            this.err = err;
        }

        /** Started and ready, or null after one line on {@code err} saying why (no numpy, no script). */
        static NumpyServer start(String python, int threads, boolean training, PrintStream err) {
            try (InputStream res = BenchCommand.class.getResourceAsStream("/bench/numpy_reference.py")) {
                if (res == null) {
                    err.println("bench: numpy reference script missing from the jar");
                    return null;
                }
                Path tmp = Files.createTempFile("numpy_reference", ".py");
                Files.write(tmp, res.readAllBytes());
                List<String> command = new ArrayList<>(List.of(python, tmp.toString(), "--serve", "--threads",
                        Integer.toString(threads)));
                if (training) {
                    command.add("--train-only");
                }
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                String about = null;
                String last = "no output";
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("ready")) {
                        return new NumpyServer(python, about == null ? "numpy" : about, threads, training, p, in, tmp,
                                err);
                    }
                    if (line.startsWith("numpy ")) {
                        about = line.trim();
                    }
                    last = line.trim();
                }
                // No numpy here (ImportError): say so in one line, not with the traceback.
                p.waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(tmp);
                err.println("bench: " + python + " gives no numpy reference (" + last + ")");
            } catch (IOException e) {
                err.println("bench: " + python + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        void time(String name) {
            to.println(name);
            try {
                String line = in.readLine();
                String[] parts = line == null ? new String[0] : line.trim().split("\\s+", 3);
                if (parts.length >= 2 && parts[0].equals(name)) {
                    times.merge(name, Double.parseDouble(parts[1]), Math::min);
                    if (parts.length == 3) {
                        labels.put(name, parts[2]);
                    }
                } else {
                    err.println("bench: " + python + " answered '" + line + "' for " + name);
                }
            } catch (IOException | NumberFormatException e) {
                err.println("bench: " + python + ": " + e.getMessage());
            }
        }

        void close() {
            to.close();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(script);
            } catch (IOException e) {
                // a temp file left behind is harmless
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroy();
        }
    }

    static double[][] gaussian(int n, int d, Random rng) {
        double[][] a = new double[n][d];
        for (double[] row : a) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return a;
    }

    static double[][] unitRows(double[][] a) {
        for (double[] row : a) {
            double s = 0;
            for (double v : row) {
                s += v * v;
            }
            double inv = 1 / Math.sqrt(s);
            for (int j = 0; j < row.length; j++) {
                row[j] *= inv;
            }
        }
        return a;
    }

    private static double[][] randomSpd(int n, Random rng) {
        double[][] g = gaussian(n, n, rng);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k += 4) {
                    s += g[i][k] * g[j][k];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
            a[i][i] += n;
        }
        return a;
    }
}
