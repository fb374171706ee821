"""ROUGE of the offline summarizer's TL;DR vs Lead-3, Longest-3 and LexRank on SAMSum and DialogSum, plus speed.

    .venv/bin/python -m bench.summarize --split dev     # tune here (SAMSum validation, DialogSum dev)
    .venv/bin/python -m bench.summarize --split test    # final figures only (held-out test splits)

Baselines take whole utterances as written ("Name: text"), as in the SAMSum paper; LexRank is implemented here
(tf-idf cosine graph, threshold 0.1, PageRank damping 0.85). Where a test split has several references
(DialogSum: summary1..3), a system's F1 is the mean over them. Throughput counts only the offline engine
(dialogue-to-thread conversion included, ROUGE excluded).

Needs the `bench` extra (`pip install -e '.[bench]'`, for `rouge-score`). Data is read from $EVAL_DIR
(default ../shared/eval, relative to the repository root) and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from skills.summarize.extractive import summarize
from skills.summarize.utterance import Utterance

REPO_ROOT = Path(__file__).resolve().parent.parent
SPLITS = {
    "dev": {"samsum": "samsum_val.jsonl", "dialogsum": "dialogsum_dev.jsonl"},
    "test": {"samsum": "heldout/samsum_test.jsonl", "dialogsum": "heldout/dialogsum_test.jsonl"},
}
METRICS = ("rouge1", "rouge2", "rougeL")
_LINE = re.compile(r"^\s*([^:]{1,40}?)\s*:\s*(.*)$")


def eval_dir() -> Path:
    return (REPO_ROOT / os.environ.get("EVAL_DIR", "../shared/eval")).resolve()


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def dialogue_lines(dialogue: str) -> list[tuple[str, str]]:
    """`Name: text` lines as (speaker, text); a line without a speaker continues the previous one."""
    lines: list[tuple[str, str]] = []
    for raw in dialogue.replace("\r", "").split("\n"):
        if not raw.strip():
            continue
        match = _LINE.match(raw)
        if match and match.group(2).strip():
            lines.append((match.group(1).strip(), match.group(2).strip()))
        elif lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + " " + raw.strip())
        else:
            lines.append(("Someone", raw.strip()))
    return lines


def to_thread(dialogue: str) -> list[Utterance]:
    return [Utterance(id=str(i), speaker=who, text=text) for i, (who, text) in enumerate(dialogue_lines(dialogue))]


# ---- baselines: whole utterances as they appear ("Name: text"), as in the SAMSum paper -----------


def lead3(dialogue: str) -> str:
    return "\n".join(f"{who}: {text}" for who, text in dialogue_lines(dialogue)[:3])


def longest3(dialogue: str) -> str:
    lines = dialogue_lines(dialogue)
    keep = sorted(sorted(range(len(lines)), key=lambda i: -len(lines[i][1].split()))[:3])
    return "\n".join(f"{lines[i][0]}: {lines[i][1]}" for i in keep)


def lexrank3(dialogue: str, threshold: float = 0.1) -> str:
    """LexRank (Erkan & Radev 2004) over utterances, tf-idf cosine graph, top 3 kept in order."""
    lines = dialogue_lines(dialogue)
    bags = [Counter(re.findall(r"\w+", text.lower())) for _, text in lines]
    n = len(bags)
    df = Counter(w for bag in bags for w in bag)
    idf = {w: math.log(n / df[w]) + 1.0 for w in df}
    vectors = [{w: c * idf[w] for w, c in bag.items()} for bag in bags]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]
    adjacency = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            sim = sum(vectors[i][w] * vectors[j].get(w, 0.0) for w in vectors[i]) / (norms[i] * norms[j])
            adjacency[i][j] = 1.0 if sim > threshold else 0.0
    rows = [sum(row) or 1.0 for row in adjacency]
    scores = [1.0 / n] * n
    for _ in range(50):
        scores = [0.15 / n + 0.85 * sum(scores[j] * adjacency[j][i] / rows[j] for j in range(n)) for i in range(n)]
    keep = sorted(sorted(range(n), key=lambda i: -scores[i])[:3])
    return "\n".join(f"{lines[i][0]}: {lines[i][1]}" for i in keep)


def ours(dialogue: str) -> str:
    # min_messages=1: every benchmark dialogue gets a summary (the bot says "nothing yet" below 3).
    return summarize(to_thread(dialogue), min_messages=1).tldr


SYSTEMS = {"ours": ours, "lead3": lead3, "longest3": longest3, "lexrank": lexrank3}


def references_of(row: dict) -> list[str]:
    """One reference (`summary`), or several (`summary1`, `summary2`, ... in DialogSum's test split)."""
    if "summary" in row:
        return [row["summary"]]
    return [row[key] for key in sorted(row) if re.fullmatch(r"summary\d+", key)]


def score_dataset(rows: list[dict], scorer) -> dict:
    totals = {name: {m: 0.0 for m in METRICS} for name in SYSTEMS}
    seconds = 0.0
    for row in rows:
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            candidate = system(row["dialogue"])
            if name == "ours":
                seconds += time.perf_counter() - started
            references = references_of(row)
            for reference in references:
                scores = scorer.score(reference, candidate)
                for m in METRICS:
                    totals[name][m] += scores[m].fmeasure / len(references)
    n = len(rows)
    return {
        "n": n,
        "rouge": {name: {m: 100 * v / n for m, v in by_metric.items()} for name, by_metric in totals.items()},
        "threads_per_second": n / seconds if seconds else float("inf"),
    }


def long_thread_speed(messages: int = 2000) -> dict:
    """Time and peak memory for one synthetic thread of `messages` messages."""
    people = ["Maria", "Ken", "Ana", "Luis", "Priya"]
    templates = [
        "I think we should move the launch to {d}, the QA backlog for build {n} is too big.",
        "Agreed, {d} works for me.",
        "@Ken can you update the roadmap for release {n} by Friday?",
        "I'll send the numbers for sprint {n} to marketing tomorrow.",
        "Does anyone know who owns the billing service {n}?",
        "Let's go with option {n}, it is cheaper and faster to ship.",
        "See ```make deploy-{n}``` and https://example.com/runbook/{n} for the details.",
    ]
    days = ["Monday", "Tuesday", "May", "June", "the 3rd"]
    thread = [
        Utterance(str(i), people[i % len(people)], templates[i % len(templates)].format(n=i, d=days[i % len(days)]))
        for i in range(messages)
    ]
    started = time.perf_counter()
    summarize(thread)
    seconds = time.perf_counter() - started
    tracemalloc.start()  # a second run, traced: tracing slows it down
    summarize(thread)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"messages": messages, "seconds": seconds, "messages_per_second": messages / seconds,
            "peak_mib": peak / 2**20}


NAMES = {"ours": "offline engine", "lead3": "Lead-3", "longest3": "Longest-3", "lexrank": "LexRank"}


def print_table(dataset: str, result: dict) -> None:
    rouge = result["rouge"]
    print(f"\n{dataset} ({result['n']} dialogues)")
    print(f"{'system':<16}{'R-1':>7}{'R-2':>7}{'R-L':>7}")
    for name in SYSTEMS:
        r = rouge[name]
        print(f"{NAMES[name]:<16}{r['rouge1']:7.2f}{r['rouge2']:7.2f}{r['rougeL']:7.2f}")
    for base in ("lead3", "longest3", "lexrank"):
        ratios = "".join(f"{rouge['ours'][m] / rouge[base][m]:7.2f}" for m in METRICS)
        print(f"{'ours / ' + NAMES[base]:<16}{ratios}")
    print(f"throughput: {result['threads_per_second']:.0f} threads/s (offline engine, one core)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--dataset", choices=["samsum", "dialogsum", "all"], default="all")
    parser.add_argument("--limit", type=int, default=0, help="first N dialogues only (quick runs)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("rouge-score is missing: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    figures: dict = {"split": args.split}
    for dataset, file in SPLITS[args.split].items():
        if args.dataset not in ("all", dataset):
            continue
        path = eval_dir() / file
        if not path.exists():
            print(f"missing {path} (set EVAL_DIR)", file=sys.stderr)
            return 2
        rows = load(path)[: args.limit or None]
        figures[dataset] = score_dataset(rows, scorer)
        print_table(f"{dataset} {args.split}", figures[dataset])
    figures["long_thread"] = long_thread_speed()
    lt = figures["long_thread"]
    print(f"\nsynthetic {lt['messages']}-message thread: {lt['seconds']:.3f} s "
          f"({lt['messages_per_second']:.0f} messages/s), peak {lt['peak_mib']:.1f} MiB traced")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
