package org.jacobianlens.core.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jacobianlens.core.model.Network;

/**
 * Running out of memory on purpose, to test what the program does then, end to end: the window's notification and
 * the run's FAILED state are what a user sees when ND4J's memory cap is reached, and no test should need a machine
 * without memory to show it. With the system property {@value #PROPERTY} = k, every run's network throws
 * {@link OutOfMemoryError} (as ND4J does at its cap) on its training step after step k; without it nothing changes.
 */
final class SimulatedOutOfMemory {
    /** The system property naming the step after which memory "runs out". */
    static final String PROPERTY = "jacobianlens.simulateOutOfMemoryAtStep";

    private SimulatedOutOfMemory() {
    }

    /** The identity, or the failing wrapper when {@value #PROPERTY} is set. */
    static UnaryOperator<Network> fromSystemProperty() {
        Integer step = Integer.getInteger(PROPERTY);
        return step == null ? UnaryOperator.identity() : failing("trainStep", step + 1, () -> { });
    }

    /**
     * Wraps a network so that {@code method} throws OutOfMemoryError from its {@code failAt}-th call on, and runs
     * {@code onClose} when the network is closed.
     */
    static UnaryOperator<Network> failing(String method, int failAt, Runnable onClose) {
        AtomicInteger calls = new AtomicInteger();
        return real -> (Network) Proxy.newProxyInstance(Network.class.getClassLoader(), new Class<?>[] {Network.class},
                (proxy, m, args) -> {
                    if (m.getName().equals(method) && calls.incrementAndGet() >= failAt) {
                        throw new OutOfMemoryError("Physical memory usage is too high (simulated)");
                    }
                    if (m.getName().equals("close")) {
                        onClose.run();
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
