package org.jacobianlens.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.jacobianlens.app.build.BuildInfo;
import org.jacobianlens.core.linalg.NativeLibraries;
import org.jacobianlens.core.linalg.SelfCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;

/**
 * The command line: {@code jacobian-lens [run|sweep|bench|gui|help] [options]}, parsed by picocli. Builds the
 * command tree with its converters and its one-line usage errors, and runs it; without a command it opens the
 * desktop app.
 */
@Command(name = "jacobian-lens", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        usageHelpWidth = 110, subcommands = HelpCommand.class,
        description = "Shows why neural networks generalize on clean labels and memorize random ones. Without a "
                + "command: the desktop app.",
        footer = {"", ExitCode.HELP})
public final class Cli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    private Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line {@code args}; returns the process exit code ({@link ExitCode}). */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The whole command tree, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        Cli root = new Cli(out, err);
        CommandLine cl = new CommandLine(root)
                .addSubcommand(new RunCommand(root))
                .addSubcommand(new SweepCommand(root))
                .addSubcommand(new BenchCommand(root))
                .addSubcommand(new GuiCommand(root));
        cl.getSubcommands().get("sweep").getCommandSpec().usageMessage().footer(SweepCommand.footer());
        Converters.register(cl);
        cl.setDefaultValueProvider(new Defaults());
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            // A bug, not a usage error: one line, not a trace (the trace helps nobody at a lecture).
            c.getErr().println(UsageErrors.prefix(c) + (e.getMessage() == null ? e : e.getMessage()));
            return ExitCode.FAILED;
        });
        return cl;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /**
     * The native self-check every command that computes runs first, on its starting thread: one line and false when
     * a native library does not load (see {@link NativeLibraries} for why they all load here), or when OpenBLAS gives
     * wrong eigenvalues on this CPU, so a wrong number is never shown.
     */
    boolean nativeCheckPasses() {
        String missing = NativeLibraries.load();
        if (missing != null) {
            err.println("jacobian-lens: " + missing + "; the jar is incomplete or built for another platform "
                    + "(supported: Linux x86-64).");
            return false;
        }
        String problem = SelfCheck.run();
        if (problem != null) {
            err.println("jacobian-lens: " + problem + ". Refusing to show wrong numbers; try another "
                    + "OPENBLAS_CORETYPE (e.g. Haswell, or Prescott for the generic kernels).");
        }
        return problem == null;
    }

    /** No command: the desktop app with its defaults. */
    @Override
    public Integer call() {
        return GuiCommand.launch(this, new String[0]);
    }

    /** {@code --version}: this build's version and what it was built with. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.describe()};
        }
    }
}
