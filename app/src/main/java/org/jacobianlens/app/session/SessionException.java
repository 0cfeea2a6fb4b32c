package org.jacobianlens.app.session;

/**
 * A session file could not be read or written. The message is one sentence naming the file and what is wrong, fit
 * to show the user as it is; nothing is ever half-loaded when this is thrown.
 */
public class SessionException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
