package org.jacobianlens.app.cli;

import org.jacobianlens.core.run.RunConfig;
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

    @Option(names = "--kind", paramLabel = "noise|width", required = true, order = 0,
            description = "sweep the label-noise level p or the hidden width m (required)")
    SweepSpec.Kind kind;

    @Option(names = "--values", paramLabel = "V,V,...", order = 0, description = "the swept values: levels p in [0, 1] or whole widths (defaults below)")
    String values;

    @Option(names = "--top-k", paramLabel = "K", order = 0,
            description = "k of the top-k label energy (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--threshold", paramLabel = "F", order = 0, description = "steps to threshold = first step with loss <= F x initial loss, F in (0, 1) "
            + "(default: ${DEFAULT-VALUE})")
    double threshold;

    /** The sweep of {@code base}; every problem is a usage error naming the option. */
    public SweepSpec spec(RunConfig base) {
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
