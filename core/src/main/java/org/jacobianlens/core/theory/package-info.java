/**
 * The papers' predictions, computed from the data and the weights, never from the curves they
 * predict: Arora et al.'s H∞ training curve and complexity ({@link org.jacobianlens.core.theory.AroraTheory}), the
 * linearized twin trained in closed form from Θ₀ ({@link org.jacobianlens.core.theory.LinearizedTwin}), and
 * per-layer norms, ranks and generalization-bound proxies ({@link org.jacobianlens.core.theory.WeightAnalysis}).
 */
package org.jacobianlens.core.theory;
