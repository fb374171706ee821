"""Train the action-item model on the gold set's dev threads and write skills/summarize/action_model.json.

    .venv/bin/python -m bench.train_actions            # cross-validated report, then train on all dev and write
    .venv/bin/python -m bench.train_actions --check    # the same, but exit 1 if the shipped weights differ

Candidates are `skills.summarize.action_model.candidates`: the rules' action items and every other sentence of a
thread. A rule item is labelled a task when its line matches a gold action item as the benchmark matches them
(bench.summarize_gold: Dice ≥ 0.3 of content words); another sentence when it matches a gold item the rules'
items do not, with the same owner (so the model learns to add only what the rules missed, and only with the
right owner). Two logistic models (rule items, other sentences) with an L2 penalty on standardised features,
fitted by the decision model's trainer (`bench.train_decisions.fit_pointwise`: L-BFGS, the scaling folded back
into the shipped weights); its folds and training digest are shared too. The two thresholds (the score a rule item needs to stay, the score
another sentence needs to be added) are chosen on out-of-fold scores of the training threads, never on the
threads they are judged on. Deterministic: same files, same weights.

Honest figures, model against the rules on the same threads (the rules need no training, so their figure on a
part is just their score there), scored by the benchmark's own matcher (F1, owner and due accuracy):
- grouped 5-fold cross-validation by thread over dev;
- leave one batch out: for each blind batch (520–559 English, 560–599 other languages, 600–629 mixed; a batch at or
  past `FRESH_FROM` is not read), train on every other dev thread and score that batch.
Only the dev split is read; the test split never.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from bench.summarize_gold import (
    GOLD_DIR,
    THRESHOLD,
    GoldThread,
    Prediction,
    _same_owner,
    score,
    similarity,
)
from bench.train_decisions import FOLDS, _finite, checked, fit_pointwise, fold_of, training_digest, training_threads
from skills.summarize.action_model import FEATURES, MODEL_PATH, Candidate, Model, candidates, line, select
from skills.summarize.extractive import read_thread

L2 = 3.0
BATCHES = ((520, 560), (560, 600), (600, 630))  # the blind batches as the annotators wrote them, each left out in turn
RULE_GRID = (-np.inf, -2.0, -1.5, -1.0, -0.5, 0.0)
ADD_GRID = (-2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0)
_NUMBER = re.compile(r"^(\d+)")


@dataclass
class ThreadData:
    gold: GoldThread
    cands: list[Candidate]
    x: np.ndarray
    y: np.ndarray
    lines: list = None  # each candidate's action item (Found)

    @property
    def number(self) -> int:
        return int(_NUMBER.match(self.gold.name).group(1))


def _names(thread: GoldThread) -> frozenset[str]:
    return frozenset(w for u in thread.utterances for w in re.findall(r"\w+", u.speaker.lower()))


def prepare(threads: list[GoldThread]) -> list[ThreadData]:
    data = []
    for thread in threads:
        reader = read_thread(thread.utterances).reader
        if reader is None:
            data.append(ThreadData(thread, [], np.zeros((0, len(FEATURES))), np.zeros(0), []))
            continue
        names = _names(thread)
        cands = candidates(reader, reader.action_items())
        said = [line(reader, c) for c in cands]
        gold = thread.action_items
        by_rules = {j for c, f in zip(cands, said) if c.rule is not None for j, g in enumerate(gold)
                    if similarity(f.said, g["text"], names) >= THRESHOLD}
        y = []
        for c, f in zip(cands, said):
            hits = [j for j, g in enumerate(gold) if similarity(f.said, g["text"], names) >= THRESHOLD]
            if c.rule is not None:
                y.append(float(bool(hits)))
            else:
                y.append(float(any(j not in by_rules and _same_owner(f.owner, gold[j]["owner"]) for j in hits)))
        x = np.array([c.features for c in cands], dtype=float).reshape(len(cands), len(FEATURES))
        data.append(ThreadData(thread, cands, x, np.array(y), said))
    return data


def fit(data: list[ThreadData], l2: float = L2) -> tuple[np.ndarray, float, np.ndarray, float]:
    """The rule items' model and the other sentences' model: (rule weights, rule bias, weights, bias)."""
    rule = [np.array([c.rule is not None for c in d.cands], dtype=bool) for d in data]
    x = np.concatenate([d.x for d in data])
    y = np.concatenate([d.y for d in data])
    mask = np.concatenate(rule) if rule else np.zeros(0, dtype=bool)
    return (*fit_pointwise([SimpleNamespace(x=x[mask], y=y[mask])], l2),
            *fit_pointwise([SimpleNamespace(x=x[~mask], y=y[~mask])], l2))


def predictions(data: list[ThreadData], scores: list[np.ndarray], model: Model) -> list[Prediction]:
    out = []
    for d, s in zip(data, scores):
        kept = select(d.cands, list(s), model, d.lines.__getitem__)
        seen, items = set(), []
        for f in kept:  # as the summary lists them: one line per owner and text
            if (key := f"{f.owner}: {f.said}".lower()) not in seen:
                seen.add(key)
                items.append({"text": f.said, "owner": f.owner, "due": f.due})
        out.append(Prediction(action_items=items))
    return out


def figures(data: list[ThreadData], preds: list[Prediction]) -> dict:
    c = score([d.gold for d in data], preds)["action_items"]
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "p": 100 * c.precision, "r": 100 * c.recall, "f1": 100 * c.f1,
            "owner": 100 * c.owner_right / c.tp if c.tp else 0.0, "due": 100 * c.due_right / c.tp if c.tp else 0.0}


def rules_figures(data: list[ThreadData]) -> dict:
    return figures(data, predictions(data, [np.zeros(len(d.cands)) for d in data],
                                     Model((), 0.0, (), 0.0, np.inf, -np.inf)))


def _scores(d: ThreadData, rw: np.ndarray, rb: float, w: np.ndarray, b: float) -> np.ndarray:
    if not len(d.x):
        return np.zeros(0)
    rule = np.array([c.rule is not None for c in d.cands], dtype=bool)
    return np.where(rule, d.x @ rw + rb, d.x @ w + b)


def model_scores(data: list[ThreadData], model: Model) -> list[np.ndarray]:
    rw, w = np.array(model.rule_weights), np.array(model.weights)
    return [_scores(d, rw, model.rule_bias, w, model.bias) for d in data]


def thresholds(data: list[ThreadData], l2: float, folds: int = FOLDS - 1) -> tuple[float, float]:
    """The (add, rule) thresholds that do best on out-of-fold scores of `data`: F1, with owner accuracy kept ≥ 90."""
    scores: list[np.ndarray] = [np.zeros(0)] * len(data)
    for k in range(folds):
        weights = fit([d for d in data if fold_of(d, folds) != k], l2)
        for i, d in enumerate(data):
            if fold_of(d, folds) == k:
                scores[i] = _scores(d, *weights)
    best, best_value = (np.inf, -np.inf), -1.0
    for t in ADD_GRID:
        for rt in RULE_GRID:
            f = figures(data, predictions(data, scores, Model((), 0.0, (), 0.0, t, rt)))
            value = f["f1"] if f["owner"] >= 92.0 else f["f1"] - 50
            if value > best_value + 1e-9:
                best, best_value = (t, rt), value
    return best


def train(data: list[ThreadData], l2: float) -> Model:
    t, rt = thresholds(data, l2)
    rw, rb, w, b = fit(data, l2)
    return Model(tuple(float(v) for v in rw), rb, tuple(float(v) for v in w), b, t, rt)


HEADER = f"{'':<36}{'TP':>4}{'FP':>4}{'FN':>4}{'P':>7}{'R':>7}{'F1':>7}{'owner':>7}{'due':>7}"


def row(name: str, f: dict) -> str:
    return (f"{name:<36}{f['tp']:>4}{f['fp']:>4}{f['fn']:>4}{f['p']:7.1f}{f['r']:7.1f}{f['f1']:7.1f}"
            f"{f['owner']:7.1f}{f['due']:7.1f}")


def report(data: list[ThreadData], l2: float) -> None:
    print(f"{len(data)} dev threads, {sum(len(d.y) for d in data)} candidates "
          f"({sum(c.rule is not None for d in data for c in d.cands)} rule items), {int(sum(d.y.sum() for d in data))} positive; "
          f"{sum(len(d.gold.action_items) for d in data)} gold action items")
    print(f"\ngrouped {FOLDS}-fold cross-validation by thread (same folds for both)\n{HEADER}")
    oof: list[Prediction] = [Prediction()] * len(data)
    for k in range(FOLDS):
        idx = [i for i, d in enumerate(data) if fold_of(d, FOLDS) == k]
        model = train([d for d in data if fold_of(d, FOLDS) != k], l2)
        part = [data[i] for i in idx]
        for i, p in zip(idx, predictions(part, model_scores(part, model), model)):
            oof[i] = p
    print(row("rules", rules_figures(data)))
    print(row("model (out of fold)", figures(data, oof)))
    print(f"\nleave one blind batch out (train on all other dev threads, score the batch)\n{HEADER}")
    for lo, hi in BATCHES:
        part = [d for d in data if lo <= d.number < hi]
        if not part:
            continue
        model = train([d for d in data if not lo <= d.number < hi], l2)
        print(row(f"{lo}–{hi - 1} rules", rules_figures(part)))
        print(row(f"{lo}–{hi - 1} model ({model.threshold}/{model.rule_threshold})",
                  figures(part, predictions(part, model_scores(part, model), model))))


def write(data: list[ThreadData], l2: float, path: Path | None, directory: Path = GOLD_DIR) -> dict:
    model = train(data, l2)
    payload = {
        "about": "action-item model; trained by `python -m bench.train_actions` on the gold set's dev threads",
        "trained_on": {"threads": len(data), "sha256": training_digest([d.gold for d in data], directory)},
        "l2": l2, "threshold": model.threshold,
        "rule_threshold": _finite(model.rule_threshold),
        "features": list(FEATURES), "rule_weights": [round(v, 6) for v in model.rule_weights],
        "rule_bias": round(model.rule_bias, 6), "weights": [round(v, 6) for v in model.weights],
        "bias": round(model.bias, 6),
    }
    if path is not None:
        path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="directory of gold thread files (dev split read)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--no-report", action="store_true", help="skip the cross-validated report")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the shipped weights differ")
    args = parser.parse_args(argv)
    data = prepare(training_threads(args.gold))  # the blind batches from FRESH_FROM on stay unseen, as for decisions
    if not args.no_report:
        report(data, args.l2)
    payload = write(data, args.l2, None if args.check else MODEL_PATH, args.gold)
    if args.check:
        return checked(payload, MODEL_PATH)
    print(f"wrote {MODEL_PATH}: threshold {payload['threshold']}, rule threshold {payload['rule_threshold']}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
