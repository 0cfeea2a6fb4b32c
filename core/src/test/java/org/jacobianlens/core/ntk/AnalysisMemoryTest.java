package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The memory estimates, by hand, and the path and refusal they lead to. */
class AnalysisMemoryTest {
    private static final long GB = 1L << 30;

    @Test
    void gramSizesByHand() {
        assertEquals(800_000_000L, AnalysisMemory.gramBytes(10_000), "n = 10⁴ in double: 800 MB");
        assertEquals(8L * 3000 * 3000, AnalysisMemory.gramBytes(300 * 10), "nK = 3000");
        // ARPACK at N = 10⁴, k = 100: ncv = 201, so 8·10⁴·(201 + 100 + 4) + 8·201·209 bytes.
        assertEquals(8L * 10_000 * 305 + 8L * 201 * 209, AnalysisMemory.eigenBytes(10_000, 100));
        assertEquals(2 * AnalysisMemory.gramBytes(1000), AnalysisMemory.eigenBytes(1000, 100));
    }

    @Test
    void denseWhereItFitsMatrixFreeWhereNotAndAClearLineWhenNothingFits() {
        AnalysisMemory small = AnalysisMemory.twoLayer(10_000, 784, 1024, 1, false, 100, false, 4 * GB, 6 * GB);
        assertEquals(AnalysisMemory.Path.DENSE_GRAM, small.path());
        assertNull(small.refusal());
        AnalysisMemory big = AnalysisMemory.twoLayer(60_000, 784, 1024, 1, false, 100, false, 4 * GB, 6 * GB);
        assertEquals(AnalysisMemory.Path.MATRIX_FREE, big.path(), "28.8 GB Gram does not fit, O(n·p) does");
        assertTrue(big.fits());
        AnalysisMemory none = AnalysisMemory.twoLayer(60_000, 784, 1024, 1, false, 100, false, 100L << 20, 1L << 30);
        assertTrue(none.refusal().startsWith("an analysis of n = 60,000 needs ≈ "), none.refusal());
        assertTrue(none.refusal().contains("lower the analysis size"), none.refusal());
        AnalysisMemory mlp = AnalysisMemory.mlp(1000, 10, true, 100, 1L << 30, 2 * GB);
        assertTrue(mlp.refusal().contains("(kernel order 10,000)"), mlp.refusal());
        assertTrue(AnalysisMemory.mlp(300, 10, true, 100, 4 * GB, 6 * GB).fits());
    }
}
