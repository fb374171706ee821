"""A 10 MB Slack message through every command: `summarize` (as a thread root and alone), `analyze`, `digest`.

Each command runs in this process (start-up and imports are not counted: they are the same for any input)
on a day file whose first message is SIZE bytes of prose, and, in the same run, on the same day file with
an ordinary first message: the ratio is what the huge message costs. Every run gets new text, so no
cache answers; medians of `--repeat` runs.

    .venv/bin/python -m bench.huge_message [--mb 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from adapters.slack.export_analyze import analyze_file
from adapters.slack.export_digest import digest_export
from adapters.slack.export_summarize import summarize_files

T0 = 1794819600  # Monday 2026-11-16 09:00 UTC
WORDS = ("the release deploy we should move ship thursday because tests pass and the changelog needs review "
         "on the py.test branch").split()


def export(root: Path, first_text: str) -> Path:
    """A one-channel export whose day file is a thread: the root (`first_text`) and two replies."""
    (root / "general").mkdir(parents=True)
    (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general", "members": ["U1", "U2"]}]))
    (root / "users.json").write_text(json.dumps([{"id": "U1", "name": "ana", "tz": "Europe/Berlin"},
                                                 {"id": "U2", "name": "bob", "tz": "America/New_York"}]))
    root_ts = f"{T0}.000100"
    day = [{"type": "message", "user": "U1", "text": first_text, "ts": root_ts, "thread_ts": root_ts, "reply_count": 2},
           {"type": "message", "user": "U2", "text": "Agreed, let's ship it on Thursday.", "ts": f"{T0 + 60}.000100",
            "thread_ts": root_ts},
           {"type": "message", "user": "U1", "text": "I'll tag the release today.", "ts": f"{T0 + 120}.000100",
            "thread_ts": root_ts}]
    (root / "general" / "2026-11-16.json").write_text(json.dumps(day))
    (root / "alone.json").write_text(json.dumps([{**day[0], "thread_ts": None}]))
    return root


def prose(size: int, seed: int = 1) -> str:
    rng, parts, length = random.Random(seed), [], 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ". "
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts)[:size]


def timed(run) -> float:
    sink = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        code = run()
    elapsed = time.perf_counter() - start
    assert code == 0, sink.getvalue()[-500:]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    commands = {
        "summarize (thread root)": lambda root: summarize_files([root / "general" / "2026-11-16.json"]),
        "summarize (alone)": lambda root: summarize_files([root / "alone.json"]),
        "analyze": lambda root: analyze_file(root / "alone.json", as_json=True),
        "digest": lambda root: digest_export(root, "general", "2026-W47", progress=False),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):  # new text each time: nothing is answered from a cache
            huge = export(Path(tmp) / f"huge{k}", prose(int(args.mb * 1_000_000), seed=k))
            small = export(Path(tmp) / f"small{k}", f"Can we ship the py.test upgrade on Thursday? Run {k} passed.")
            for name, command in commands.items():
                times[name].append((timed(lambda: command(small)), timed(lambda: command(huge))))
    print(f"| command | ordinary message s | {args.mb:g} MB message s | ratio |")
    print("|---|---:|---:|---:|")
    for name, pairs in times.items():
        ordinary, big = (statistics.median(p[i] for p in pairs) for i in (0, 1))
        print(f"| {name} | {ordinary:.3f} | {big:.3f} | {big / ordinary:.0f} |")


if __name__ == "__main__":
    main()
