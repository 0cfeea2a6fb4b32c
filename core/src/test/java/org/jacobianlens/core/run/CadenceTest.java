package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CadenceTest {

    @Test
    void fixedCadenceOnlyAtMultiples() {
        Cadence c = new Cadence(25, 0);
        c.ran(0, 1_000);
        assertTrue(c.due(50, 10_000_000));
        assertFalse(c.due(51, Long.MAX_VALUE / 2), "no share: never between multiples");
    }

    /** A frame that cost c is next due after c·(1 − s)/s of busy time: with s = 0.3 and c = 30, after 70. */
    @Test
    void aShareWaitsForItsBudget() {
        Cadence c = new Cadence(0, 0.3);
        assertFalse(c.due(1, 0), "nothing measured yet, nothing budgeted");
        c.ran(100, 130);
        assertFalse(c.due(2, 199));
        assertTrue(c.due(3, 200));
        c.ran(200, 290); // a slower frame (90) waits 210
        assertFalse(c.due(4, 499));
        assertTrue(c.due(5, 500));
    }
}
