package org.jacobianlens.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jacobianlens.app.session.RecentStore;
import org.jacobianlens.app.ui.LensApp;
import org.jacobianlens.core.linalg.Blas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gui}: the desktop app. Options are checked here and handed on to {@link LensApp#launchApp} in one form
 * ({@code --name} for a flag, {@code --name=value} otherwise), so the app reads them with simple prefix tests and a
 * new option is one annotated field here.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        usageHelpWidth = 110, description = "Opens the desktop app (also what jacobian-lens does without a command).",
        footer = {"", ExitCode.HELP})
final class GuiCommand implements Callable<Integer> {
    private final Cli root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--presentation", description = "open in presentation mode (large fonts, thick lines)")
    boolean presentation;

    @Option(names = "--paused", description = "do not start training")
    boolean paused;

    @Option(names = "--fresh", description = "ignore the settings remembered at the last exit")
    boolean fresh;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "where settings and recent sessions are kept (default: "
            + "$XDG_CONFIG_HOME/jacobian-lens, else ~/.config/jacobian-lens)")
    Path configDir;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "write the README pictures into DIR, then exit")
    Path screenshots;

    @Option(names = "--scenes", paramLabel = "A,B", description = "with --screenshots: only these scenes")
    String scenes;

    @Option(names = "--measure-pulses", paramLabel = "SECONDS",
            description = "train at n_a = 1000 that long, print the JavaFX pulse statistics, exit")
    double measurePulses;

    @Option(names = "--measure-live", paramLabel = "SECONDS",
            description = "run the default demo (with --fresh; without it the settings remembered at the last exit) "
                    + "that long and print steps/s, analysis frames/s, pulse p99 and peak RSS, then exit")
    double measureLive;

    @Option(names = "--compare", description = "with --measure-live: measure the clean-vs-random comparison")
    boolean compare;

    GuiCommand(Cli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--measure-pulses") && !(measurePulses > 0)) {
            throw new ParameterException(spec.commandLine(), "--measure-pulses must be positive, found "
                    + measurePulses);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--measure-live") && !(measureLive > 0)) {
            throw new ParameterException(spec.commandLine(), "--measure-live must be positive, found " + measureLive);
        }
        if (compare && !(measureLive > 0)) {
            throw new ParameterException(spec.commandLine(), "--compare needs --measure-live=SECONDS");
        }
        if (scenes != null && screenshots == null) {
            throw new ParameterException(spec.commandLine(), "--scenes needs --screenshots=DIR");
        }
        if (configDir != null) {
            // The store reads the same property the tests use (-Djacobianlens.home), so both move it alike.
            System.setProperty(RecentStore.HOME_PROPERTY, configDir.toAbsolutePath().toString());
        }
        return launch(root, normalized());
    }

    /** Runs the window until it closes; its exit code. */
    static int launch(Cli root, String[] args) {
        if (!root.nativeCheckPasses()) {
            return ExitCode.FAILED;
        }
        Blas.reserveCoreForUi();
        LensApp.setStartHook(org.jacobianlens.app.devtools.DevTools::start);
        LensApp.launchApp(args);
        return ExitCode.OK;
    }

    /** The options given, each as {@code --name} (flags) or {@code --name=value}. */
    private String[] normalized() {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            List<String> values = o.originalStringValues();
            out.add(o.arity().max() == 0 || values.isEmpty() ? o.longestName()
                    : o.longestName() + "=" + values.get(values.size() - 1));
        }
        return out.toArray(String[]::new);
    }
}
