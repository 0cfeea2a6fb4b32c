package org.jacobianlens.core.linalg;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The environment the native libraries must see <em>before</em> they load: ND4J's OpenMP busy-waits, and on two
 * shared cores a GD step became 10–15× slower as soon as another thread competed, so {@code OMP_NUM_THREADS=1}
 * and {@code OMP_WAIT_POLICY=PASSIVE}. The launcher sets them; the app relaunches its JVM with them when started
 * some other way (plain {@code java -jar}), so nobody has to know them.
 *
 * <p>OpenBLAS's kernels are left to its own CPU detection: the pinned 0.3.31 knows this project's CPUs, and
 * forcing a family ({@code OPENBLAS_CORETYPE}) is how the AVX-512 kernels of the older 0.3.19 produced wrong
 * eigenvectors here. {@link SelfCheck} verifies whatever was picked.
 */
public final class NativeSettings {
    private NativeSettings() {
    }

    /**
     * The variables to add to {@code env} (never overriding one that is set, even to an empty value), in a
     * stable order; empty when nothing is missing.
     */
    public static Map<String, String> missing(Map<String, String> env) {
        Map<String, String> add = new LinkedHashMap<>();
        if (!env.containsKey("OMP_NUM_THREADS")) {
            add.put("OMP_NUM_THREADS", "1");
        }
        if (!env.containsKey("OMP_WAIT_POLICY")) {
            add.put("OMP_WAIT_POLICY", "PASSIVE");
        }
        return add;
    }

    /** One line saying which BLAS, kernels and thread settings this process runs with, for run.json and bench. */
    public static String describe(Map<String, String> env) {
        Blas.init();
        return openblas_nolapack.OPENBLAS_VERSION.trim() + ", kernels "
                + env.getOrDefault("OPENBLAS_CORETYPE", "auto-detected")
                + ", OMP_NUM_THREADS=" + env.getOrDefault("OMP_NUM_THREADS", "unset")
                + ", analysis BLAS threads=" + Blas.analysisThreads();
    }
}
