package org.jacobianlens.core;

import java.util.Random;

/** Test inputs and weights: matrices of independent standard normal entries, reproducible by seed. */
public final class Gaussian {
    private Gaussian() {
    }

    /** An r × c matrix of N(0, 1) entries drawn row by row from {@code new Random(seed)}. */
    public static double[][] matrix(int r, int c, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[r][c];
        for (double[] row : a) {
            for (int j = 0; j < c; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return a;
    }
}
