package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PulseStatsTest {
    @Test
    void nearestRankQuantilesOverTheLastSamples() {
        PulseStats p = new PulseStats(100);
        assertTrue(Double.isNaN(p.quantile(0.5)));
        for (int i = 1; i <= 100; i++) {
            p.add(i);
        }
        assertEquals(50, p.quantile(0.5));
        assertEquals(99, p.quantile(0.99));
        assertEquals(100, p.max());
        p.add(1000); // replaces the oldest sample (1)
        assertEquals(1000, p.max());
        assertEquals(100, p.count());
        assertEquals(51, p.quantile(0.5));
    }
}
