package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tick labels of a wide log axis are written as powers of ten, as in a textbook. */
class ReadableLogAxisTest {
    @Test
    void powersOfTenWithSuperscriptExponents() {
        assertEquals("10⁻⁷", ReadableLogAxis.power(1e-7));
        assertEquals("10⁰", ReadableLogAxis.power(1));
        assertEquals("10¹", ReadableLogAxis.power(10));
        assertEquals("10¹²", ReadableLogAxis.power(1e12));
        assertEquals("2×10⁻³", ReadableLogAxis.power(2e-3));
        assertEquals("5×10⁴", ReadableLogAxis.power(5e4));
        assertEquals("2.5×10⁻¹⁰", ReadableLogAxis.power(2.5e-10));
        assertEquals("10⁻²", ReadableLogAxis.power(0.00999999), "rounds up to the next decade");
        assertEquals("10⁻⁵", ReadableLogAxis.power(1e-5 * (1 - 1e-12)), "a decade a rounding error below");
    }
}
