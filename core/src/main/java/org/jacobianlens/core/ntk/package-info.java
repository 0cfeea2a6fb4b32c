/**
 * The kernel view of a network at one step: the two-layer NTK Gram and its infinite-width limit
 * H∞ ({@link org.jacobianlens.core.ntk.TwoLayerKernel}), and the spectral analysis of a Gram matrix into an
 * {@link org.jacobianlens.core.ntk.AnalysisFrame}: eigenvalues, label projections (v_iᵀy)², cumulative energies,
 * alignment and the information/nuisance split (SCIENCE.md §3).
 */
package org.jacobianlens.core.ntk;
