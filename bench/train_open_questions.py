"""A learned "answered?" model of open questions, trained and cross-validated on the gold set's dev threads.

    .venv/bin/python -m bench.train_open_questions --out /tmp/answered.json     # cross-validate, report, write a model
    .venv/bin/python -m bench.train_open_questions --features "all but the rules' verdict" --out FILE  # one feature set

The summarizer's rules (`skills/summarize/detect.py`, `ThreadReader._answered`) decide whether a question was
answered. This script asks whether a model over general evidence would do better on threads nobody tuned on:
did anyone else reply at all, did the person the question names speak after it, does a reply share its words
or open like an answer (yes/no, a number, a name), did the asker say thanks or "nvm", did a later decision
settle it — with or without the rules' own verdict as one more fact (`FEATURES`, `answer_facts`). It was tried
and is not shipped: see bench/RESULTS.md (2026-12-01, issue 12) for the out-of-fold and blind-batch figures.

Each question the summarizer might list (`ThreadReader.question_candidates`) is one example, labelled by whether
the gold lists it as open (Dice ≥ 0.3 with a gold open question, the benchmark's matching rule). A logistic regression is
fitted by the decision model's trainer (`bench.train_decisions.fit_pointwise`: L2, L-BFGS, standardised features);
threads are split into folds (by thread, never a thread in two folds) and each fold is
predicted by a model trained on the others, so the out-of-fold open-question F1 — computed as
`bench.summarize_gold` does — is what the model does on threads it never saw. The rules alone are scored on
the same folds (they were written looking at these threads, so their figure flatters them). Feature sets and
the L2 strength are chosen on out-of-fold F1; the threshold on P(open) is chosen inside each training fold. The
chosen model is also trained on the threads written before the blind batches (below 520) and scored on the
batches (520 up to `FRESH_FROM`), rules beside it. Reads the dev threads below `bench.train_decisions.FRESH_FROM`
only: never the test split nor the fresh blind batches.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import regex

from bench.summarize_gold import _WORD, GOLD_DIR, Prediction, score, similarity
from bench.train_decisions import FRESH_FROM, _number, fit_pointwise, training_threads
from skills.summarize import detect
from skills.summarize.detect import (
    _ASIDE_FIRST,
    _AT_NAME,
    _GRATITUDE,
    _THANKS,
    _VOCATIVE_NAME,
    ANSWER_WINDOW,
    _overlap,
    decision_line,
)
from skills.summarize.extractive import summarize

FEATURES = (
    "rules_answered",       # the hand-written rules say someone answered it
    "no_reply",             # nobody else wrote after it
    "others_after",         # log(1 + messages by others after it, within the answer window)
    "named_silent",         # it names someone (@Ken, "Ken, …") who did not write after it
    "overlap_best",         # most words a later reply by someone else shares with it
    "answer_shape",         # the first reply by someone else opens like an answer (yes/no, a number, a name)
    "reply_question_only",  # the first reply by someone else only asks back
    "not_known",            # a reply says "no idea", hands it on or puts it off
    "asker_thanks",         # the asker thanks or acknowledges after a reply
    "self_answered",        # the asker says "nvm, found it"
    "who_question",         # "who …?"
    "agreement",            # agreement reactions on its message
    "superseded",           # the asker asked something else right after
    "opening",              # asked in the thread's first message
    "last_message",         # asked in the thread's last message
    "decision_after",       # a later decision shares its words
    "parked",               # the thread's own question was put off
)
# An answer's shape, in any language: a number, a date or time, or a name-like word and little else.
_ANSWER_SHAPE = regex.compile(r"^\W*(?:\d[\d.,:/%hkm-]*|\p{Lu}[\w-]*)(?:\W+\S+){0,3}\W*$")


def answer_facts(reader, s, decisions, opening=None) -> dict[str, float]:
    """What happened after question `s` was asked (`FEATURES`); `opening`: the thread's own question when it was parked."""
    i, asker = s.index, s.speaker
    later = reader.messages[i + 1:i + 1 + ANSWER_WINDOW]
    others = [m for m in later if m.speaker != asker]
    mention = _AT_NAME.search(s.text)
    asked = reader.resolve(mention.group(1)) if mention else None
    if asked is None and (vocative := _VOCATIVE_NAME.match(s.text)):
        asked = reader.resolve(vocative.group(1))
    own = reader.by_message[i]
    first = others[0] if others else None
    replied_at = first.index if first is not None else len(reader.messages)
    lines = [(d.index, decision_line(d)) for d in decisions]
    return {
        "rules_answered": float(reader._answered(s, decisions)),
        "no_reply": float(first is None),
        "others_after": math.log1p(len(others)),
        "named_silent": float(asked is not None and all(m.speaker != asked for m in others)),
        "overlap_best": max((_overlap(m.text, s.text) for m in others[:8]), default=0.0),
        "answer_shape": float(first is not None and bool(reader.cues.answer.search(_ASIDE_FIRST.sub("", first.text))
                                                          or _ANSWER_SHAPE.match(first.text))),
        "reply_question_only": float(first is not None and not reader.cues.answer.search(first.text)
                                     and all(x.is_question for x in reader.by_message.get(first.index, ()))),
        "not_known": float(any(reader.cues.not_known.search(m.text) or reader.cues.defer.search(m.text)
                               for m in others[:3])),
        "asker_thanks": float(any(m.speaker == asker and m.index > replied_at
                                  and (_THANKS.search(m.text) or _GRATITUDE.search(m.text)) for m in later[:10])),
        "self_answered": float(any(m.speaker == asker and reader.cues.self_answered.match(m.text) for m in later[:10])),
        "who_question": float(bool(reader.cues.who.search(s.text))),
        "agreement": float(reader.messages[i].agreement > 0),
        "superseded": float(any(x.is_question for x in own[own.index(s) + 1:])),
        "opening": float(i == 0),
        "last_message": float(i == len(reader.messages) - 1),
        "decision_after": float(any(at > i and _overlap(line, s.text) >= 0.2 for at, line in lines)),
        "parked": float(opening is not None and opening.index == i),
    }


FOLDS = 5
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.2, 0.81, 0.05))
L2S = (1.0, 3.0, 10.0, 30.0)  # fit_pointwise's L2, on standardised features and the mean loss
BLIND_BATCHES_FROM = 520  # 520–599 and 600–629: written blind to the engine by annotators, after the rules


@contextmanager
def recording():
    """Collect, per summarized thread, (candidate sentence, facts) for every question the summarizer might list,
    plus the parked opening question it would add."""
    rows: list = []
    original = detect.ThreadReader.open_questions

    def record(self, decisions, parked=False):
        opening = self._opening_question() if parked else None
        rows.append(([(s, answer_facts(self, s, decisions, opening)) for s in self.question_candidates()],
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
    """The decision model trainer's logistic regression (`fit_pointwise`), on one matrix of examples."""
    return fit_pointwise([SimpleNamespace(x=x, y=y)], l2)


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
    parser.add_argument("--features", choices=FEATURE_SETS, help="train this feature set only (default: the best)")
    parser.add_argument("--out", type=Path, help="where to write the model trained on all the threads")
    args = parser.parse_args(argv)
    threads = training_threads(args.gold)  # dev only: never the test split nor the fresh blind batches (FRESH_FROM)
    data = examples(threads)
    n = sum(len(c) for c, _, _ in data)
    print(f"{len(threads)} dev threads (below {FRESH_FROM}), {n} candidate questions, "
          f"{sum(sum(labels) for _, _, labels in data)} of them open in the gold")
    rules = f1(threads, predict(data, lambda k, j: not data[k][0][j][1]["rules_answered"]))
    print(f"rules alone on all of them (no training): F1 {rules:.1f}")
    sets = {args.features: FEATURE_SETS[args.features]} if args.features else FEATURE_SETS
    results = {(name, l2): report(threads, data, feats, l2, name) for name, feats in sets.items() for l2 in L2S}
    (name, l2), best = max(results.items(), key=lambda kv: kv[1])
    features = FEATURE_SETS[name]
    print(f"chosen: {name}, l2 {l2} (out-of-fold F1 {best:.1f})")
    blind_batches_left_out(threads, data, features, l2)
    w, b = fit(*matrix(data, features), l2)
    threshold = best_threshold(threads, data, probabilities(data, features, w, b))
    print(f"trained on all {len(threads)} threads: threshold {threshold}")
    for f, v in sorted(zip(features, w), key=lambda x: -abs(x[1])):
        print(f"  {f:<22}{v:+.3f}")
    if args.out:
        args.out.write_text(json.dumps({
            "about": "P(a question is still open); trained by `python -m bench.train_open_questions` on the gold dev split",
            "features": list(features), "weights": [round(float(v), 5) for v in w], "intercept": round(float(b), 5),
            "threshold": threshold, "l2": l2, "out_of_fold_f1": round(best, 1)}, indent=1) + "\n")
        print(f"wrote {args.out}")
    return 0


def blind_batches_left_out(threads, data, features, l2) -> None:
    """Trained on the threads written before the blind batches (below BLIND_BATCHES_FROM), scored on the batches: what the
    model does on threads written later by annotators who never saw the engine, against the rules on them."""
    seen = [k for k, t in enumerate(threads) if _number(t.name) < BLIND_BATCHES_FROM]
    held = [k for k, t in enumerate(threads) if _number(t.name) >= BLIND_BATCHES_FROM]
    if not seen or not held:
        return
    sub_t, sub_d = [threads[k] for k in seen], [data[k] for k in seen]
    w, b = fit(*matrix(sub_d, features), l2)
    threshold = best_threshold(sub_t, sub_d, probabilities(sub_d, features, w, b))
    held_t, held_d = [threads[k] for k in held], [data[k] for k in held]
    probs = probabilities(held_d, features, w, b)
    rules = f1(held_t, predict(held_d, lambda k, j: not held_d[k][0][j][1]["rules_answered"]))
    model = f1(held_t, predict(held_d, lambda k, j: probs[k][j] >= threshold))
    print(f"trained on the {len(seen)} threads below {BLIND_BATCHES_FROM}, scored on the {len(held)} from {BLIND_BATCHES_FROM}: "
          f"rules F1 {rules:.1f}, model F1 {model:.1f}")


if __name__ == "__main__":
    sys.exit(main())
