package org.jacobianlens.app.cli;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage as one line on stderr and exit code 2, in the user's words: "--width needs a value", "--out DIR is
 * required", "unknown option '--bogus'", "--n must be a whole number, found 'many'". Never a usage dump or a trace.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(prefix(cl) + message(ex, args));
        cl.getErr().flush();
        return ExitCode.USAGE;
    }

    /** "jacobian-lens run: " for a subcommand, "jacobian-lens: " for the top level. */
    static String prefix(CommandLine cl) {
        return cl.getParent() == null ? cl.getCommandName() + ": "
                : cl.getParent().getCommandName() + " " + cl.getCommandName() + ": ";
    }

    private static String message(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec a = m.getMissing().get(0);
            if (a instanceof OptionSpec o) {
                return given(o, args) ? o.longestName() + " needs a value"
                        : o.longestName() + " " + o.paramLabel() + " is required";
            }
            return a.paramLabel() + " is required";
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                return "unknown option '" + first + "' (see " + cl.getCommandSpec().qualifiedName() + " --help)";
            }
            if (cl.getParent() == null) {
                return "unknown command '" + first + "' (use " + String.join(", ", cl.getSubcommands().keySet())
                        + ")";
            }
            return "unexpected argument '" + first + "' (options start with --; see "
                    + cl.getCommandSpec().qualifiedName() + " --help)";
        }
        if (ex.getCause() instanceof TypeConversionException t && ex.getArgSpec() instanceof OptionSpec o) {
            return o.longestName() + " " + t.getMessage();
        }
        return ex.getMessage();
    }

    /** Whether the option was on the command line (then its value is what is missing). */
    private static boolean given(OptionSpec o, String[] args) {
        List<String> names = Arrays.asList(o.names());
        return Arrays.stream(args).anyMatch(a -> names.contains(a) || names.stream().anyMatch(n -> a.startsWith(n + "=")));
    }
}
