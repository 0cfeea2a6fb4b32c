package org.jacobianlens.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;

/** Real small runs for the session and export tests, and a field-by-field deep comparison of records. */
public final class SessionFixtures {
    private static Snapshot noisy;
    private static Snapshot clean;

    private SessionFixtures() {
    }

    /** Blobs, n = 40, 50 % label noise, two-layer m = 64, 30 steps, analysis every 10 steps. */
    public static RunConfig noisyConfig() {
        return RunConfig.defaults().withData(new DatasetSpec("blobs", null, 40, 20, 0.5, false, true, false, 1))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 64, 2).withStop(30, 0).withAnalysis(10, 500, 0.1);
    }

    /** The same without label noise (its corrupted-example curves are NaN). */
    public static RunConfig cleanConfig() {
        RunConfig c = noisyConfig();
        return c.withData(c.data().withNoise(0.0));
    }

    public static synchronized Snapshot noisySnapshot() {
        if (noisy == null) {
            noisy = train(noisyConfig(), 1L);
        }
        return noisy;
    }

    public static synchronized Snapshot cleanSnapshot() {
        if (clean == null) {
            clean = train(cleanConfig(), 2L);
        }
        return clean;
    }

    private static Snapshot train(RunConfig config, long id) {
        try (TrainingRun run = new TrainingRun(config, id)) {
            run.advance(30);
            return run.snapshot();
        } catch (DatasetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compare session of the two real runs. */
    public static Session compareSession() {
        return Session.of(Session.COMPARE, "noise", "zhang-2017", Map.of("cutoff", "0.1", "logSteps", "true"),
                List.of(new SessionLane("50 % random labels", noisyConfig(), noisySnapshot()),
                        new SessionLane("clean labels, \"quoted\"", cleanConfig(), cleanSnapshot())));
    }

    /** {@code s} with its curves' train loss replaced by {@code values} (all curve columns resized to match). */
    public static Snapshot withTrainLoss(Snapshot s, double[] values) {
        int n = values.length;
        int[] steps = new int[n];
        double[] zeros = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
        }
        Curves c = new Curves(steps, values.clone(), zeros, zeros, zeros, zeros, zeros, zeros, zeros);
        return new Snapshot(Long.MAX_VALUE - 3, s.step(), s.state(), s.message(), c, s.frames(), s.theory(), s.info());
    }

    /**
     * Asserts that {@code a} and {@code b} are equal field by field: records component by component, arrays element
     * by element (doubles by their raw bits, except that any NaN equals any NaN: JSON has one NaN), lists, maps.
     */
    public static void assertDeepEquals(String path, Object a, Object b) {
        if (a == null || b == null) {
            if (a != null || b != null) {
                fail(path + ": one side is null (" + a + " vs " + b + ")");
            }
            return;
        }
        assertEquals(a.getClass(), b.getClass(), path + ": class");
        if (a instanceof double[] x) {
            double[] y = (double[]) b;
            assertEquals(x.length, y.length, path + ": length");
            for (int i = 0; i < x.length; i++) {
                if (!sameBits(x[i], y[i])) {
                    fail(path + "[" + i + "]: " + x[i] + " vs " + y[i]);
                }
            }
        } else if (a.getClass().isArray()) {
            assertEquals(Array.getLength(a), Array.getLength(b), path + ": length");
            for (int i = 0; i < Array.getLength(a); i++) {
                assertDeepEquals(path + "[" + i + "]", Array.get(a, i), Array.get(b, i));
            }
        } else if (a.getClass().isRecord()) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                try {
                    assertDeepEquals(path + "." + rc.getName(), rc.getAccessor().invoke(a), rc.getAccessor().invoke(b));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            assertEquals(x.size(), y.size(), path + ": size");
            for (int i = 0; i < x.size(); i++) {
                assertDeepEquals(path + "[" + i + "]", x.get(i), y.get(i));
            }
        } else if (a instanceof Map<?, ?> x) {
            Map<?, ?> y = (Map<?, ?>) b;
            assertEquals(List.copyOf(x.keySet()), List.copyOf(y.keySet()), path + ": keys in order");
            Iterator<?> ky = y.keySet().iterator();
            for (Object k : x.keySet()) {
                assertDeepEquals(path + "." + k, x.get(k), y.get(ky.next()));
            }
        } else if (a instanceof Double x) {
            if (!sameBits(x, (Double) b)) {
                fail(path + ": " + x + " vs " + b);
            }
        } else if (a instanceof String || a instanceof Number || a instanceof Boolean || a instanceof Enum<?>) {
            assertEquals(a, b, path);
        } else {
            fail(path + ": no comparison for " + a.getClass());
        }
    }

    /** Equal raw bits, or both NaN (text formats have a single NaN). */
    public static boolean sameBits(double x, double y) {
        return Double.isNaN(x) ? Double.isNaN(y) : Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
    }

    /** Fails unless {@code s} holds the expected number of recorded frames etc. (sanity of the fixture itself). */
    public static void assertRealRun(Snapshot s) {
        assertNotNull(s.theory());
        assertEquals(30, s.step());
        assertEquals(4, s.frames().size(), "frames at 0, 10, 20, 30");
    }
}
