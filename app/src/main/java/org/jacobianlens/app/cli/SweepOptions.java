package org.jacobianlens.app.cli;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a sweep varies and how its points are summarized, as a picocli mixin so that every way of running a sweep
 * (in one process today; planned, point by point or collected later) shares one definition.
 */
public final class SweepOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--kind", paramLabel = "noise|width", order = 0,
            description = "sweep the label-noise level p or the hidden width m (required, except with --point "
                    + "and --collect)")
    SweepSpec.Kind kind;

    @Option(names = "--values", paramLabel = "V,V,...", order = 0, description = "the swept values: levels p in [0, 1] or whole widths (defaults below)")
    String values;

    @Option(names = "--top-k", paramLabel = "K", order = 0,
            description = "k of the top-k label energy (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--threshold", paramLabel = "F", order = 0, description = "steps to threshold = first step with loss <= F x initial loss, F in (0, 1) "
            + "(default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--seeds", paramLabel = "K|S,S,...", order = 0, description = "train every value at K seeds "
            + "starting at --seed, or at the seeds listed; a seed sets the data and the init seed, and sweep.csv "
            + "gives mean, std, min and max over them (default: --seed alone)")
    String seeds;

    /** The sweep of {@code base} at its seeds; every problem is a usage error naming the option. */
    public SweepPlan plan(RunConfig base) {
        SweepSpec s = spec(base);
        if (seeds == null) {
            return SweepPlan.of(s);
        }
        try {
            return new SweepPlan(s, SweepPlan.parseSeeds(seeds, base.seed()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--seeds: " + e.getMessage(), e);
        }
    }

    /** The sweep of {@code base}; every problem is a usage error naming the option. */
    public SweepSpec spec(RunConfig base) {
        require(kind != null, "--kind noise|width is required (not with --point or --collect)");
        String swept = kind == SweepSpec.Kind.NOISE ? "--noise" : "--width";
        if (spec.commandLine().getParseResult().hasMatchedOption(swept)) {
            throw new ParameterException(spec.commandLine(), swept + " is what a " + Converters.name(kind)
                    + " sweep varies; give the levels with --values");
        }
        require(topK >= 1, "--top-k must be at least 1, found " + topK);
        require(threshold > 0 && threshold < 1, "--threshold must be in (0, 1), found " + threshold);
        double[] v;
        try {
            v = values == null ? kind.defaultValues() : SweepSpec.parseValues(values);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage(), e);
        }
        try {
            return new SweepSpec(base, kind, v, topK, threshold);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--values: " + e.getMessage(), e);
        }
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
