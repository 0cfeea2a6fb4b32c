package org.jacobianlens.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.junit.jupiter.api.Test;

class ValueStatsTest {

    private static SweepPoint point(double value, long seed, double testError, int toThreshold, RunState state) {
        return new SweepPoint(value, seed, 100, 0.5, 0.0, testError, 0.01, 1.5, 0.9, 0.95, 10, 12, 0.8, 0.85,
                toThreshold, 21, 0.3, 0.4, 0.1, 0.2, 0.05, 0.1, 0.02, state, "");
    }

    /** Two seeds by hand: test errors 0.2 and 0.3 → mean 0.25, sample std 0.1/√2 ≈ 0.0707, min 0.2, max 0.3. */
    @Test
    void twoSeedsByHand() {
        SweepSpec spec = new SweepSpec(RunConfig.defaults().withStop(10, 0), SweepSpec.Kind.NOISE,
                new double[] {0, 0.5}, 10, 0.1);
        SweepPlan plan = new SweepPlan(spec, new long[] {1, 2});
        List<ValueStats> rows = ValueStats.of(plan, List.of(point(0, 1, 0.2, 40, RunState.FINISHED),
                point(0, 2, 0.3, -1, RunState.FINISHED), point(0.5, 1, 0.9, 60, RunState.DIVERGED)));
        ValueStats a = rows.get(0);
        assertEquals(0.0, a.value());
        assertEquals(2, a.planned());
        assertEquals(2, a.finished());
        assertEquals(0.25, a.mean(SweepMetric.TEST_ERROR), 1e-15);
        assertEquals(0.07071067811865475, a.std(SweepMetric.TEST_ERROR), 1e-15);
        assertEquals(0.2, a.min(SweepMetric.TEST_ERROR));
        assertEquals(0.3, a.max(SweepMetric.TEST_ERROR));
        assertEquals(0.0, a.std(SweepMetric.STEPS), "equal numbers: no spread");
        assertEquals(40.0, a.mean(SweepMetric.STEPS_TO_THRESHOLD), "a threshold never reached is no number");
        assertTrue(Double.isNaN(a.std(SweepMetric.STEPS_TO_THRESHOLD)), "one number has no sample spread");
        ValueStats b = rows.get(1);
        assertEquals(0, b.finished());
        assertEquals(1, b.diverged());
        assertEquals(1, b.missing());
        assertTrue(Double.isNaN(b.mean(SweepMetric.TEST_ERROR)), "a diverged point is counted, not averaged");
    }
}
