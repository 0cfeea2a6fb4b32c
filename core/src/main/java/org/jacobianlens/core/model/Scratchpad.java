package org.jacobianlens.core.model;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One ND4J workspace per network for the temporaries of a training step, a prediction or a Gram: every array
 * created inside {@link #run} lives in memory the workspace reuses on the next call, and nothing that was created
 * inside may be used after it returns (results leave as plain Java arrays).
 *
 * <p>Why: ND4J frees off-heap memory only when the Java objects that own it are garbage collected. A training step
 * makes a few small Java objects and megabytes of native temporaries, so the heap rarely fills and native memory
 * grew to many GB (issue 10: 8–12 GB). A workspace learns its size in the first cycle and then reuses it, so memory
 * is bounded by construction, and {@link #close()} returns it at once.
 *
 * <p>Workspaces belong to the thread that creates them: use a scratchpad on one thread only (the network's).
 */
final class Scratchpad implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            // A bigger call than any before (a larger prediction) grows the workspace instead of allocating outside.
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private final String id = "jacobian-lens-" + IDS.incrementAndGet();
    private MemoryWorkspace workspace;

    /** Runs {@code body} with the workspace active; nested calls share the outer cycle. */
    <T> T run(Supplier<T> body) {
        if (workspace != null && workspace.isScopeActive()) {
            return body.get();
        }
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id)) {
            workspace = ws;
            return body.get();
        }
    }

    /** The workspace of the {@link #run} in progress (DL4J can place a result in it), or null outside one. */
    MemoryWorkspace active() {
        return workspace != null && workspace.isScopeActive() ? workspace : null;
    }

    void run(Runnable body) {
        run(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.destroyWorkspace(true);
            workspace = null;
        }
    }
}
