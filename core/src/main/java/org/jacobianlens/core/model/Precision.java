package org.jacobianlens.core.model;

/**
 * Floating-point precision of the training step. Kernels, eigendecompositions and every theory number are always
 * computed in double precision from the current weights (SCIENCE.md §9.5); only the optimizer's arithmetic changes.
 */
public enum Precision {
    /** Single precision: what people train in, about twice the speed of double on the same CPU. */
    FLOAT32,
    /** Double precision throughout, for those who want training itself free of float rounding. */
    FLOAT64
}
