package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static final double EPS = 1e-12;

    @Test
    void scalesOnly() {
        double[][] train = {{0, 255}, {51, 102}};
        Preprocessing.Result r = Preprocessing.apply(train, new double[][] {{255, 0}}, 255, "pixels/255", false, false);
        assertArrayEquals(new double[] {0, 1}, r.train()[0], EPS);
        assertArrayEquals(new double[] {0.2, 0.4}, r.train()[1], EPS);
        assertArrayEquals(new double[] {1, 0}, r.test()[0], EPS);
        assertEquals("pixels/255", r.description());
        assertEquals(255, train[0][1]); // input untouched
        assertEquals("features as given", Preprocessing.apply(train, new double[0][], 1, null, false, false)
                .description());
    }

    @Test
    void centersTestByTheTrainingMean() {
        double[][] train = {{2, 0}, {4, 2}, {6, 4}}; // mean (4, 2)
        double[][] test = {{10, 10}, {12, 14}}; // its own mean (11, 12) must not be used
        Preprocessing.Result r = Preprocessing.apply(train, test, 2, "pixels/2", true, false);
        // after /2: train mean (2, 1)
        assertArrayEquals(new double[] {-1, -1}, r.train()[0], EPS);
        assertArrayEquals(new double[] {1, 1}, r.train()[2], EPS);
        assertArrayEquals(new double[] {3, 4}, r.test()[0], EPS);
        assertArrayEquals(new double[] {4, 6}, r.test()[1], EPS);
        assertArrayEquals(new double[] {0, 0}, Preprocessing.mean(r.train()), EPS);
        assertEquals("pixels/2; centered by the training mean", r.description());
    }

    @Test
    void unitNormAfterCenteringAndZeroRowsStayZero() {
        double[][] train = {{1, 1, 1}, {3, 5, 1}, {2, 3, 1}}; // mean (2, 3, 1): last row becomes zero
        double[][] test = {{5, 7, 9}};
        Preprocessing.Result r = Preprocessing.apply(train, test, 1, "pixels/1", true, true);
        assertEquals(1, Math.sqrt(dot(r.train()[0], r.train()[0])), EPS);
        assertEquals(1, Math.sqrt(dot(r.train()[1], r.train()[1])), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, r.train()[2], 0);
        double[] expectedTest = {3, 4, 8};
        double norm = Math.sqrt(9 + 16 + 64);
        for (int j = 0; j < 3; j++) {
            expectedTest[j] /= norm;
        }
        assertArrayEquals(expectedTest, r.test()[0], EPS);
        assertEquals(1, r.zeroRows());
        assertEquals("pixels/1; centered by the training mean; rows scaled to unit norm (1 all-zero row left at zero)",
                r.description());
        Preprocessing.Result plain = Preprocessing.apply(new double[][] {{3, 4}}, new double[0][], 255, "pixels/255",
                false, true);
        assertArrayEquals(new double[] {0.6, 0.8}, plain.train()[0], EPS);
        assertEquals("pixels/255; rows scaled to unit norm", plain.description());
    }

    /** x ↦ (x, b) with b the training rows' RMS norm after centering, appended before unit-norm scaling. */
    @Test
    void biasInputAppendsTheTrainingRmsNormBeforeUnitNorm() {
        double[][] train = {{3, 4}, {0, 0}, {6, 8}}; // norms 5, 0, 10: RMS √((25 + 0 + 100)/3)
        double[][] test = {{1, 0}};
        double b = Math.sqrt(125.0 / 3);
        Preprocessing.Result r = Preprocessing.apply(train, test, 1, null, false, true, false);
        assertEquals(b, r.bias(), EPS);
        assertArrayEquals(new double[] {3, 4, b}, r.train()[0], EPS);
        assertArrayEquals(new double[] {0, 0, b}, r.train()[1], EPS);
        assertArrayEquals(new double[] {1, 0, b}, r.test()[0], EPS, "test rows get the training b");
        assertEquals(String.format(java.util.Locale.ROOT, "features as given; constant coordinate b = %.4g appended,"
                + " x ↦ (x, b) (b = the training rows' RMS norm)", b), r.description());

        Preprocessing.Result unit = Preprocessing.apply(train, test, 1, null, false, true, true);
        assertEquals(0, unit.zeroRows(), "the constant keeps the origin off zero");
        for (int i = 0; i < train.length; i++) {
            double[] row = unit.train()[i];
            assertEquals(1, Math.sqrt(dot(row, row)), EPS);
            // The radius survives unit-norm scaling: x = b·x̃/x̃₃ reads the original point back.
            assertEquals(train[i][0], b * row[0] / row[2], 1e-9);
            assertEquals(train[i][1], b * row[1] / row[2], 1e-9);
        }
        assertTrue(unit.description().endsWith("(b = the training rows' RMS norm); rows scaled to unit norm"),
                unit.description());
    }

    @Test
    void biasInputFollowsCenteringAndIsOneForAllZeroRows() {
        double[][] train = {{1, 1}, {3, 3}}; // centered: (−1, −1), (1, 1), RMS norm √2
        Preprocessing.Result r = Preprocessing.apply(train, new double[0][], 1, null, true, true, false);
        assertEquals(Math.sqrt(2), r.bias(), EPS);
        assertArrayEquals(new double[] {-1, -1, Math.sqrt(2)}, r.train()[0], EPS);
        Preprocessing.Result zero = Preprocessing.apply(new double[][] {{2, 2}}, new double[][] {{4, 0}}, 1, null,
                true, true, false);
        assertEquals(1, zero.bias(), 0, "nothing to take a scale from");
        assertArrayEquals(new double[] {2, -2, 1}, zero.test()[0], EPS);
        assertEquals(0, Preprocessing.apply(train, new double[0][], 1, null, false, false).bias(), 0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.apply(new double[][] {{1}}, new double[0][], 0, "x", false, false));
        assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.apply(new double[][] {{1, 2}}, new double[][] {{1}}, 1, null, false, false));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
