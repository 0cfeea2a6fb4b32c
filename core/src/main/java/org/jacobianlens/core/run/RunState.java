package org.jacobianlens.core.run;

/** Life cycle of a training run. */
public enum RunState {
    /** Created, no step taken yet. */
    READY,
    /** Steps are being taken. */
    RUNNING,
    /** The stop condition (step budget or loss target) was reached. */
    FINISHED,
    /** Loss or parameters became NaN/Inf; the message says at which step. */
    DIVERGED,
    /** Stopped on request. */
    CANCELLED,
    /** An error (for example out of memory); the message says what. */
    FAILED;

    /** Whether no further steps will be taken. */
    public boolean terminal() {
        return this == FINISHED || this == DIVERGED || this == CANCELLED || this == FAILED;
    }
}
