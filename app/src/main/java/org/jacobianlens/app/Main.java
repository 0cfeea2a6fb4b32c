package org.jacobianlens.app;

import org.jacobianlens.app.cli.Cli;

/**
 * Entry point of jacobian-lens.jar: the desktop app without arguments, else a command ({@code run}, {@code sweep},
 * {@code bench}, {@code gui}, {@code help}; see {@link Cli}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Native libraries read their settings when they load: relaunch first if any is missing.
        NativeRelaunch.ifNeeded().ifPresent(System::exit);
        System.exit(Cli.execute(System.out, System.err, args));
    }
}
