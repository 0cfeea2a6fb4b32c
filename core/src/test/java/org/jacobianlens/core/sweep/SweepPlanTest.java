package org.jacobianlens.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static RunConfig base(int n, int width, int steps) {
        return RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {3, 5}, n, 50, 0.0, false, true, false, 4))
                .withModel(RunConfig.ModelKind.TWO_LAYER, width, 1)
                .withStop(steps, 0)
                .withAnalysis(10, n, 0.1)
                .withSeed(4)
                .withPrecision(Precision.FLOAT64);
    }

    @Test
    void pointsAreValueMajorAndASeedReplacesDataAndInitSeeds() {
        SweepSpec spec = new SweepSpec(base(30, 16, 20), SweepSpec.Kind.NOISE, new double[] {0, 0.5}, 10, 0.1);
        SweepPlan plan = new SweepPlan(spec, new long[] {4, 9, 11});
        assertEquals(6, plan.size());
        PointSpec p = plan.point(4); // value 1 (0.5), seed 1 (9)
        assertEquals(1, p.valueIndex());
        assertEquals(0.5, p.value());
        assertEquals(9, p.seed());
        assertEquals(9, p.config().seed());
        assertEquals(9, p.config().data().seed());
        assertEquals(0.5, p.config().data().noise());
        assertEquals(spec.config(0), plan.point(0).config(), "the base seed keeps the base run as it is");
        assertThrows(IndexOutOfBoundsException.class, () -> plan.point(6));
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan(spec, new long[] {1, 1}));
    }

    @Test
    void seedsParseAsACountFromTheFirstOrAList() {
        assertArrayEquals(new long[] {7, 8, 9}, SweepPlan.parseSeeds("3", 7));
        assertArrayEquals(new long[] {1, 5, 2}, SweepPlan.parseSeeds(" 1, 5 ,2", 7));
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.parseSeeds("0", 1));
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.parseSeeds("1,x", 1));
    }

    /** Two workers give the points one worker gives, in plan order, each reported once. */
    @Test
    void aPoolOfWorkersGivesTheSequentialNumbers() throws DatasetException {
        SweepSpec spec = new SweepSpec(base(30, 16, 20), SweepSpec.Kind.WIDTH, new double[] {8, 16}, 10, 0.1);
        SweepPlan plan = new SweepPlan(spec, new long[] {4, 5});
        List<SweepPoint> one = Sweep.run(plan, 1, SweepListener.NONE, () -> false);
        List<SweepPoint> seen = Collections.synchronizedList(new ArrayList<>());
        List<SweepPoint> two = Sweep.run(plan, 2, new SweepListener() {
            @Override
            public void point(SweepPoint q) {
                seen.add(q);
            }
        }, () -> false);
        assertEquals(4, one.size());
        assertEquals(one, two);
        assertEquals(4, seen.size());
        assertTrue(seen.containsAll(one));
        assertNotEquals(one.get(0).testError() + "," + one.get(0).trainLoss(),
                one.get(1).testError() + "," + one.get(1).trainLoss(), "another seed is another run");
        for (int i = 0; i < 4; i++) {
            assertEquals(plan.point(i).seed(), one.get(i).seed());
            assertEquals(plan.point(i).value(), one.get(i).value());
        }
    }

    /** A point too large for this JVM is recorded FAILED with the reason, and the sweep writes the other points. */
    @Test
    void anImpossiblePointIsRecordedAndTheOthersRun() throws DatasetException {
        SweepSpec spec = new SweepSpec(base(30, 16, 20), SweepSpec.Kind.WIDTH, new double[] {16, 50_000_000, 8}, 10,
                0.1);
        List<SweepPoint> pts = Sweep.run(SweepPlan.of(spec), 1, SweepListener.NONE, () -> false);
        assertEquals(3, pts.size());
        assertEquals(RunState.FINISHED, pts.get(0).state());
        assertEquals(RunState.FAILED, pts.get(1).state());
        assertTrue(pts.get(1).message().contains("needs"), pts.get(1).message());
        assertEquals(50_000_000, pts.get(1).value());
        assertEquals(RunState.FINISHED, pts.get(2).state());
    }

    /** A point trained alone, on freshly prepared data, gives the numbers it has inside a whole sweep. */
    @Test
    void aPointAloneEqualsThePointInTheSweep() throws DatasetException {
        SweepSpec spec = new SweepSpec(base(30, 16, 20), SweepSpec.Kind.NOISE, new double[] {0, 0.5}, 10, 0.1);
        SweepPlan plan = new SweepPlan(spec, new long[] {2, 3});
        List<SweepPoint> all = Sweep.run(plan, 1, SweepListener.NONE, () -> false);
        PointSpec p = plan.point(3);
        Sweep.Outcome alone = Sweep.train(p, DataFactory.prepare(p.config().data()), SweepListener.NONE, () -> false);
        assertEquals(all.get(3), alone.point());
        assertEquals(alone.point().steps(), alone.snapshot().step());
    }
}
