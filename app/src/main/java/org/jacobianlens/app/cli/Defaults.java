package org.jacobianlens.app.cli;

import java.util.Map;
import java.util.function.Function;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepSpec;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of every command-line option, read from the one place the program keeps them
 * ({@link RunConfig#defaults()}, {@link DatasetSpec#defaults()}, {@link SweepSpec}'s constants), so the window,
 * the command line and its {@code --help} can never disagree. An option not listed here has no default.
 */
final class Defaults implements IDefaultValueProvider {
    private static final Map<String, Function<RunConfig, Object>> RUN = Map.ofEntries(
            Map.entry("--dataset", c -> c.data().dataset()),
            Map.entry("--n", c -> c.data().nTrain()),
            Map.entry("--test", c -> c.data().nTest()),
            Map.entry("--noise", c -> c.data().noise()),
            Map.entry("--center", c -> c.data().center()),
            Map.entry("--no-unit-norm", c -> !c.data().unitNorm()),
            Map.entry("--model", c -> Converters.name(c.model())),
            Map.entry("--width", RunConfig::width),
            Map.entry("--depth", RunConfig::depth),
            Map.entry("--kappa", RunConfig::kappa),
            Map.entry("--activation", c -> Converters.name(c.activation())),
            Map.entry("--optimizer", c -> Converters.name(c.optimizer())),
            Map.entry("--loss", c -> Converters.name(c.loss())),
            Map.entry("--batch", RunConfig::batchSize),
            Map.entry("--lr", c -> c.learningRate() == 0 ? Converters.AUTO : c.learningRate()),
            Map.entry("--steps", RunConfig::maxSteps),
            Map.entry("--target-loss", RunConfig::targetLoss),
            Map.entry("--analyze-every", RunConfig::analyzeEvery),
            Map.entry("--analyze-n", RunConfig::analyzeN),
            Map.entry("--cutoff", RunConfig::cutoffFraction),
            Map.entry("--precision", c -> Converters.name(c.precision())),
            Map.entry("--no-theory", c -> !c.theory()),
            Map.entry("--eigenpairs", RunConfig::topK),
            Map.entry("--block-kernel", RunConfig::blockKernel),
            Map.entry("--raw-label-energy", c -> !c.centerLabels()),
            Map.entry("--seed", RunConfig::seed));

    private static final Map<String, Object> SWEEP = Map.of(
            "--top-k", SweepSpec.DEFAULT_TOP_K,
            "--threshold", SweepSpec.DEFAULT_THRESHOLD);

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o)) {
            return null;
        }
        Function<RunConfig, Object> f = RUN.get(o.longestName());
        Object v = f != null ? f.apply(RunConfig.defaults()) : SWEEP.get(o.longestName());
        return v == null ? null : String.valueOf(v);
    }
}
