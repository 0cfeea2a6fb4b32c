#!/usr/bin/env python3
"""Reference timings in numpy for `jacobian-lens bench`, on the same sizes as the Java side.

Prints `name seconds` per case: the best of 3 repetitions after one warm-up (the least disturbed run; the
Java side reports the same statistic).
Usage: numpy_reference.py [--threads N] [--train-only] [--serve]
  --threads sets OMP/OpenBLAS threads before numpy (and torch) are imported, and torch's own thread count;
  --train-only serves just the train_step_* rows (the app trains on one BLAS thread, so the caller starts a
  separate server with --threads 1 for them); --serve times one case per line read from stdin.
"""
import os
import sys

if "--threads" in sys.argv:
    n = sys.argv[sys.argv.index("--threads") + 1]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = n

import time  # noqa: E402

import numpy as np  # noqa: E402

REPS = 3


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
    """(1/K) sum_k sum_l (D_k D_k^T) * (H H^T + 1), standard parameterization, ReLU, biases (SCIENCE.md 2.4).

    Same algorithm as the Java side: the top hidden layer in one product (sum_k D_k D_k^T = (phi' sqrt(s))(...)^T
    with s_r = sum_k W_rk^2), lower layers one output at a time (faster in numpy than stacking the outputs).
    """
    hs, derivs = [x], []
    h = x
    for w, b in zip(ws[:-1], bs[:-1]):
        z = h @ w + b
        derivs.append((z > 0).astype(np.float64))
        h = np.maximum(z, 0)
        hs.append(h)
    grams = [hh @ hh.T + 1.0 for hh in hs]
    k_out = ws[-1].shape[1]
    theta = k_out * grams[-1]
    top = derivs[-1] * np.sqrt((ws[-1] ** 2).sum(axis=1))
    theta += (top @ top.T) * grams[-2]
    for k in range(k_out):
        delta = derivs[-1] * ws[-1][:, k]
        for layer in range(len(ws) - 3, -1, -1):
            delta = (delta @ ws[layer + 1].T) * derivs[layer]
            theta += (delta @ delta.T) * grams[layer]
    return theta / k_out


def h_infinity(x):
    """H-infinity of unit-norm rows (SCIENCE.md 3.1), cosines clamped as on the Java side."""
    g = x @ x.T
    norm = np.sqrt(np.maximum(np.diag(g), 0))
    c = np.clip(g / np.outer(norm, norm), -1.0, 1.0)
    return g * (np.pi - np.arccos(c)) / (2 * np.pi)


def topk_cases():
    """topk_100_of_N on the exact inputs the Java side wrote (absent files or no scipy: no such cases)."""
    import tempfile
    table = {}
    folder = os.path.join(tempfile.gettempdir(), "jacobian-lens-bench")
    try:
        from scipy.sparse.linalg import eigsh
    except ImportError:
        return table
    for n in (5000, 10000):
        xf = os.path.join(folder, "topk_%d_x.f64" % n)
        yf = os.path.join(folder, "topk_%d_y.f64" % n)
        if not (os.path.exists(xf) and os.path.exists(yf)):
            continue
        x = np.fromfile(xf, dtype="<f8").reshape(n, -1)
        y = np.fromfile(yf, dtype="<f8").reshape(n, -1)
        h = h_infinity(x)
        v0 = np.random.default_rng(1).uniform(-0.5, 0.5, n)

        def topk(h=h, y=y, v0=v0):
            # Same k and tolerance as ours (ARPACK's relative tol 1e-10), energies and the rest as ours.
            vals, vecs = eigsh(h, k=100, which="LA", tol=1e-10, v0=v0)
            p = vecs.T @ y
            rest = np.sum((y - vecs @ p) ** 2)
            return vals, (p ** 2).sum(axis=1), rest

        def dense(h=h, y=y):
            vals, vecs = np.linalg.eigh(h)
            return vals, ((vecs.T @ y) ** 2).sum(axis=1)

        table["topk_100_of_%d" % n] = topk
        if n <= 5000:
            table["topk_100_of_%d_vs_eigh" % n] = dense
        wf = os.path.join(folder, "topk_%d_w.f64" % n)
        if n > 5000 and os.path.exists(wf):
            w = np.fromfile(wf, dtype="<f8").reshape(-1, x.shape[1])

            def frame(x=x, w=w, y=y, v0=v0):
                # The same work as ours: the finite-width Gram, top 100 at tol 1e-10, energies and rests of three
                # label matrices, plain and centered alignment.
                g = two_layer_gram(x, w)
                vals, vecs = eigsh(g, k=100, which="LA", tol=1e-10, v0=v0)
                out = []
                for lab in (y, y, y):
                    p = vecs.T @ lab
                    out.append(((p ** 2).sum(axis=1), np.sum((lab - vecs @ p) ** 2)))
                yy = y @ y.T
                plain = np.sum(g * yy) / (np.linalg.norm(g) * np.linalg.norm(yy))
                yc = y - y.mean(axis=0)
                gc = g - g.mean(axis=0) - g.mean(axis=1)[:, None] + g.mean()
                ycc = yc @ yc.T
                centered = np.sum(gc * ycc) / (np.linalg.norm(gc) * np.linalg.norm(ycc))
                return vals, out, plain, centered

            table["analysis_frame_%d" % n] = frame
    return table


def train_cases(threads):
    """train_step_*: one full-batch float32 gradient step, in torch when importable (autograd and torch.optim.SGD,
    what a user would write), else in numpy float32 by hand. Returns (table, label of the library used)."""
    rng = np.random.default_rng(11)
    x300 = rng.standard_normal((300, 784)).astype(np.float32)
    x300 /= np.linalg.norm(x300, axis=1, keepdims=True)
    y300 = np.sign(rng.standard_normal((300, 1))).astype(np.float32)
    x1000 = rng.standard_normal((1000, 784)).astype(np.float32)
    x1000 /= np.linalg.norm(x1000, axis=1, keepdims=True)
    y1000 = np.sign(rng.standard_normal((1000, 10))).astype(np.float32)
    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None:
        torch.set_num_threads(int(threads))
        xt, yt = torch.from_numpy(x300), torch.from_numpy(y300)
        w = torch.randn(1024, 784, requires_grad=True)
        a = torch.sign(torch.randn(1024, 1)) / np.sqrt(1024)
        opt2 = torch.optim.SGD([w], lr=1e-3)

        def two_layer():
            # Arora et al.'s net: f = a^T relu(W x) / sqrt(m), only W trained, loss 1/2 sum (f - y)^2.
            opt2.zero_grad()
            loss = 0.5 * ((torch.relu(xt @ w.T) @ a - yt) ** 2).sum()
            loss.backward()
            opt2.step()
            return loss.item()

        mlp = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 512),
                                  torch.nn.ReLU(), torch.nn.Linear(512, 10))
        optm = torch.optim.SGD(mlp.parameters(), lr=1e-3)
        xm, ym = torch.from_numpy(x1000), torch.from_numpy(y1000)

        def mlp_step():
            optm.zero_grad()
            loss = torch.nn.functional.mse_loss(mlp(xm), ym)
            loss.backward()
            optm.step()
            return loss.item()

        label = "torch %s float32, %s thread(s)" % (torch.__version__, threads)
    else:
        w = rng.standard_normal((1024, 784)).astype(np.float32)
        a = (np.sign(rng.standard_normal((1024, 1))) / np.sqrt(1024)).astype(np.float32)
        ws = [(rng.standard_normal((p, q)) * np.sqrt(2.0 / p)).astype(np.float32)
              for p, q in ((784, 512), (512, 512), (512, 10))]

        def two_layer():
            z = x300 @ w.T
            r = np.maximum(z, 0) @ a - y300
            w[...] -= np.float32(1e-3) * (((r @ a.T) * (z > 0)).T @ x300)
            return float(r[0, 0])

        def mlp_step():
            hs, zs = [x1000], []
            for wl in ws[:-1]:
                zs.append(hs[-1] @ wl)
                hs.append(np.maximum(zs[-1], 0))
            delta = (hs[-1] @ ws[-1] - y1000) * np.float32(2.0 / y1000.size)
            for layer in range(len(ws) - 1, -1, -1):
                grad = hs[layer].T @ delta
                if layer > 0:
                    delta = (delta @ ws[layer].T) * (zs[layer - 1] > 0)
                ws[layer] -= np.float32(1e-3) * grad
            return float(delta[0, 0])

        label = "numpy %s float32 (no torch), BLAS threads as the other rows" % np.__version__
    return {"train_step_twolayer_300": two_layer, "train_step_mlp_1000": mlp_step}, label


def describe():
    """One line: numpy's version and the BLAS it runs on (library, version, kernel family), when it can tell."""
    blas = "BLAS unknown"
    try:
        from threadpoolctl import threadpool_info
        infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
        if infos:
            i = infos[0]
            blas = "%s %s (%s kernels)" % (i.get("internal_api"), i.get("version"), i.get("architecture"))
    except ImportError:
        try:
            b = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
            blas = "%s %s" % (b.get("name"), b.get("version"))
        except Exception:  # noqa: BLE001 - older numpy: no dict mode
            pass
    return "numpy %s, %s" % (np.__version__, blas)


def cases():
    """The timed analysis cases by name, on the same sizes as the Java side (and no library labels: all numpy)."""
    rng = np.random.default_rng(7)
    a1000, a2000 = spd(1000, rng), spd(2000, rng)
    x = rng.standard_normal((1000, 784))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    w = rng.standard_normal((1000, 784))
    sizes = [784, 512, 512, 10]
    ws = [rng.standard_normal((a, b)) * np.sqrt(2.0 / a) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros(b) for b in sizes[1:]]
    y = np.sign(rng.standard_normal((1000, 1)))

    def frame():
        g = two_layer_gram(x, w)
        vals, vecs = np.linalg.eigh(g)
        return (vecs.T @ y) ** 2

    table = {
        "eigh_1000": lambda: np.linalg.eigh(a1000),
        "eigh_2000": lambda: np.linalg.eigh(a2000),
        "twolayer_gram_1000": lambda: two_layer_gram(x, w),
        "mlp_gram_1000": lambda: mlp_gram(x, ws, bs),
        "analysis_frame_1000": frame,
        **topk_cases(),
    }
    return table, {}


def main():
    print(describe(), flush=True)
    threads = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "1"
    if "--train-only" in sys.argv:
        table, label = train_cases(threads)
        labels = {name: label for name in table}
    else:
        table, labels = cases()
    if "--serve" in sys.argv:
        # One case per line on stdin, one "name seconds" line back: the caller interleaves these with its own
        # timings, so both sides see the same machine state (this VM's speed drifts by 30 % within a minute).
        print("ready", flush=True)
        for line in sys.stdin:
            name = line.strip()
            if name in table:
                print(("%s %.6f " % (name, best_time(table[name])) + labels.get(name, "")).strip(), flush=True)
            elif name:
                print("unknown case %s" % name, flush=True)
        return
    for name, fn in table.items():
        print(("%s %.6f " % (name, best_time(fn)) + labels.get(name, "")).strip(), flush=True)


if __name__ == "__main__":
    main()
