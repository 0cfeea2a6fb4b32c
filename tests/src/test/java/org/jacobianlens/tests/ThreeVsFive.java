package org.jacobianlens.tests;

import java.util.List;

/**
 * The end-to-end tests' small real task as command-line options: UCI digits 3 against 5 (±1 targets), unit norm,
 * not centered (the commands' defaults). The one place in this module that spells it.
 */
final class ThreeVsFive {
    private ThreeVsFive() {
    }

    /** {@code --dataset digits --classes 3,5} with {@code n} training and {@code nTest} test examples. */
    static List<String> options(int n, int nTest) {
        return List.of("--dataset", "digits", "--classes", "3,5", "--n", Integer.toString(n), "--test",
                Integer.toString(nTest));
    }
}
