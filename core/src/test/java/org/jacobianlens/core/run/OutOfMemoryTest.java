package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
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
            .withData(new DatasetSpec("digits", new int[] {3, 5}, 60, 30, 0.0, false, true, false, 3))
            .withModel(RunConfig.ModelKind.TWO_LAYER, 64, 1)
            .withStop(50, 0)
            .withAnalysis(10, 60, 0.1);

    private static UnaryOperator<Network> failing(String method, int failAt, AtomicBoolean closed) {
        return SimulatedOutOfMemory.failing(method, failAt, () -> closed.set(true));
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
    void theSystemPropertySimulatesMemoryRunningOutAfterTheGivenStep() throws DatasetException {
        PreparedData data = DataFactory.prepare(CONFIG.data());
        System.setProperty(SimulatedOutOfMemory.PROPERTY, "12");
        try (TrainingRun run = new TrainingRun(CONFIG, data, 1)) {
            Snapshot s = run.advance(50);
            assertEquals(RunState.FAILED, s.state());
            assertEquals("out of memory at step 12: try a smaller n or width", s.message());
        } finally {
            System.clearProperty(SimulatedOutOfMemory.PROPERTY);
        }
        try (TrainingRun run = new TrainingRun(CONFIG, data, 1)) {
            assertEquals(RunState.FINISHED, run.advance(50).state(), "without the property nothing is simulated");
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
