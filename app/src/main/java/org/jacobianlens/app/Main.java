package org.jacobianlens.app;

import java.util.Arrays;

import org.jacobianlens.app.cli.BenchCommand;
import org.jacobianlens.app.cli.RunCommand;
import org.jacobianlens.app.cli.SweepCommand;
import org.jacobianlens.app.ui.LensApp;
import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.SelfCheck;

/** Entry point of jacobian-lens.jar: the desktop app without arguments, else {@code run} or {@code bench}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Native libraries read their settings when they load: relaunch first if any is missing.
        NativeRelaunch.ifNeeded().ifPresent(System::exit);
        if (args.length == 0 || !args[0].matches("help|--help|-h")) {
            String problem = SelfCheck.run();
            if (problem != null) {
                // Refuse rather than show a wrong eigenvalue; OpenBLAS's kernels can be chosen by hand.
                System.err.println("jacobian-lens: " + problem + ". Refusing to show wrong numbers; try another "
                        + "OPENBLAS_CORETYPE (e.g. Haswell, or Prescott for the generic kernels).");
                System.exit(1);
            }
        }
        if (args.length == 0 || args[0].equals("gui")) {
            Blas.reserveCoreForUi();
            LensApp.launchApp(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String cmd = args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int code = switch (cmd) {
            case "run" -> RunCommand.execute(rest, System.out, System.err);
            case "sweep" -> SweepCommand.execute(rest, System.out, System.err);
            case "bench" -> BenchCommand.execute(rest, System.out, System.err);
            case "help", "--help", "-h" -> {
                System.out.println("usage: jacobian-lens                             (the desktop app)");
                System.out.println("       jacobian-lens gui [--presentation] [--paused] [--screenshots=DIR] "
                        + "[--measure-pulses=SECONDS]");
                System.out.println("       jacobian-lens run [options] --out DIR   (train headless; run --help for options)");
                System.out.println("       jacobian-lens sweep --kind noise|width [options] --out DIR (sweep --help)");
                System.out.println("       jacobian-lens bench [--quick]           (Gram and eigendecomposition timings vs numpy)");
                yield 0;
            }
            default -> {
                System.err.println("jacobian-lens: unknown command '" + cmd + "' (use run, sweep, bench or gui)");
                yield 2;
            }
        };
        System.exit(code);
    }
}
