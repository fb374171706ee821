"""Train the "answered?" model of open questions on the gold set's dev threads; write skills/summarize/answered_model.json.

    .venv/bin/python -m bench.train_open_questions            # cross-validate, report, write the model
    .venv/bin/python -m bench.train_open_questions --dry-run  # report only
    .venv/bin/python -m bench.train_open_questions --features "all but the rules' verdict" --out FILE  # one feature set
    .venv/bin/python -m bench.train_open_questions --gold DIR --evaluate FILE  # score a trained model vs the rules on DIR

Each question the summarizer might list (`ThreadReader.question_candidates`) is one example: its facts are
`ThreadReader.answer_facts` (`skills/summarize/answered.py` lists them), its label whether the gold lists it as
open (Dice ≥ 0.3 with a gold open question, the benchmark's matching rule). A logistic regression (L2, L-BFGS,
scipy) is fitted; threads are split into folds (by thread, never a thread in two folds) and each fold is
predicted by a model trained on the others, so the out-of-fold open-question F1 — computed as
`bench.summarize_gold` does — is what the model does on threads it never saw. The rules alone are scored on
the same folds (they were written looking at these threads, so their figure flatters them). Feature sets and
the L2 strength are chosen on out-of-fold F1; the threshold on P(open) is chosen inside each training fold.
Never reads the test split.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from bench.summarize_gold import _WORD, GOLD_DIR, Prediction, load_all, score, similarity
from skills.summarize import detect
from skills.summarize.answered import FEATURES, MODEL_PATH
from skills.summarize.extractive import summarize

FOLDS = 5
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.05))
L2S = (0.1, 0.3, 1.0, 3.0)


@contextmanager
def recording():
    """Collect, per summarized thread, (candidate sentence, facts) for every question the summarizer might list,
    plus the parked opening question it would add."""
    rows: list = []
    original = detect.ThreadReader.open_questions

    def record(self, decisions, parked=False):
        opening = self._opening_question() if parked else None
        rows.append(([(s, self.answer_facts(s, decisions, opening=opening)) for s in self.question_candidates()],
                     opening))
        return []  # the listing itself is `predict`'s, below

    detect.ThreadReader.open_questions = record
    try:
        yield rows
    finally:
        detect.ThreadReader.open_questions = original


def examples(threads):
    """Per thread: (candidates [(sentence, facts)], parked opening question or None, labels)."""
    out = []
    with recording() as rows:
        for t in threads:
            rows.clear()
            summarize(t.utterances, with_tldr=False)
            candidates, opening = rows[0] if rows else ([], None)
            names = frozenset(w for u in t.utterances for w in _WORD.findall(u.speaker.lower()))
            labels = [any(similarity(s.text, g, names) >= 0.3 for g in t.open_questions) for s, _ in candidates]
            out.append((candidates, opening, labels))
    return out


def matrix(data, features):
    x = np.array([[facts[f] for f in features] for candidates, _, _ in data for _, facts in candidates], dtype=float)
    y = np.array([label for _, _, labels in data for label in labels], dtype=float)
    return x.reshape(len(y), len(features)), y


def fit(x, y, l2):
    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * w @ w
        g = p - y
        return value, np.append(x.T @ g + l2 * w, g.sum())

    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B")
    return result.x[:-1], result.x[-1]


def predict(data, is_open):
    """The engine's listing: open candidates, one line per message, plus the parked opening question."""
    predictions = []
    for k, (candidates, opening, _) in enumerate(data):
        found: list[tuple[int, str]] = []
        for j, (s, _) in enumerate(candidates):
            if not is_open(k, j):
                continue
            if found and found[-1][0] == s.index:
                found[-1] = (s.index, f"{found[-1][1]} {s.text.strip()}")
            else:
                found.append((s.index, s.text.strip()))
        if opening is not None and all(i != opening.index for i, _ in found):
            found.insert(0, (opening.index, opening.text.strip()))
        predictions.append(Prediction(open_questions=[text for _, text in dict.fromkeys(found)]))
    return predictions


def f1(threads, predictions):
    return 100 * score(threads, predictions)["open_questions"].f1


def fold_of(name: str) -> int:
    return zlib.crc32(name.encode()) % FOLDS


def probabilities(data, features, w, b):
    return [[1 / (1 + np.exp(-(np.array([facts[f] for f in features]) @ w + b))) for _, facts in c] for c, _, _ in data]


def best_threshold(threads, data, probs):
    return max(THRESHOLDS, key=lambda t: (f1(threads, predict(data, lambda k, j: probs[k][j] >= t)), -abs(t - 0.5)))


def cross_validate(threads, data, features, l2):
    """Out-of-fold P(open) per candidate, and the threshold chosen inside each training fold."""
    oof = [[0.0] * len(c) for c, _, _ in data]
    chosen = {}
    for fold in range(FOLDS):
        train = [k for k, t in enumerate(threads) if fold_of(t.name) != fold]
        test = [k for k, t in enumerate(threads) if fold_of(t.name) == fold]
        sub = [data[k] for k in train]
        w, b = fit(*matrix(sub, features), l2)
        threshold = best_threshold([threads[k] for k in train], sub, probabilities(sub, features, w, b))
        chosen[fold] = threshold
        held = probabilities([data[k] for k in test], features, w, b)
        for k, p in zip(test, held):
            oof[k] = [float(q >= threshold) for q in p]
    return oof, chosen


def report(threads, data, features, l2, label):
    oof, chosen = cross_validate(threads, data, features, l2)
    model = f1(threads, predict(data, lambda k, j: oof[k][j] >= 0.5))
    per_fold = []
    for fold in range(FOLDS):
        idx = [k for k, t in enumerate(threads) if fold_of(t.name) == fold]
        sub_t, sub_d = [threads[k] for k in idx], [data[k] for k in idx]
        per_fold.append((f1(sub_t, predict(sub_d, lambda k, j: oof[idx[k]][j] >= 0.5)),
                         f1(sub_t, predict(sub_d, lambda k, j: not sub_d[k][0][j][1]["rules_answered"]))))
    print(f"{label:<34} l2={l2:<4} out-of-fold F1 {model:5.1f}   per fold model/rules: "
          + "  ".join(f"{m:4.1f}/{r:4.1f}" for m, r in per_fold) + f"   thresholds {sorted(set(chosen.values()))}")
    return model


FEATURE_SETS = {
    "all": FEATURES,
    "all but the rules' verdict": tuple(f for f in FEATURES if f != "rules_answered"),
    "the rules' verdict and where it stands": ("rules_answered", "no_reply", "last_message", "opening", "parked",
                                               "decision_after"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--dry-run", action="store_true", help="report only, do not write the model")
    parser.add_argument("--evaluate", type=Path, metavar="FILE", help="score this trained model vs the rules on --gold")
    parser.add_argument("--features", choices=FEATURE_SETS, help="train this feature set only (default: the best)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    threads = load_all(args.gold, "dev")  # never the test split
    data = examples(threads)
    n = sum(len(c) for c, _, _ in data)
    print(f"{len(threads)} dev threads, {n} candidate questions, "
          f"{sum(sum(labels) for _, _, labels in data)} of them open in the gold")
    rules = f1(threads, predict(data, lambda k, j: not data[k][0][j][1]["rules_answered"]))
    if args.evaluate:
        model = json.loads(args.evaluate.read_text())
        w, b, t = np.array(model["weights"]), model["intercept"], model["threshold"]
        probs = probabilities(data, model["features"], w, b)
        print(f"rules alone: F1 {rules:.1f}; {args.evaluate.name}: F1 {f1(threads, predict(data, lambda k, j: probs[k][j] >= t)):.1f}")
        return 0
    print(f"rules alone on all dev threads (no training): F1 {rules:.1f}")
    sets = {args.features: FEATURE_SETS[args.features]} if args.features else FEATURE_SETS
    results = {(name, l2): report(threads, data, feats, l2, name) for name, feats in sets.items() for l2 in L2S}
    (name, l2), best = max(results.items(), key=lambda kv: kv[1])
    features = FEATURE_SETS[name]
    w, b = fit(*matrix(data, features), l2)
    threshold = best_threshold(threads, data, probabilities(data, features, w, b))
    print(f"chosen: {name}, l2 {l2} (out-of-fold F1 {best:.1f}); trained on all {len(threads)} threads, "
          f"threshold {threshold}")
    for f, v in sorted(zip(features, w), key=lambda x: -abs(x[1])):
        print(f"  {f:<22}{v:+.3f}")
    if not args.dry_run:
        args.out.write_text(json.dumps({
            "about": "P(a question is still open); trained by `python -m bench.train_open_questions` on the gold dev split",
            "features": list(features), "weights": [round(float(v), 5) for v in w], "intercept": round(float(b), 5),
            "threshold": threshold, "l2": l2, "out_of_fold_f1": round(best, 1)}, indent=1) + "\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
