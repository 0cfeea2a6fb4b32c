package org.jacobianlens.app.cli;

/** A bad command-line option: reported as one line and exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
