package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jacobianlens.core.linalg.LabelSpectrum;
import org.junit.jupiter.api.Test;

/** Centering, the constant modes and class-major stacking of one-hot targets, checked by hand. */
class TargetsScaleTest {
    // Four examples, two classes 0, 0, 0, 1 (one-hot as K = 2 columns, as for the full kernel).
    private static final double[][] Y = {{1, 0}, {1, 0}, {1, 0}, {0, 1}};

    @Test
    void constantModesCarryTheClassFrequencyPart() {
        // Column sums 3 and 1: (9 + 1)/4 = 2.5 of ‖Y‖² = 4, i.e. Σ (n_k/n)² = 9/16 + 1/16 of it.
        assertEquals(2.5, Targets.constantModeEnergy(Y), 1e-15);
        assertEquals(1.5, Targets.energyBeyondConstantModes(Y), 1e-15);
        // Centered: ȳ = (3/4, 1/4); rows (1/4, −1/4) three times and (−3/4, 3/4): 3·(1/8) + 9/8 = 1.5.
        double[][] c = Targets.center(Y);
        assertArrayEquals(new double[] {0.25, -0.25}, c[0], 1e-15);
        assertArrayEquals(new double[] {-0.75, 0.75}, c[3], 1e-15);
        double norm = 0;
        for (double[] row : c) {
            for (double v : row) {
                norm += v * v;
            }
        }
        assertEquals(Targets.energyBeyondConstantModes(Y), norm, 1e-15);
        assertEquals(0.0, Targets.constantModeEnergy(c), 1e-15);
        assertEquals(1.0, Y[0][0], 0.0, "input untouched");
    }

    @Test
    void stackingIsClassMajor() {
        double[][] v = Targets.stackClassMajor(Y);
        assertEquals(8, v.length);
        double[] flat = new double[8];
        for (int r = 0; r < 8; r++) {
            flat[r] = v[r][0];
        }
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0, 0, 1}, flat, 0.0);
    }

    @Test
    void shareBeyondTheTopModes() {
        // Energies 2.5 (a constant mode), 1, 0.3, rest 0.2 of total 4: beyond mode 1, the next two hold 1.3 of 1.5.
        LabelSpectrum s = new LabelSpectrum(new double[] {9, 3, 1}, new double[][] {{2.5, 1.0, 0.3}},
                new double[] {0.2}, new double[] {4.0}, LabelSpectrum.Method.LANCZOS, 10, 0.0);
        assertEquals(1.0 / 1.5, s.shareBeyond(0, 1, 2), 1e-15);
        assertEquals(1.3 / 1.5, s.shareBeyond(0, 1, 3), 1e-15);
        assertEquals(0.0, s.shareBeyond(0, 1, 1), 0.0);
        assertEquals(3.8 / 4.0, s.share(0, 3), 1e-15);
    }
}
