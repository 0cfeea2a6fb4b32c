package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticTest {
    private static void assertShape(LabeledData d, int n, int dim, int classes) {
        assertEquals(n, d.size());
        assertEquals(n, d.x().length);
        for (double[] row : d.x()) {
            assertEquals(dim, row.length);
        }
        assertEquals(classes, d.numClasses());
        assertEquals(classes, d.classNames().length);
        int[] counts = new int[classes];
        for (int l : d.labels()) {
            counts[l]++;
        }
        for (int c = 0; c < classes; c++) {
            assertTrue(counts[c] > 0, "class " + c + " missing in " + d.source());
        }
        assertFalse(d.isImage());
    }

    @Test
    void everyGeneratorHasTheRequestedShapeAndIsDeterministic() {
        String[] specs = {"blobs", "blobs:classes=4,dim=8,spread=0.5", "spirals", "circles:factor=0.3", "xor",
            "teacher", "teacher:classes=3,dim=5,hidden=8"};
        int[][] shapes = {{2, 3}, {8, 4}, {2, 2}, {2, 2}, {2, 2}, {10, 2}, {5, 3}};
        for (int s = 0; s < specs.length; s++) {
            LabeledData a = Synthetic.generate(specs[s], 203, 5);
            assertShape(a, 203, shapes[s][0], shapes[s][1]);
            assertEquals(shapes[s][1], Synthetic.numClasses(specs[s]));
            LabeledData b = Synthetic.generate(specs[s], 203, 5);
            assertTrue(Arrays.deepEquals(a.x(), b.x()), specs[s]);
            assertArrayEquals(a.labels(), b.labels(), specs[s]);
            LabeledData c = Synthetic.generate(specs[s], 203, 6);
            assertFalse(Arrays.deepEquals(a.x(), c.x()), specs[s]);
        }
    }

    @Test
    void blobsMeansLieOnTheSphere() {
        LabeledData d = Synthetic.blobs(30, 3, 6, 0, 2.5, 9);
        for (int i = 0; i < 30; i++) {
            assertEquals(2.5, Math.sqrt(Arrays.stream(d.x()[i]).map(v -> v * v).sum()), 1e-12);
            assertEquals(i % 3, d.labels()[i]);
            assertArrayEquals(d.x()[i % 3], d.x()[i], 0);
        }
    }

    @Test
    void geometryOfTwoDimensionalSets() {
        LabeledData xor = Synthetic.xor(400, 0, 1);
        LabeledData circles = Synthetic.circles(400, 0, 0.4, 1);
        LabeledData spirals = Synthetic.spirals(400, 0, 1.5, 1);
        for (int i = 0; i < 400; i++) {
            double[] p = xor.x()[i];
            assertEquals(p[0] * p[1] < 0 ? 1 : 0, xor.labels()[i]);
            double r = Math.hypot(circles.x()[i][0], circles.x()[i][1]);
            assertEquals(circles.labels()[i] == 0 ? 1 : 0.4, r, 1e-12);
            double rs = Math.hypot(spirals.x()[i][0], spirals.x()[i][1]);
            assertTrue(rs >= 0.05 - 1e-12 && rs <= 1 + 1e-12);
        }
    }

    @Test
    void teacherIsAFixedFunctionRoughlyBalanced() {
        LabeledData a = Synthetic.teacher(2000, 2, 10, 16, 1, 3);
        double frac = Arrays.stream(a.labels()).average().orElse(0);
        assertTrue(frac > 0.35 && frac < 0.65, "class-1 fraction " + frac);
        // same inputs (same data seed) and another teacher: different labels on many points
        LabeledData other = Synthetic.teacher(2000, 2, 10, 16, 2, 3);
        assertTrue(Arrays.deepEquals(a.x(), other.x()));
        int differ = 0;
        for (int i = 0; i < 2000; i++) {
            differ += a.labels()[i] != other.labels()[i] ? 1 : 0;
        }
        assertTrue(differ > 200, "teachers differ on " + differ);
        // more data from the same seed keeps the first rows: labels are a function of the inputs only
        LabeledData more = Synthetic.teacher(2500, 2, 10, 16, 1, 3);
        assertArrayEquals(a.labels(), Arrays.copyOf(more.labels(), 2000));
        LabeledData multi = Synthetic.teacher(3000, 4, 6, 16, 1, 3);
        int[] counts = new int[4];
        for (int l : multi.labels()) {
            counts[l]++;
        }
        for (int c : counts) {
            assertTrue(c > 150, Arrays.toString(counts));
        }
    }

    @Test
    void rejectsUnknownKeysAndBadValuesListingValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synthetic.generate("blobs:clases=4", 10, 1));
        assertTrue(e.getMessage().contains("clases") && e.getMessage().contains("classes, dim, spread, radius"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Synthetic.generate("blobs:classes=many", 10, 1));
        assertTrue(e.getMessage().contains("classes") && e.getMessage().contains("'many'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Synthetic.generate("spirals:spread=-1", 10, 1));
        assertTrue(e.getMessage().contains("spread") && e.getMessage().contains("'-1'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Synthetic.generate("xor:classes=3", 10, 1));
        assertTrue(e.getMessage().contains("valid keys for xor: spread"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Synthetic.generate("teacher:hidden", 10, 1));
        assertTrue(e.getMessage().contains("key=value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Synthetic.generate("moons", 10, 1));
        assertTrue(e.getMessage().contains("blobs"), e.getMessage());
        assertTrue(Synthetic.isSynthetic("Teacher:dim=3"));
        assertFalse(Synthetic.isSynthetic("/tmp/blobs.csv"));
    }
}
