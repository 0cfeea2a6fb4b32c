package org.jacobianlens.core.run;

/**
 * Memory ran out while a run was being set up (its data, network, first analysis or twin), although the estimate
 * ({@link MemoryEstimate}) let it start. Its message is the one line a user sees; what the run had allocated is
 * released before it is thrown. Out of memory later, during training, ends the run as {@link RunState#FAILED}
 * instead, keeping what it recorded.
 */
public final class RunOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunOutOfMemoryException(OutOfMemoryError cause) {
        super("out of memory while setting up the run: try a smaller n or width", cause);
    }
}
