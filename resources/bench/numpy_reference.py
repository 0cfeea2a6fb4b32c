#!/usr/bin/env python3
"""Reference timings in numpy for `jacobian-lens bench`, on the same sizes as the Java side.

Prints `name seconds` per case: the best of 5 repetitions after one warm-up (the least disturbed run; the
Java side reports the same statistic).
Usage: numpy_reference.py [--threads N]   (sets OMP/OpenBLAS threads before numpy is imported)
"""
import os
import sys

if "--threads" in sys.argv:
    n = sys.argv[sys.argv.index("--threads") + 1]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = n

import time  # noqa: E402

import numpy as np  # noqa: E402

REPS = 5


def best_time(fn):
    fn()
    times = []
    for _ in range(REPS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def spd(n, rng):
    g = rng.standard_normal((n, n))
    a = g[:, ::4] @ g[:, ::4].T
    return a + n * np.eye(n)


def two_layer_gram(x, w):
    a = (x @ w.T >= 0).astype(np.float64)
    return (x @ x.T) * (a @ a.T) / w.shape[0]


def mlp_gram(x, ws, bs):
    """(1/K) sum_k sum_l (D_k D_k^T) * (H H^T + 1), standard parameterization, ReLU, biases (SCIENCE.md 2.4)."""
    hs, derivs = [x], []
    h = x
    for w, b in zip(ws[:-1], bs[:-1]):
        z = h @ w + b
        derivs.append((z > 0).astype(np.float64))
        h = np.maximum(z, 0)
        hs.append(h)
    grams = [hh @ hh.T + 1.0 for hh in hs]
    k_out = ws[-1].shape[1]
    n = x.shape[0]
    theta = np.zeros((n, n))
    for k in range(k_out):
        theta += grams[-1]
        delta = np.zeros((n, k_out))
        delta[:, k] = 1.0
        for layer in range(len(ws) - 2, -1, -1):
            delta = (delta @ ws[layer + 1].T) * derivs[layer]
            theta += (delta @ delta.T) * grams[layer]
    return theta / k_out


def main():
    rng = np.random.default_rng(7)
    a1000, a2000 = spd(1000, rng), spd(2000, rng)
    print("eigh_1000 %.6f" % best_time(lambda: np.linalg.eigh(a1000)))
    print("eigh_2000 %.6f" % best_time(lambda: np.linalg.eigh(a2000)))
    x = rng.standard_normal((1000, 784))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    w = rng.standard_normal((1000, 784))
    print("twolayer_gram_1000 %.6f" % best_time(lambda: two_layer_gram(x, w)))
    sizes = [784, 512, 512, 10]
    ws = [rng.standard_normal((a, b)) * np.sqrt(2.0 / a) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros(b) for b in sizes[1:]]
    print("mlp_gram_1000 %.6f" % best_time(lambda: mlp_gram(x, ws, bs)))
    y = np.sign(rng.standard_normal((1000, 1)))

    def frame():
        g = two_layer_gram(x, w)
        vals, vecs = np.linalg.eigh(g)
        return (vecs.T @ y) ** 2

    print("analysis_frame_1000 %.6f" % best_time(frame))


if __name__ == "__main__":
    main()
