"""Train the reply-link model on the IRC train split and write skills/threads/link_model.json.

    .venv/bin/python -m bench.train_threads [--window 50] [--C 1.0]

Logistic regression (scikit-learn) over candidate rows — "starts a conversation" plus each of the
`window` earlier messages — labelled by the gold links; the chosen reply is the best-scoring row.
The nudge threshold is chosen on dev (`--threshold`, see bench/RESULTS.md), never on test.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

from bench.threads import load_split
from skills.threads.links import FEATURES, MODEL_PATH, candidate_features


def rows(files, window: int):
    xs, ys = [], []
    for _, messages, gold in files:
        feats, valid = candidate_features(messages, window)
        for child, parents in gold.items():
            keep = np.flatnonzero(valid[child])
            xs.append(feats[child, keep])
            ys.append(np.array([(child - d) in parents for d in keep], dtype=np.int8))
    return np.concatenate(xs), np.concatenate(ys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=int, default=50)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=None, help="nudge threshold to store")
    args = parser.parse_args(argv)
    x, y = rows(load_split("train"), args.window)
    print(f"{len(y)} candidate rows, {int(y.sum())} positive", file=sys.stderr)
    clf = LogisticRegression(C=args.C, max_iter=2000)
    clf.fit(x, y)
    old = json.loads(MODEL_PATH.read_text()) if MODEL_PATH.exists() else {}
    threshold = args.threshold if args.threshold is not None else old.get("nudge_threshold", 0.8)
    MODEL_PATH.write_text(json.dumps({
        "about": "reply-link model; trained by `python -m bench.train_threads` on IRC train (Kummerfeld et al. 2019)",
        "window": args.window, "C": args.C, "nudge_threshold": threshold,
        "features": list(FEATURES), "weights": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
    }, indent=1) + "\n")
    print(f"wrote {MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
