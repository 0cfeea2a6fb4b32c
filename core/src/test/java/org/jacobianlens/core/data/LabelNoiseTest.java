package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LabelNoiseTest {
    private static int[] cyclic(int n, int k) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
        }
        return y;
    }

    @Test
    void corruptsExactlyRoundedCount() {
        int[] y = cyclic(101, 3);
        for (double p : new double[] {0, 0.01, 0.1, 0.255, 0.5, 0.77, 1}) {
            LabelNoise.Result r = LabelNoise.apply(y, 3, p, 42);
            assertEquals(Math.round(p * 101), r.corruptedCount(), "p = " + p);
            for (int i = 0; i < y.length; i++) {
                if (!r.corrupted()[i]) {
                    assertEquals(y[i], r.labels()[i]);
                }
            }
        }
        assertEquals(3, LabelNoise.count(5, 0.5)); // round(2.5) = 3
        assertEquals(0, LabelNoise.count(5, 0.09));
    }

    @Test
    void deterministicBySeedAndInputUntouched() {
        int[] y = cyclic(500, 10);
        int[] copy = y.clone();
        LabelNoise.Result a = LabelNoise.apply(y, 10, 0.4, 7);
        LabelNoise.Result b = LabelNoise.apply(y, 10, 0.4, 7);
        LabelNoise.Result c = LabelNoise.apply(y, 10, 0.4, 8);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.corrupted(), b.corrupted());
        assertFalse(Arrays.equals(a.corrupted(), c.corrupted()));
        assertArrayEquals(copy, y);
    }

    @Test
    void levelsAreNested() {
        int[] y = cyclic(300, 4);
        double[] levels = {0, 0.1, 0.2, 0.45, 0.6, 0.9, 1};
        for (int a = 0; a < levels.length; a++) {
            for (int b = a + 1; b < levels.length; b++) {
                LabelNoise.Result lo = LabelNoise.apply(y, 4, levels[a], 3);
                LabelNoise.Result hi = LabelNoise.apply(y, 4, levels[b], 3);
                for (int i = 0; i < y.length; i++) {
                    if (lo.corrupted()[i]) {
                        assertTrue(hi.corrupted()[i]);
                        assertEquals(lo.labels()[i], hi.labels()[i]);
                    }
                }
            }
        }
    }

    @Test
    void zeroLevelChangesNothing() {
        int[] y = cyclic(50, 2);
        LabelNoise.Result r = LabelNoise.apply(y, 2, 0, 1);
        assertArrayEquals(y, r.labels());
        assertEquals(0, r.corruptedCount());
    }

    @Test
    void fullNoiseIsUniformAndIndependentOfTrueLabels() {
        int n = 20_000;
        int k = 4;
        int[] y = new int[n]; // all true labels are class 0
        LabelNoise.Result r = LabelNoise.apply(y, k, 1, 11);
        assertEquals(n, r.corruptedCount());
        int[] counts = new int[k];
        for (int l : r.labels()) {
            counts[l]++;
        }
        for (int c = 0; c < k; c++) {
            assertEquals(0.25, counts[c] / (double) n, 0.02, "class " + c);
        }
        // about (K-1)/K of the labels actually change
        assertEquals(0.75, (n - counts[0]) / (double) n, 0.02);
        // with different true labels the same random classes are used: labels independent of inputs
        LabelNoise.Result other = LabelNoise.apply(cyclic(n, k), k, 1, 11);
        assertArrayEquals(r.labels(), other.labels());
    }

    @Test
    void flipModeChangesExactlyTheCountToOtherClassesAndNests() {
        int[] y = cyclic(200, 3);
        LabelNoise.Result lo = LabelNoise.flip(y, 3, 0.25, 9);
        LabelNoise.Result hi = LabelNoise.flip(y, 3, 0.7, 9);
        assertEquals(50, lo.corruptedCount());
        assertEquals(140, hi.corruptedCount());
        int changed = 0;
        for (int i = 0; i < y.length; i++) {
            assertEquals(lo.corrupted()[i], lo.labels()[i] != y[i]);
            changed += lo.labels()[i] != y[i] ? 1 : 0;
            if (lo.corrupted()[i]) {
                assertTrue(hi.corrupted()[i]);
                assertEquals(lo.labels()[i], hi.labels()[i]);
            }
        }
        assertEquals(50, changed);
        assertArrayEquals(LabelNoise.apply(y, 3, 0.25, 9).corrupted(), lo.corrupted());
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.flip(new int[2], 1, 0.5, 0));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(new int[3], 2, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(new int[3], 2, -0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(new int[] {0, 2}, 2, 0.5, 0));
    }
}
