package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SelfCheckTest {
    @Test
    void passesWithTheLibraryTheseTestsRunOn() {
        assertNull(SelfCheck.run());
    }

    /** The checker itself must catch a wrong decomposition: a perturbed vector, a wrong value, a scaled vector. */
    @Test
    void catchesWrongEigenpairs() {
        Random r = new Random(3);
        int n = 40;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian() + (i == j ? n : 0);
            }
        }
        Eigen e = SymmetricEigen.decompose(a);
        assertNull(SelfCheck.verify(a, e));

        double[] v = e.vectors().clone();
        v[5 * n + 7] += 1e-6;
        assertNotNull(SelfCheck.verify(a, new Eigen(e.values(), v, n)), "perturbed component");

        double[] values = e.values().clone();
        values[3] *= 1 + 1e-7;
        assertNotNull(SelfCheck.verify(a, new Eigen(values, e.vectors(), n)), "wrong eigenvalue");

        double[] scaled = e.vectors().clone();
        for (int j = 0; j < n; j++) {
            scaled[2 * n + j] *= 2;
        }
        String msg = SelfCheck.verify(a, new Eigen(e.values(), scaled, n));
        assertNotNull(msg, "non-unit vector");
        assertTrue(msg.contains("dsyevd"), msg);
    }
}
