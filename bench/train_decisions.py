"""Train the decision model on the gold set's dev threads and write skills/summarize/decision_model.json.

    .venv/bin/python -m bench.train_decisions            # cross-validated report, then train on all dev and write
    .venv/bin/python -m bench.train_decisions --check    # the same, but exit 1 if the shipped weights differ
    .venv/bin/python -m bench.train_decisions --fresh    # rules vs model on the fresh blind batches, figures only

Every sentence of a thread is a candidate (`skills.summarize.decision_model.candidates`); it is labelled a decision
when one of its lines matches a gold decision as the benchmark matches them (bench.summarize_gold: Dice ≥ 0.3 of
content words). Two logistic models with an L2 penalty, fitted with L-BFGS (scipy) on standardised features and
summed (see `fit`), the scaling folded back into the shipped weights. The thresholds (the score a sentence needs,
a lower one for a sentence the rules chose, and the score the thread's best sentence needs for the thread to be
decided at all) are chosen on out-of-fold scores, never on the threads they are judged on. Deterministic: same
files, same weights.

Honest figures, model against the rules on the same threads (the rules need no training, so their figure on a
fold is just their score there):
- grouped 5-fold cross-validation by thread over dev (each thread's decisions scored by a model that never saw
  it, thresholds chosen by an inner 4-fold cross-validation of the training folds);
- leave one blind batch out: each batch written blind to the engine (400–519, 520–559, 560–599, 600–629, 630–689,
  690–749, 750–809) scored by a model trained on every other dev thread (does a change carry over to threads by someone who
  never saw it?).
Only the dev split is read; the test split never. The fresh blind batches (threads numbered from FRESH_FROM) are left
out of training and only scored, with `--fresh`, to see how both do on threads nobody tuned on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from bench.summarize_gold import (
    GOLD_DIR,
    THRESHOLD,
    GoldThread,
    Prediction,
    decided_accuracy,
    load_all,
    score,
    similarity,
)
from skills.summarize.decision_model import FEATURES, MODEL_PATH, Model, _similar, candidates, lines, select
from skills.summarize.detect import decision_line
from skills.summarize.extractive import read_thread

FOLDS = 5
L2 = 10.0  # chosen among 0.3, 1, 3, 10, 30 by the cross-validated F1 (3–30 alike)
BATCHES = ((400, 520), (520, 560), (560, 600), (600, 630), (630, 690), (690, 750),
           (750, 810))  # written blind to the engine, each left out in turn
FRESH_FROM = 810  # threads numbered from here on are fresh blind batches: scored (--fresh), not trained on until then
# (520–599 were scored with --fresh at 8a22c2d, 600–629 once at the end of the 2026-11-30 session, 630–689 once at
# the end of the 2026-12-01 day session, 690–749 once at the end of the 2026-12-02 night session, 750–809 at the start
# and end of the 2026-12-02 afternoon session, before they joined the training set: bench/RESULTS.md)
_NUMBER = re.compile(r"^(\d+)")


@dataclass
class ThreadData:
    """One gold thread's candidates: features, labels, each candidate's lines, and the rules' answer."""

    gold: GoldThread
    x: np.ndarray  # (candidates, features)
    y: np.ndarray  # 1 where a candidate's line matches a gold decision
    lines: list[list]  # each candidate's Found lines
    rules: list[str]  # the rules' decision lines, as the summary lists them
    owner: np.ndarray = None  # candidate of each line, all candidates' lines in a row
    to_gold: np.ndarray = None  # (lines, gold decisions): the benchmark's similarity
    between: np.ndarray = None  # (lines, lines): the similarity `choose` dedupes with

    def __post_init__(self) -> None:
        flat = [(k, f) for k, fs in enumerate(self.lines) for f in fs]
        self.owner = np.array([k for k, _ in flat], dtype=int)
        names = frozenset(w for u in self.gold.utterances for w in re.findall(r"\w+", u.speaker.lower()))
        self.to_gold = np.array([[similarity(f.said, g, names) for g in self.gold.decisions] for _, f in flat],
                                dtype=float).reshape(len(flat), len(self.gold.decisions))
        self.between = np.array([[_similar(f.said, g.said) if f.said != g.said else 1.0 for _, g in flat]
                                 for _, f in flat], dtype=float).reshape(len(flat), len(flat))

    @property
    def number(self) -> int:
        return _number(self.gold.name)


def _number(name: str) -> int:
    return int(_NUMBER.match(name).group(1))


def _dedupe(found) -> list[str]:
    """As the summary lists decisions: one line per distinct decision line."""
    seen, out = set(), []
    for f in found:
        if (key := decision_line(f).lower()) not in seen:
            seen.add(key)
            out.append(f.said)
    return out


def prepare(threads: list[GoldThread]) -> list[ThreadData]:
    data = []
    for thread in threads:
        reader = read_thread(thread.utterances).reader
        if reader is None:
            data.append(ThreadData(thread, np.zeros((0, len(FEATURES))), np.zeros(0), [], []))
            continue
        names = frozenset(w for u in thread.utterances for w in re.findall(r"\w+", u.speaker.lower()))
        found, undecided, _ = reader.decisions()
        cands = candidates(reader, found, undecided)
        said = [lines(reader, c) for c in cands]
        y = np.array([float(any(similarity(f.said, g, names) >= THRESHOLD for f in fs for g in thread.decisions))
                      for fs in said])
        x = np.array([c.features for c in cands], dtype=float).reshape(len(cands), len(FEATURES))
        data.append(ThreadData(thread, x, y, said, _dedupe(found)))
    return data


def fit(data: list[ThreadData], l2: float = L2) -> tuple[np.ndarray, float]:
    """The sum of two logistic models of the same features: one that judges each sentence alone, one that judges
    it against the other sentences of its thread (they agree on what a decision is, and the second cancels what
    a whole thread has in common). Both linear, so the sum is one weight vector."""
    (w1, b1), (w2, b2) = fit_listwise(data, l2), fit_pointwise(data, l2)
    return w1 + w2, b1 + b2


def fit_listwise(data: list[ThreadData], l2: float = L2) -> tuple[np.ndarray, float]:
    """Per thread, a softmax over its candidates and "no decision" (logit 0): the probability of the gold ones
    (or of "no decision" when the thread decided nothing) is maximised, so a sentence is scored against the other
    sentences of its own thread. A candidate's score is then its logit: how far it beats "no decision"."""
    x = np.concatenate([d.x for d in data])
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = (x - mean) / std
    y = np.concatenate([d.y for d in data]) > 0
    sizes = [len(d.x) for d in data]
    starts = np.cumsum([0] + sizes[:-1])
    group = np.repeat(np.arange(len(data)), sizes)
    decided = np.array([d.y.any() for d in data])
    m = len(data)

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        t = z @ w + b
        top = np.maximum(0.0, np.maximum.reduceat(t, starts) if len(t) else 0.0)
        top = np.where(np.array(sizes) > 0, top, 0.0)
        e = np.exp(t - top[group])
        total = np.exp(-top) + np.bincount(group, e, minlength=m)  # the null candidate has logit 0
        ep = np.where(y, e, 0.0)
        positive = np.where(decided, np.bincount(group, ep, minlength=m), np.exp(-top))
        value = -(np.log(positive) - np.log(total)).sum() + 0.5 * l2 * w @ w
        p_all = e / total[group]
        p_pos = np.where(y, e / positive[group], 0.0) * decided[group]
        g = p_all - p_pos
        return value / m, np.concatenate([z.T @ g + l2 * w, [g.sum()]]) / m

    result = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    w, b = result.x[:-1], result.x[-1]
    return w / std, float(b - (w * mean / std).sum())


def fit_pointwise(data: list[ThreadData], l2: float = L2) -> tuple[np.ndarray, float]:
    """Logistic regression on standardised features; returns weights and bias for the raw features."""
    x = np.concatenate([d.x for d in data])
    y = np.concatenate([d.y for d in data])
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = (x - mean) / std
    m = len(y)

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        t = z @ w + b
        p = 1 / (1 + np.exp(-t))
        value = np.sum(np.logaddexp(0, t) - y * t) + 0.5 * l2 * w @ w
        g = p - y
        return value / m, np.concatenate([z.T @ g + l2 * w, [g.sum()]]) / m

    result = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    w, b = result.x[:-1], result.x[-1]
    return w / std, float(b - (w * mean / std).sum())


def kept_lines(d: ThreadData, scores: np.ndarray, model: Model) -> list[int]:
    """The lines `decision_model.choose` keeps for these candidate scores (by index into the thread's lines)."""
    kept: list[int] = []
    undecided = bool(len(d.x)) and bool(d.x[0, FEATURES.index("rule_thread_undecided")])
    for k in select(list(scores), model, list(d.x[:, FEATURES.index("rule_chose")] > 0), undecided):
        for line in np.flatnonzero(d.owner == k):
            if all(d.between[line, j] < model.dedupe for j in kept):
                kept.append(int(line))
    return kept


def counts(d: ThreadData, kept: list[int]) -> tuple[int, int, int]:
    """(tp, fp, fn) as the benchmark counts them: one-to-one matches, greedily by similarity, ≥ THRESHOLD."""
    pairs = sorted(((d.to_gold[i, j], i, j) for i in kept for j in range(d.to_gold.shape[1])
                    if d.to_gold[i, j] >= THRESHOLD), key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p), len(kept) - len(used_p), len(d.gold.decisions) - len(used_p)


def evaluate(data: list[ThreadData], scores: list[np.ndarray], model: Model) -> dict:
    """The benchmark's decision figures for the model's picks, from the precomputed similarities."""
    tp = fp = fn = right = undecided = undecided_right = 0
    for d, s in zip(data, scores):
        kept = kept_lines(d, s, model)
        a, b, c = counts(d, kept)
        tp, fp, fn = tp + a, fp + b, fn + c
        ok = bool(kept) == bool(d.gold.decisions)
        right += ok
        if not d.gold.decisions:
            undecided += 1
            undecided_right += ok
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": 100 * p, "r": 100 * r, "f1": 200 * p * r / (p + r) if p + r else 0.0,
            "decided": 100 * right / len(data), "undecided": 100 * undecided_right / undecided if undecided else 0.0,
            "undecided_threads": undecided, "threads": len(data)}


def rules_figures(data: list[ThreadData]) -> dict:
    """The rules' figures, scored by the benchmark itself."""
    threads = [d.gold for d in data]
    predictions = [Prediction(list(d.rules)) for d in data]
    c = score(threads, predictions)["decisions"]
    decided = decided_accuracy(threads, predictions)
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "p": 100 * c.precision, "r": 100 * c.recall, "f1": 100 * c.f1,
            "decided": decided["accuracy"], "undecided": decided["undecided_right"],
            "undecided_threads": decided["undecided_threads"], "threads": len(data)}


def _objective(f: dict) -> float:
    """Decisions F1, whether "anything decided?" is right, and the same on the threads where nothing was decided,
    weighted alike: a decision listed for a thread that reached none is the error a reader trusts least (the issue's
    "no decision" figure), so it counts twice."""
    return f["f1"] + f["decided"] + f["undecided"]


def fold_of(d: ThreadData, folds: int) -> int:
    return int(hashlib.sha256(d.gold.name.encode()).hexdigest(), 16) % folds


def oof_scores(data: list[ThreadData], folds: int, l2: float) -> list[np.ndarray]:
    """Each thread's candidate scores from a model trained without its fold."""
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for k in range(folds):
        w, b = fit([d for d in data if fold_of(d, folds) != k], l2)
        for i, d in enumerate(data):
            if fold_of(d, folds) == k:
                out[i] = d.x @ w + b if len(d.x) else np.zeros(0)
    return out


ADD_GRID = (-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)  # the score a sentence the rules did not choose needs
RULE_GRID = (-math.inf, -1.0, -0.5, 0.0, 0.5)  # the score one the rules chose needs
THREAD_GRID = (-math.inf, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0)  # the score the best sentence needs for "decided"
DEDUPE = 0.3


def thresholds(data: list[ThreadData], scores: list[np.ndarray]) -> tuple[float, float, float]:
    """The (sentence, rule sentence, thread) thresholds that do best on these out-of-fold scores."""
    best, best_value = (0.0, 0.0, 0.0), -1.0
    for t in ADD_GRID:
        for rt in RULE_GRID:
            for tt in THREAD_GRID:
                value = _objective(evaluate(data, scores, Model((), 0.0, t, tt, DEDUPE, rt)))
                if value > best_value + 1e-9:
                    best, best_value = (t, rt, tt), value
    return best


def train(data: list[ThreadData], l2: float, inner_folds: int = FOLDS - 1) -> Model:
    """Weights on all of `data`, thresholds from its own out-of-fold scores."""
    t, rt, tt = thresholds(data, oof_scores(data, inner_folds, l2))
    w, b = fit(data, l2)
    return Model(tuple(float(v) for v in w), b, t, tt, DEDUPE, rt)


def model_scores(data: list[ThreadData], model: Model) -> list[np.ndarray]:
    w = np.array(model.weights)
    return [d.x @ w + model.bias if len(d.x) else np.zeros(0) for d in data]


def cross_validate(data: list[ThreadData], l2: float) -> tuple[list[np.ndarray], list[Model]]:
    """Out-of-fold scores: each fold scored by a model (weights and thresholds) made without it."""
    scores: list[np.ndarray] = [np.zeros(0)] * len(data)
    models = []
    for k in range(FOLDS):
        model = train([d for d in data if fold_of(d, FOLDS) != k], l2)
        models.append(model)
        idx = [i for i, d in enumerate(data) if fold_of(d, FOLDS) == k]
        for i, s in zip(idx, model_scores([data[i] for i in idx], model)):
            scores[i] = s
    return scores, models


def row(name: str, f: dict) -> str:
    return (f"{name:<34}{f['tp']:>4}{f['fp']:>4}{f['fn']:>4}{f['p']:7.1f}{f['r']:7.1f}{f['f1']:7.1f}"
            f"{f['decided']:9.1f}{f['undecided']:8.1f} of {f['undecided_threads']}")


HEADER = f"{'':<34}{'TP':>4}{'FP':>4}{'FN':>4}{'P':>7}{'R':>7}{'F1':>7}{'decided?':>9}{'undec.':>8}"


def report(data: list[ThreadData], l2: float) -> None:
    print(f"{len(data)} dev threads, {sum(len(d.y) for d in data)} candidate sentences, "
          f"{int(sum(d.y.sum() for d in data))} matching a gold decision; "
          f"{sum(len(d.gold.decisions) for d in data)} gold decisions")
    print(f"\ngrouped {FOLDS}-fold cross-validation by thread (same folds for both)\n{HEADER}")
    scores, models = cross_validate(data, l2)
    fold = [fold_of(d, FOLDS) for d in data]
    print(row("rules", rules_figures(data)))
    pooled = [evaluate([d], [s], models[k]) for d, s, k in zip(data, scores, fold)]
    print(row("model (out of fold)", _pool(pooled)))
    for k, model in enumerate(models):
        sub = [i for i in range(len(data)) if fold[i] == k]
        print(row(f"  fold {k} rules ({len(sub)} threads)", rules_figures([data[i] for i in sub])))
        print(row(f"  fold {k} model ({model.threshold}/{model.rule_threshold}/{model.thread_threshold})",
                  _pool([pooled[i] for i in sub])))
    leave_batch_out(data, l2)


def leave_batch_out(data: list[ThreadData], l2: float) -> None:
    """Each blind batch scored by a model trained on every other dev thread: does a change carry over to threads
    written by someone who never saw the engine?"""
    print(f"\nleave one blind batch out (train on every other dev thread, score the batch)\n{HEADER}")
    rules, model = [], []
    for lo, hi in BATCHES:
        part = [d for d in data if lo <= d.number < hi]
        if not part:
            continue
        trained = train([d for d in data if not lo <= d.number < hi], l2)
        rules.append(rules_figures(part))
        model.append(evaluate(part, model_scores(part, trained), trained))
        print(row(f"{lo}–{hi - 1} rules ({len(part)} threads)", rules[-1]))
        print(row(f"{lo}–{hi - 1} model ({trained.threshold}/{trained.rule_threshold}/{trained.thread_threshold})",
                  model[-1]))
    if rules:
        print(row("all batches rules", _pool(rules)))
        print(row("all batches model", _pool(model)))


def _pool(parts: list[dict]) -> dict:
    """Micro-averaged figures of several threads' `evaluate` answers."""
    tp, fp, fn = (sum(p[k] for p in parts) for k in ("tp", "fp", "fn"))
    undecided = sum(p["undecided_threads"] for p in parts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": 100 * p, "r": 100 * r, "f1": 200 * p * r / (p + r) if p + r else 0.0,
            "decided": sum(p_["decided"] * p_["threads"] for p_ in parts) / sum(p_["threads"] for p_ in parts),
            "undecided": sum(p_["undecided"] * p_["undecided_threads"] for p_ in parts) / undecided if undecided else 0.0,
            "undecided_threads": undecided, "threads": sum(p_["threads"] for p_ in parts)}


def training_digest(threads: list[GoldThread], directory: Path = GOLD_DIR) -> str:
    """sha256 of the gold files trained on, so a test can tell the shipped weights were trained on today's files."""
    digest = hashlib.sha256()
    for thread in sorted(threads, key=lambda t: t.name):
        digest.update(thread.name.encode() + b"\0" + (Path(directory) / f"{thread.name}.json").read_bytes())
    return digest.hexdigest()


def checked(payload: dict, path: Path) -> int:
    """`--check`'s exit code: 0 when the shipped weights are exactly what this training gives."""
    shipped = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    if shipped != payload:
        print(f"{path} differs from what this training gives", file=sys.stderr)
        return 1
    print(f"{path} is what this training gives")
    return 0


def training_threads(directory: Path = GOLD_DIR) -> list[GoldThread]:
    """The dev threads the model is trained on: all but the fresh blind batches."""
    return [t for t in load_all(directory, "dev") if _number(t.name) < FRESH_FROM]


def write(data: list[ThreadData], l2: float, path: Path | None, directory: Path = GOLD_DIR) -> dict:
    model = train(data, l2)
    payload = {
        "about": "decision model; trained by `python -m bench.train_decisions` on the gold set's dev threads",
        "trained_on": {"threads": len(data), "below": FRESH_FROM,
                       "sha256": training_digest([d.gold for d in data], directory)},
        "l2": l2, "threshold": model.threshold, "thread_threshold": _finite(model.thread_threshold),
        "rule_threshold": _finite(model.rule_threshold), "dedupe": model.dedupe,
        "features": list(FEATURES), "weights": [round(v, 6) for v in model.weights], "bias": round(model.bias, 6),
    }
    if path is not None:
        path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return payload


def score_fresh(data: list[ThreadData], fresh: list[GoldThread], l2: float) -> int:
    """Rules against the model (trained as shipped, on the threads before the fresh batches) on each fresh batch:
    figures only, no thread is shown."""
    model = train(data, l2)
    last = max((_number(t.name) for t in fresh), default=FRESH_FROM)
    batches = {f"{low}–{low + 19}": [t for t in fresh if low <= _number(t.name) < low + 20]
               for low in range(FRESH_FROM, last + 1, 20)}
    for name, threads in batches.items():
        if not threads:
            continue
        part = prepare(threads)
        print(f"\nfresh batch, {name}: {len(part)} threads, {sum(len(t.decisions) for t in threads)} gold decisions\n{HEADER}")
        print(row("rules", rules_figures(part)))
        print(row("model", evaluate(part, model_scores(part, model), model)))
    return 0


def _finite(value: float) -> float | None:
    """JSON has no infinity: None stands for "no threshold"."""
    return None if math.isinf(value) else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="directory of gold thread files (dev split read)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--no-report", action="store_true", help="skip the cross-validated report")
    parser.add_argument("--fresh", action="store_true",
                        help=f"only score the rules and the model trained as shipped on the fresh batches ({FRESH_FROM}+)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the shipped weights differ")
    args = parser.parse_args(argv)
    data = prepare(training_threads(args.gold))
    if args.fresh:
        fresh = [t for t in load_all(args.gold, "dev") if _number(t.name) >= FRESH_FROM]
        return score_fresh(data, fresh, args.l2)
    if not args.no_report:
        report(data, args.l2)
    payload = write(data, args.l2, None if args.check else MODEL_PATH, args.gold)
    if args.check:
        return checked(payload, MODEL_PATH)
    print(f"wrote {MODEL_PATH}: threshold {payload['threshold']}, thread threshold {payload['thread_threshold']}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
