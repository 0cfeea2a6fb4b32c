package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void growthPastAMillionFoldOrNonFiniteLossIsDivergence() {
        Divergence d = new Divergence();
        assertNull(d.check(0, 2.0));
        assertNull(d.check(1, 1.9e6), "950 000 × is still a (bad) run");
        String m = d.check(2, 2.1e6);
        assertTrue(m.startsWith("diverged at step 2: the training loss grew to 1.05e+06 × its initial value"), m);
        assertTrue(new Divergence().check(7, Double.NaN).startsWith("diverged at step 7: the training loss became NaN"));
        assertTrue(new Divergence().check(3, Double.POSITIVE_INFINITY).contains("infinite"));
    }

    @Test
    void aLossThatFallsIsFine() {
        Divergence d = new Divergence();
        assertNull(d.check(0, 1.0));
        for (int s = 1; s < 100; s++) {
            assertNull(d.check(s, 1.0 / s));
        }
    }
}
