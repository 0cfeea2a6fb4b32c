package org.jacobianlens.app;

import java.util.Arrays;

import org.jacobianlens.app.cli.BenchCommand;
import org.jacobianlens.app.cli.RunCommand;

/** Entry point of jacobian-lens.jar: subcommands {@code run} and {@code bench}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String cmd = args.length == 0 ? "help" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int code = switch (cmd) {
            case "run" -> RunCommand.execute(rest, System.out, System.err);
            case "bench" -> BenchCommand.execute(rest, System.out, System.err);
            case "help", "--help", "-h" -> {
                System.out.println("usage: jacobian-lens run [options] --out DIR   (train headless; run --help for options)");
                System.out.println("       jacobian-lens bench [--quick]           (Gram and eigendecomposition timings vs numpy)");
                yield 0;
            }
            default -> {
                System.err.println("jacobian-lens: unknown command '" + cmd + "' (use run or bench)");
                yield 2;
            }
        };
        System.exit(code);
    }
}
