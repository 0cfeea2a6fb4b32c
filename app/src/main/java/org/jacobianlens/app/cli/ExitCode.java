package org.jacobianlens.app.cli;

import org.jacobianlens.core.run.RunState;

/** The process exit codes of every command (documented in the README and each command's help). */
public final class ExitCode {
    /** The work is done. */
    public static final int OK = 0;
    /** It failed (unreadable data, a write error, a run that failed); the one-line message says why. */
    public static final int FAILED = 1;
    /** Bad usage: an unknown option, a bad value, an unusable --out. Nothing was computed. */
    public static final int USAGE = 2;
    /** Training diverged; what there was has been written, with the step in the message and run.json. */
    public static final int DIVERGED = 3;

    /** The help section that lists them. */
    static final String HELP = "Exit codes: 0 done, 1 failed, 2 bad usage, 3 diverged.";

    private ExitCode() {
    }

    /** The exit code of a run that ended in {@code state}. */
    public static int of(RunState state) {
        return switch (state) {
            case FINISHED -> OK;
            case DIVERGED -> DIVERGED;
            default -> FAILED;
        };
    }
}
