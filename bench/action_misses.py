"""Where the offline engine's action-item misses come from, per batch of dev threads: one bucket per gold item.

    .venv/bin/python -m bench.action_misses                       # dev batches 520–559, 560–599, 600–629
    .venv/bin/python -m bench.action_misses --batch 600 630 -v    # one batch, with every item of every bucket

Each gold action item falls in the first bucket that holds for it (matching as bench.summarize_gold does it):
found (owner right / wrong); missed although a kept line matches it (that line went to another gold item: two
people's tasks merged into one line, or a restatement); missed, a kept line of the same owner says it in other
words (Dice 0.1–0.3); missed, a sentence of the thread matches it but the cue rules did not read it as a task;
only a whole message, or only two or three messages together, match it (a gold line summing up several
messages); nothing in the thread does.
Each unmatched line the engine wrote is a restatement of a found item, a near miss (Dice 0.15–0.3) or no task.
Only dev threads below `FRESH_FROM` are read (the fresh blind batches stay unseen).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from bench.summarize_gold import GOLD_DIR, THRESHOLD, _same_owner, engine, match, similarity, speaker_words
from bench.train_decisions import _number, training_threads
from skills.summarize.extractive import read_thread

NEAR = 0.15  # a spurious line this close to a gold item is the right task in other words
REWORDED = 0.1  # the same for a kept line of the gold item's owner
BATCHES = ((520, 560), (560, 600), (600, 630))  # the blind batches as the annotators wrote them


def buckets(thread) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(bucket, gold text) for each gold item and (bucket, line) for each unmatched line of the engine's summary."""
    names = speaker_words(thread)
    said, gold = engine(thread).action_items, thread.action_items
    pairs = match([p["text"] for p in said], [g["text"] for g in gold], THRESHOLD, names)
    by_gold, by_said = {j: i for i, j in pairs}, {i: j for i, j in pairs}
    reader = read_thread(thread.utterances).reader
    texts = [u.text for u in thread.utterances]
    out = []
    for j, g in enumerate(gold):
        def near(text: str, bar: float = THRESHOLD) -> bool:
            return similarity(text, g["text"], names) >= bar
        if j in by_gold:
            bucket = "found, owner right" if _same_owner(said[by_gold[j]]["owner"], g["owner"]) else "found, wrong owner"
        elif any(near(p["text"]) for p in said):
            bucket = "missed: the line that matches it went to another gold item (merged or restated)"
        elif any(i not in by_said and _same_owner(p["owner"], g["owner"]) and near(p["text"], REWORDED) for i, p in enumerate(said)):
            bucket = "missed: a kept line of its owner says it in other words (Dice 0.1-0.3)"
        elif reader and any(near(s.text) for s in reader.sentences):
            bucket = "missed: a sentence matches it, not read as a task by the rules"
        elif any(near(t) for t in texts):
            bucket = "missed: only a whole message matches it"
        elif any(near(" ".join(texts[a:a + w])) for w in (2, 3) for a in range(len(texts))):
            bucket = "missed: only 2-3 messages together match it (a summary)"
        else:
            bucket = "missed: nothing in the thread matches it"
        out.append((bucket, f"{g['owner']}: {g['text']}"))
    spurious = []
    for i, p in enumerate(said):
        if i in by_said:
            continue
        best = max((similarity(p["text"], g["text"], names) for g in gold), default=0.0)
        bucket = ("restates a gold item already found" if best >= THRESHOLD else
                  "near miss (Dice 0.15-0.3 to a gold item)" if best >= NEAR else "no gold task")
        spurious.append((bucket, f"{p['owner']}: {p['text']}"))
    return out, spurious


def report(threads, label: str, verbose: bool) -> None:
    missed, spurious = Counter(), Counter()
    examples = defaultdict(list)
    for thread in threads:
        items, extra = buckets(thread)
        for counter, rows in ((missed, items), (spurious, extra)):
            for bucket, text in rows:
                counter[bucket] += 1
                examples[bucket].append(f"{thread.name}  {text}")
    print(f"\n{label}: {len(threads)} threads, {sum(missed.values())} gold action items")
    for bucket, n in missed.most_common():
        print(f"{n:5d}  {bucket}")
    print(f"  {sum(spurious.values())} lines matching no gold item:")
    for bucket, n in spurious.most_common():
        print(f"{n:5d}  {bucket}")
    if verbose:
        for bucket, rows in examples.items():
            if bucket != "found, owner right":
                print(f"\n  {bucket}:\n" + "\n".join(f"    {r}" for r in rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--batch", type=int, nargs=2, metavar=("FROM", "TO"), help="threads FROM..TO-1 only")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the items of every bucket")
    args = parser.parse_args(argv)
    threads = training_threads(args.gold)
    for lo, hi in [tuple(args.batch)] if args.batch else BATCHES:
        part = [t for t in threads if lo <= _number(t.name) < hi]
        if part:
            report(part, f"{lo}–{hi - 1}", args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
