/**
 * Dense double-precision linear algebra on the pinned OpenBLAS: matrix products and Gram matrices
 * ({@link org.jacobianlens.core.linalg.Blas}), the symmetric eigendecomposition every spectrum comes from
 * ({@link org.jacobianlens.core.linalg.SymmetricEigen}), the environment the native libraries must see before they
 * load ({@link org.jacobianlens.core.linalg.NativeSettings}), loading every native library at start
 * ({@link org.jacobianlens.core.linalg.NativeLibraries}) and a start-up check that the chosen kernels give right
 * eigenvalues on this CPU ({@link org.jacobianlens.core.linalg.SelfCheck}).
 */
package org.jacobianlens.core.linalg;
