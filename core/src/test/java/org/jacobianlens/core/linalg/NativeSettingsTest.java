package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NativeSettingsTest {
    @Test
    void missingAddsOnlyWhatIsUnsetAndNeverOverrides() {
        assertEquals(Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "PASSIVE"), NativeSettings.missing(Map.of()));
        assertEquals(Map.of(), NativeSettings.missing(Map.of("OMP_NUM_THREADS", "2", "OMP_WAIT_POLICY", "")),
                "a variable set to anything, even empty, is the user's choice");
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE"), NativeSettings.missing(Map.of("OMP_NUM_THREADS", "1")));
    }

    @Test
    void describesTheLibraryKernelsAndThreads() {
        String line = NativeSettings.describe(Map.of("OMP_NUM_THREADS", "1"));
        assertTrue(line.startsWith("OpenBLAS 0.3.31, kernels auto-detected, OMP_NUM_THREADS=1"), line);
        assertTrue(NativeSettings.describe(Map.of("OPENBLAS_CORETYPE", "Haswell")).contains("kernels Haswell"));
    }
}
