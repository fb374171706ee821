"""Train the reply-link model on the IRC train split and write skills/threads/link_model.json.

    .venv/bin/python -m bench.train_threads --threshold 0.85    # as shipped: window 50, 16 tanh units

A linear scorer over candidates — "starts a conversation" plus each of the `window` earlier
messages — trained listwise: softmax over a message's candidates, maximising the probability of its
gold parent(s) (L-BFGS, scipy), first linear, then with a small tanh layer on top. The chosen
reply is the best-scoring candidate, so training matches the decision exactly. The nudge threshold is chosen on dev (see bench/RESULTS.md), never on test.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
from scipy.optimize import minimize

from bench.threads import load_split
from skills.threads.links import FEATURES, MODEL_PATH, candidate_features


def groups(files, window: int):
    xs, masks, golds = [], [], []
    for _, messages, gold in files:
        feats, valid = candidate_features(messages, window)
        children = np.array(sorted(gold))
        target = np.zeros((len(children), window + 1), dtype=bool)
        for row, child in enumerate(children):
            for parent in gold[child]:
                d = child - parent
                if 0 <= d <= window:
                    target[row, d] = True
        target &= valid[children]
        keep = target.any(axis=1)  # a parent beyond the window cannot be learnt from
        xs.append(feats[children][keep])
        masks.append(valid[children][keep])
        golds.append(target[keep])
    return np.concatenate(xs), np.concatenate(masks), np.concatenate(golds)


def fit(x: np.ndarray, valid: np.ndarray, gold: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    m, _, f = x.shape
    flat = x.reshape(-1, f)

    def loss(w: np.ndarray):
        z = (flat @ w.astype(np.float32)).reshape(m, -1).astype(np.float64)
        z = np.where(valid, z, -np.inf)
        top = z.max(axis=1, keepdims=True)
        e = np.exp(z - top)
        p_all = e / e.sum(axis=1, keepdims=True)
        eg = np.where(gold, e, 0.0)
        p_gold = eg / eg.sum(axis=1, keepdims=True)
        value = -(np.log(eg.sum(axis=1)) - np.log(e.sum(axis=1))).sum() + 0.5 * l2 * w @ w
        grad_rows = (p_all - p_gold).astype(np.float32).reshape(-1)
        grad = flat.T @ grad_rows + l2 * w
        return value / m, grad.astype(np.float64) / m

    result = minimize(loss, np.zeros(f), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    print(f"L-BFGS: {result.nit} iterations, loss {result.fun:.4f}, {result.message}", file=sys.stderr)
    return result.x, 0.0


def fit_mlp(x, valid, gold, l2: float, hidden: int, linear: np.ndarray, seed: int = 0):
    """score = linear·x + v·tanh(U x + b), trained listwise from the linear solution."""
    m, _, f = x.shape
    flat = x.reshape(-1, f)
    scale = flat.std(axis=0) + 1e-3  # tanh units see standardised inputs
    rng = np.random.default_rng(seed)
    shapes = [(f,), (f, hidden), (hidden,), (hidden,)]
    sizes = [int(np.prod(s)) for s in shapes]

    def unpack(theta):
        parts, k = [], 0
        for shape, size in zip(shapes, sizes):
            parts.append(theta[k:k + size].reshape(shape).astype(np.float32))
            k += size
        return parts

    def loss(theta):
        w, u, b, v = unpack(theta)
        us = u / scale[:, None]
        h = np.tanh(flat @ us + b)
        z = (flat @ w + h @ v).reshape(m, -1).astype(np.float64)
        z = np.where(valid, z, -np.inf)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p_all = e / e.sum(axis=1, keepdims=True)
        eg = np.where(gold, e, 0.0)
        p_gold = eg / eg.sum(axis=1, keepdims=True)
        value = -(np.log(eg.sum(axis=1)) - np.log(e.sum(axis=1))).sum()
        value += 0.5 * l2 * (float(theta[sizes[0]:] @ theta[sizes[0]:]) + float(theta[:f] @ theta[:f]))
        g = (p_all - p_gold).astype(np.float32).reshape(-1)
        gw = flat.T @ g
        gv = h.T @ g
        gh = (g[:, None] * v[None, :]) * (1 - h * h)
        gb = gh.sum(axis=0)
        gu = (flat.T @ gh) / scale[:, None]
        grad = np.concatenate([gw, gu.ravel(), gb, gv]).astype(np.float64) + l2 * theta
        return value / m, grad / m

    theta0 = np.concatenate([linear, rng.normal(0, 0.1, f * hidden), np.zeros(hidden), rng.normal(0, 0.1, hidden)])
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 400})
    print(f"L-BFGS (mlp): {result.nit} iterations, loss {result.fun:.4f}, {result.message}", file=sys.stderr)
    w, u, b, v = unpack(result.x)
    return w, (u / scale[:, None]), b, v


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=int, default=50)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--hidden", type=int, default=16, help="tanh units on top of the linear score (0: linear)")
    parser.add_argument("--threshold", type=float, default=None, help="nudge threshold to store")
    args = parser.parse_args(argv)
    x, valid, gold = groups(load_split("train"), args.window)
    print(f"{len(x)} annotated messages, {args.window + 1} candidates each", file=sys.stderr)
    weights, intercept = fit(x, valid, gold, args.l2)
    extra = {}
    if args.hidden:
        weights, u, b, v = fit_mlp(x, valid, gold, args.l2, args.hidden, weights)
        extra = {"hidden": {"u": np.round(u, 6).tolist(), "b": np.round(b, 6).tolist(), "v": np.round(v, 6).tolist()}}
    old = json.loads(MODEL_PATH.read_text()) if MODEL_PATH.exists() else {}
    threshold = args.threshold if args.threshold is not None else old.get("nudge_threshold", 0.85)
    MODEL_PATH.write_text(json.dumps({
        "about": "reply-link model; trained by `python -m bench.train_threads` on IRC train (Kummerfeld et al. 2019)",
        "window": args.window, "l2": args.l2, "nudge_threshold": threshold,
        "features": list(FEATURES), "weights": [round(float(v), 6) for v in weights],
        "intercept": intercept, **extra,
    }, indent=1) + "\n")
    print(f"wrote {MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
