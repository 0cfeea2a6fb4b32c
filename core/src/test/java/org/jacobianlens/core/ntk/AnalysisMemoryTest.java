package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sizes of a frame's arrays, by hand (the paths and refusals they lead to: MemoryEstimateTest). */
class AnalysisMemoryTest {

    @Test
    void gramSizesByHand() {
        assertEquals(800_000_000L, AnalysisMemory.gramBytes(10_000), "n = 10⁴ in double: 800 MB");
        assertEquals(8L * 3000 * 3000, AnalysisMemory.gramBytes(300 * 10), "nK = 3000");
        // ARPACK at N = 10⁴, k = 100: ncv = 201, so 8·10⁴·(201 + 100 + 4) + 8·201·209 bytes.
        assertEquals(8L * 10_000 * 305 + 8L * 201 * 209, AnalysisMemory.eigenBytes(10_000, 100));
        assertEquals(2 * AnalysisMemory.gramBytes(1000), AnalysisMemory.eigenBytes(1000, 100));
    }
}
