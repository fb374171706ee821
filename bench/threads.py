"""Reply-link benchmark on the Ubuntu IRC disentanglement data (Kummerfeld et al. 2019).

    .venv/bin/python -m bench.threads --split dev     # tuning split
    .venv/bin/python -m bench.threads --split test    # held-out split, final figures only

Each file is converted with the data's own `irc/to_messages.py`, so every evaluation sees the same
input. Metric as in the paper: precision/recall/F1 over (child, parent) links for annotated lines,
"starts a conversation" counted as a self-link. Baselines run in the same process on the same
input. Data is read from $EVAL_DIR (default ../shared/eval, relative to the repository root).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

from skills.threads.links import (
    ChannelMessage,
    channel_message,
    default_model,
    reply_links,
)
from skills.threads.nudges import reply_outside_thread_nudges

REPO_ROOT = Path(__file__).resolve().parents[1]
SPLITS = {"train": "irc/train", "dev": "irc/dev", "test": "heldout/irc-test"}


def eval_dir() -> Path:
    return (REPO_ROOT / os.environ.get("EVAL_DIR", "../shared/eval")).resolve()


def converter():
    path = eval_dir() / "irc" / "to_messages.py"
    spec = importlib.util.spec_from_file_location("irc_to_messages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_split(split: str) -> list[tuple[str, list[ChannelMessage], dict[int, set[int]]]]:
    """(name, messages, gold links line→parent lines) per file of the split."""
    folder = eval_dir() / SPLITS[split]
    if not folder.is_dir():
        raise SystemExit(f"missing {folder} (set EVAL_DIR)")
    conv = converter()
    out = []
    for ascii_path in sorted(folder.glob("*.ascii.txt")):
        raw = conv.to_messages(str(ascii_path))
        gold = conv.gold_links(str(ascii_path).replace(".ascii.txt", ".annotation.txt"))
        out.append((ascii_path.name.split(".")[0], [channel_message(m) for m in raw], gold))
    return out


# ---- predictors: each returns line -> parent line (itself for "starts a conversation") -----------


def predict_ours(messages: list[ChannelMessage]) -> dict[int, int]:
    links = reply_links(messages)
    index = {m.ts: k for k, m in enumerate(messages)}
    return {k: index[link.parent_ts] if link.parent_ts else k for k, link in enumerate(links)}


def predict_previous(messages: list[ChannelMessage]) -> dict[int, int]:
    return {k: max(k - 1, 0) for k in range(len(messages))}


def predict_new(messages: list[ChannelMessage]) -> dict[int, int]:
    return {k: k for k in range(len(messages))}


def predict_mention(messages: list[ChannelMessage], fallback_previous: bool = True) -> dict[int, int]:
    """Last message by someone the author mentions, else the previous message (or itself)."""
    from skills.threads.text import mentioned_users

    known = {m.user.lower(): m.user for m in messages}
    last_by: dict[str, int] = {}
    out = {}
    for k, m in enumerate(messages):
        found, addressed = mentioned_users(m.text, known)
        targets = [addressed] if addressed else sorted(found, key=lambda u: -last_by.get(u, -1))
        parent = next((last_by[u] for u in targets if u in last_by and u != m.user), None)
        out[k] = parent if parent is not None else (max(k - 1, 0) if fallback_previous else k)
        last_by[m.user] = k
    return out


PREDICTORS = {
    "ours": predict_ours,
    "previous message": predict_previous,
    "new conversation": predict_new,
    "mention else previous": predict_mention,
    "mention else new": lambda ms: predict_mention(ms, fallback_previous=False),
}


def score(files, predictor) -> dict:
    tp = n_pred = n_gold = 0
    for _, messages, gold in files:
        predicted = predictor(messages)
        for child, parents in gold.items():
            n_pred += 1
            n_gold += len(parents)
            tp += predicted[child] in parents
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(p + r, 1e-12)}


def nudge_precision(files, threshold: float) -> dict:
    """Reply-outside-thread nudges on annotated lines: right parent (and a real reply) / nudges fired."""
    fired = right = replies = 0
    for _, messages, gold in files:
        links = reply_links(messages)
        index = {m.ts: k for k, m in enumerate(messages)}
        nudged = {n.ts for n in reply_outside_thread_nudges(messages, links, threshold=threshold)}
        for child, parents in gold.items():
            is_reply = any(p != child and messages[p].user != messages[child].user for p in parents)
            replies += is_reply
            if messages[child].ts in nudged:
                fired += 1
                parent = index[links[child].parent_ts]
                right += parent in parents and parent != child
    return {"threshold": threshold, "nudges": fired, "precision": right / max(fired, 1),
            "recall": right / max(replies, 1), "replies": replies}


def throughput(files, repeats: int = 3) -> tuple[float, float]:
    """Messages per second of `reply_links`, best of `repeats`: by the wall clock, and by this process's
    CPU time (steadier when other jobs share the machine; scoring uses one core either way)."""
    count = sum(len(ms) for _, ms, _ in files)
    wall = cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _, ms, _ in files:
            reply_links(ms)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return count / wall, count / cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--threshold", type=float, default=None, help="nudge threshold (default: the model's)")
    parser.add_argument("--sweep", action="store_true", help="also print nudge precision across thresholds")
    args = parser.parse_args(argv)
    files = load_split(args.split)
    model = default_model()
    annotated = sum(len(g) for _, _, g in files)
    print(f"split {args.split}: {len(files)} files, {annotated} annotated lines, window {model.window}")
    results = {name: score(files, fn) for name, fn in PREDICTORS.items()}
    print(f"\n{'predictor':<24}{'P':>8}{'R':>8}{'F1':>8}{'F1 ours/this':>15}")
    for name, r in results.items():
        ratio = results["ours"]["f1"] / max(r["f1"], 1e-12)
        print(f"{name:<24}{100 * r['precision']:8.2f}{100 * r['recall']:8.2f}{100 * r['f1']:8.2f}{ratio:15.2f}")
    thresholds = [args.threshold if args.threshold is not None else model.nudge_threshold]
    if args.sweep:
        thresholds += [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]
    print("\nreply-outside-thread nudge (annotated lines; a nudge is right when its parent is a gold parent)")
    for t in thresholds:
        nud = nudge_precision(files, t)
        print(f"  threshold {t:.2f}: {nud['nudges']} nudges, precision {100 * nud['precision']:.2f}, "
              f"recall {100 * nud['recall']:.2f} of {nud['replies']} replies to someone else")
    wall, cpu = throughput(files)
    print(f"\nthroughput: {wall:,.0f} messages/second wall, {cpu:,.0f} per CPU-second (reply_links, one "
          f"process, best of 3, {sum(len(ms) for _, ms, _ in files)} messages incl. context lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
