package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.model.Network;
import org.junit.jupiter.api.Test;

/**
 * Out of memory is a state, not a crash: an allocation failure injected into the network (a proxy that throws
 * {@link OutOfMemoryError} where ND4J would) ends a run as FAILED with the one-line hint and the network released,
 * or, during set-up, becomes one {@link RunOutOfMemoryException} line.
 */
class OutOfMemoryTest {
    private static final RunConfig CONFIG = RunConfig.defaults()
            .withData(new DatasetSpec("digits", new int[] {3, 5}, 60, 30, 0.0, false, true, 3))
            .withModel(RunConfig.ModelKind.TWO_LAYER, 64, 1)
            .withStop(50, 0)
            .withAnalysis(10, 60, 0.1);

    /** Wraps a network so that {@code method} throws OutOfMemoryError from its {@code failAt}-th call on. */
    private static UnaryOperator<Network> failing(String method, int failAt, AtomicBoolean closed) {
        AtomicInteger calls = new AtomicInteger();
        return real -> (Network) Proxy.newProxyInstance(Network.class.getClassLoader(), new Class<?>[] {Network.class},
                (proxy, m, args) -> {
                    if (m.getName().equals(method) && calls.incrementAndGet() >= failAt) {
                        throw new OutOfMemoryError("Physical memory usage is too high (injected)");
                    }
                    if (m.getName().equals("close")) {
                        closed.set(true);
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void memoryRunningOutMidRunFailsTheRunWithTheStepAndReleasesIt() throws DatasetException {
        PreparedData data = DataFactory.prepare(CONFIG.data());
        AtomicBoolean closed = new AtomicBoolean();
        try (TrainingRun run = new TrainingRun(CONFIG, data, 1, failing("trainStep", 8, closed))) {
            Snapshot s = run.advance(50);
            assertEquals(RunState.FAILED, s.state());
            assertEquals("out of memory at step 7: try a smaller n or width", s.message());
            assertEquals(7, s.step(), "the seven steps before the failure are kept");
            assertTrue(closed.get(), "native arrays released at once, not at the next collection");
            assertTrue(s.curves().size() > 0, "what was recorded stays");
            Snapshot again = run.advance(5);
            assertEquals(RunState.FAILED, again.state(), "a failed run stays failed, it does not train on");
            assertEquals(7, again.step());
        }
    }

    @Test
    void memoryRunningOutDuringSetUpIsOneLineAndReleasesTheNetwork() throws DatasetException {
        PreparedData data = DataFactory.prepare(CONFIG.data());
        AtomicBoolean closed = new AtomicBoolean();
        RunOutOfMemoryException e = assertThrows(RunOutOfMemoryException.class,
                () -> new TrainingRun(CONFIG, data, 1, failing("setTrainingData", 1, closed)));
        assertEquals("out of memory while setting up the run: try a smaller n or width", e.getMessage());
        assertTrue(closed.get());
    }
}
