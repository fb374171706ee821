"""Synthetic Slack exports and the `etiquette digest` streaming benchmark (time and peak RSS for one week).

    .venv/bin/python -m bench.digest_export                          # both modes, generated into a temp dir
    .venv/bin/python -m bench.digest_export --mode top-level --out DIR  # one mode; DIR kept and reused
    .venv/bin/python -m bench.digest_export --messages 5000 --out DIR --generate-only

The export has users.json, channels.json and `general/<YYYY-MM-DD>.json` day files; all messages fall in
one ISO week (the stress case: the digest reads every one of them). Two shapes of channel: "threads"
(1,000,000 messages, most of them thread replies) and "top-level" (210,000 messages from 5 people,
almost all posted in the channel itself: every one is scored by the reply-link model). Generation is deterministic for a
seed. The benchmark runs the CLI's own `digest_export` in a fresh child process (so its peak RSS,
`resource.getrusage(RUSAGE_SELF).ru_maxrss`, is the digest's alone) and, in another fresh child, the
baseline: `json.loads` of every day file of the week, one at a time, nothing kept.
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock
from pathlib import Path

CHANNEL = "general"
WEEK_MONDAY = date(2026, 11, 16)  # 2026-W47
ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London", "America/Los_Angeles",
         "Asia/Kolkata", "Australia/Sydney", None)
FIRST = ("Ana", "Bob", "Kenji", "Dee", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kai", "Lena", "Mo",
         "Nia", "Omar", "Pia", "Raj", "Sara", "Tom", "Uma", "Vic", "Wen", "Yara", "Zoe")
TOPICS = ("the release", "the changelog", "the on-call rota", "the billing migration", "the login bug",
          "the API docs", "the design review", "the staging database", "the Q4 roadmap", "the flaky tests",
          "the support queue", "the CI pipeline", "the pricing page", "the mobile build", "the data export")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OPENERS = (
    "Can someone look at {t}? It broke again this morning.",
    "Who owns {t} for December?",
    "Heads up: {t} is behind schedule, we need to talk about it.",
    "I pushed a first draft of {t}, reviews welcome.",
    "What should we do about {t} before {d}?",
    "Quick update on {t}: most of it is done, two items left.",
    "Is anyone else seeing problems with {t}?",
    "Proposal: we split {t} into two smaller pieces.",
)
REPLIES = (
    "I can take a look after lunch.",
    "Same here, it failed twice for me.",
    "Let's go with the smaller option then.",
    "Decision: we ship {t} on {d}.",
    "We decided to keep {t} as it is for now.",
    "I'll take {t} and report back by {d}.",
    "Could you share the logs?",
    "Sounds good to me.",
    "Not sure, maybe ask the platform team?",
    "Agreed, {t} can wait until next week.",
    "I'll write the summary for {t} today.",
    "Thanks, that fixed it.",
    "Why did we change {t} in the first place?",
    "The numbers look fine, see the dashboard.",
)
LONE = ("Does anyone know where the {t} notes live?", "Has {t} been reviewed yet?", "Morning all, coffee is on.",
        "FYI {t} is done.", "Lunch at noon?", "Nice work on {t} everyone!")
BROADCAST = "<!here> reminder: {t} review starts in 10 minutes."
MODES = {"threads": 0.7, "top-level": 0.02}  # share of posts that start a thread
EMOJI = ("+1", "eyes", "tada", "white_check_mark", "heart", "rocket")


def users_json(count: int) -> list[dict]:
    out = []
    for k in range(count):
        first = FIRST[k % len(FIRST)] + ("" if k < len(FIRST) else str(k // len(FIRST)))
        out.append({"id": f"U{k:05d}", "name": first.lower(), "real_name": f"{first} Example",
                    "tz": ZONES[k % len(ZONES)], "is_bot": False,
                    "profile": {"display_name": first, "real_name": f"{first} Example"}})
    out.append({"id": "UBOT00001", "name": "deploybot", "is_bot": True, "profile": {"display_name": "deploybot"}})
    return out


def generate_export(root: Path, messages: int, seed: int = 7, people: int = 200, days: int = 7,
                    mode: str = "threads") -> Path:
    """Write a Slack export of `messages` messages in #general over `days` days from 2026-11-16; returns `root`.

    Messages come in time order; a top-level post plans its thread (length, repliers, times) up front,
    so replies land in later day files like in a real export and `reply_count` is right from the start.
    `mode` "threads": about 70 % of posts start a thread; "top-level": people talk in the channel itself
    (one post in 50 gets a thread), the case the reply-link model works hardest on.
    """
    thread_share = MODES[mode]
    rng = random.Random(seed)
    root = Path(root)
    folder = root / CHANNEL
    folder.mkdir(parents=True, exist_ok=True)
    users = users_json(people)
    humans = [u["id"] for u in users if not u["is_bot"]]
    (root / "users.json").write_text(json.dumps(users, indent=1), encoding="utf-8")
    channels = [{"id": "C00001", "name": CHANNEL, "created": 1700000000, "members": [u["id"] for u in users],
                 "topic": {"value": "Team chat"}, "purpose": {"value": ""}},
                {"id": "C00002", "name": "random", "created": 1700000000, "members": humans[:10],
                 "topic": {"value": ""}, "purpose": {"value": ""}}]
    (root / "channels.json").write_text(json.dumps(channels, indent=1), encoding="utf-8")
    (root / "random").mkdir(exist_ok=True)

    start = datetime.combine(WEEK_MONDAY, clock(0), tzinfo=timezone.utc).timestamp()
    span = days * 86400.0
    step = 0.97 * span / max(messages, 1)  # mean gap between consecutive messages
    pending: list[tuple[float, int, dict]] = []  # (when, order, reply) planned replies
    order = 0
    now = start
    written = 0
    day_messages: list[dict] = []
    day_end = start + 86400.0
    last_ts = 0.0

    def flush() -> None:
        nonlocal day_messages
        if day_messages:
            name = datetime.fromtimestamp(day_end - 86400.0, tz=timezone.utc).date().isoformat()
            (folder / f"{name}.json").write_text(json.dumps(day_messages, ensure_ascii=False), encoding="utf-8")
        day_messages = []

    while written < messages:
        now += rng.expovariate(1.0 / step)
        if pending and pending[0][0] <= now:
            when, _, message = heapq.heappop(pending)
        else:
            when, message = now, None
        when = max(when, last_ts + 1e-6)  # strictly increasing ts, as Slack guarantees in a channel
        if when >= start + span:
            when = last_ts + 1e-6  # squeeze a late tail into the last day rather than lose messages
        while when >= day_end:
            flush()
            day_end += 86400.0
        ts = f"{when:.6f}"
        last_ts = float(ts)
        if message is None:
            message, replies = _top_level(rng, humans, ts, when, thread_share)
            for k, reply in enumerate(replies):
                order += 1
                heapq.heappush(pending, (when + rng.uniform(30, 3600) * (k + 1) ** 0.7, order, reply))
        message["ts"] = ts
        day_messages.append(message)
        written += 1
    flush()
    return root


def _text(rng: random.Random, pattern: str) -> str:
    return pattern.format(t=rng.choice(TOPICS), d=rng.choice(DAYS))


def _reactions(rng: random.Random, humans: list[str]) -> list[dict]:
    out = []
    for name in rng.sample(EMOJI, rng.choice((1, 1, 2))):
        who = rng.sample(humans, rng.randint(1, 4))
        out.append({"name": name, "users": who, "count": len(who)})
    return out


def _top_level(rng: random.Random, humans: list[str], ts: str, when: float,
               thread_share: float) -> tuple[dict, list[dict]]:
    """A top-level message and its planned replies (their `ts` is set when they are written)."""
    author = rng.choice(humans)
    kind = rng.random()
    if kind < 0.01:
        return {"type": "message", "subtype": "channel_join", "user": author, "text": f"<@{author}> has joined"}, []
    if kind < 0.02:
        return {"type": "message", "subtype": "bot_message", "bot_id": "B0001", "username": "deploybot",
                "text": f"Deployed build {rng.randint(1000, 9999)} to staging."}, []
    if kind < 0.025:
        return {"type": "message", "user": author, "text": _text(rng, BROADCAST)}, []
    message = {"type": "message", "user": author}
    if kind < 0.30 or (thread_share < 0.7 and rng.random() >= thread_share / 0.7):
        message["text"] = _text(rng, rng.choice(LONE if kind < 0.30 else OPENERS + REPLIES))
        size = 0
    else:
        message["text"] = _text(rng, rng.choice(OPENERS))
        size = min(int(rng.expovariate(1 / 3.0)) + 1, 60)
    if rng.random() < 0.2:
        message["reactions"] = _reactions(rng, humans)
    if not size:
        return message, []
    circle = [author] + rng.sample(humans, rng.randint(1, 5))
    replies = []
    for _ in range(size):
        reply = {"type": "message", "user": rng.choice(circle), "text": _text(rng, rng.choice(REPLIES)),
                 "thread_ts": ts, "parent_user_id": author}
        if rng.random() < 0.1:
            reply["reactions"] = _reactions(rng, humans)
        replies.append(reply)
    message.update(thread_ts=ts, reply_count=size, reply_users=sorted(set(r["user"] for r in replies)),
                   reply_users_count=len(set(r["user"] for r in replies)))
    return message, replies


# ---- benchmark -------------------------------------------------------------------------------------------


def run_digest(export: Path, week: str) -> dict:
    """The CLI's code path in this process: `digest_export` with `--json`, output discarded but checked."""
    from adapters.slack.export_digest import digest_export

    printed: list[str] = []
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
    started = time.perf_counter()
    code = digest_export(export, CHANNEL, week, as_json=True, out=printed.append, err=lambda line: None)
    seconds = time.perf_counter() - started
    digest = json.loads(printed[0]) if printed else {}
    return {"code": code, "seconds": seconds, "messages": digest.get("stats", {}).get("messages"),
            "threads": len(digest.get("threads", [])), "decisions": len(digest.get("decisions", [])),
            "open_questions": len(digest.get("open_questions", [])), "max_rss_mib": _max_rss_mib(),
            "worker_max_rss_mib": _max_rss_mib(resource.RUSAGE_CHILDREN), "workers": _workers(export, week),
            "cpu_main_s": _cpu_seconds(resource.RUSAGE_SELF) - cpu_before,
            "cpu_workers_s": _cpu_seconds(resource.RUSAGE_CHILDREN)}


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


_STARTUP_CPU = _cpu_seconds(resource.RUSAGE_SELF)  # the interpreter's start, not the baseline's work


def _workers(export: Path, week: str) -> int:
    """How many worker processes `digest_export` used for this week (0: all in one process)."""
    from adapters.slack.export_digest import PARALLEL_MIN_BYTES

    size = sum(p.stat().st_size for p in _week_files(export, week))
    return (os.cpu_count() or 1) if size >= PARALLEL_MIN_BYTES and (os.cpu_count() or 1) > 1 else 0


def run_baseline(export: Path, week: str) -> dict:
    """`json.loads` of each day file of the week, one at a time: the floor for any reader of this format."""
    started = time.perf_counter()
    count = 0
    for path in _week_files(export, week):
        count += len(json.loads(path.read_text(encoding="utf-8")))
    return {"seconds": time.perf_counter() - started, "messages_read": count, "max_rss_mib": _max_rss_mib(),
            "cpu_s": _cpu_seconds(resource.RUSAGE_SELF) - _STARTUP_CPU}


def _week_files(export: Path, week: str) -> list[Path]:
    year, number = (int(part) for part in week.split("-W"))
    monday = date.fromisocalendar(year, number, 1)
    days = (monday + timedelta(days=k) for k in range(7))
    return [path for day in days if (path := export / CHANNEL / f"{day.isoformat()}.json").exists()]


def _max_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _in_child(mode: str, export: Path, week: str) -> dict:
    """Run one measurement in a fresh interpreter so peak RSS belongs to it alone."""
    done = subprocess.run([sys.executable, "-m", "bench.digest_export", "--child", mode, "--out", str(export),
                           "--week", week], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# Each mode's export as the issue measures it: (messages, people).
MODE_SIZES = {"threads": (1_000_000, 200), "top-level": (210_000, 5)}


def measure(mode: str, export: Path, messages: int, people: int, seed: int, week: str) -> dict:
    """Generate `export` if it is not there yet, then the baseline and the digest, each in its own child."""
    if not (export / "channels.json").exists():
        started = time.perf_counter()
        generate_export(export, messages, seed=seed, people=people, mode=mode)
        size = sum(p.stat().st_size for p in (export / CHANNEL).iterdir()) / 2**20
        print(f"generated {mode}: {messages:,} messages, {people} people ({size:,.0f} MiB of day files) in {export} "
              f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return {"mode": mode, "baseline": _in_child("baseline", export, week), "digest": _in_child("digest", export, week)}


def report(result: dict) -> None:
    baseline, digest = result["baseline"], result["digest"]
    print(f"\n{result['mode']} export: {baseline['messages_read']:,} messages in the week")
    print(f"{'':28}{'wall s':>9}{'peak RSS MiB':>14}")
    print(f"{'baseline (json.loads only)':28}{baseline['seconds']:9.2f}{baseline['max_rss_mib']:14.0f}")
    print(f"{'etiquette digest --json':28}{digest['seconds']:9.2f}{digest['max_rss_mib']:14.0f}")
    if digest["workers"]:
        print(f"{'  each of %d workers' % digest['workers']:28}{'':9}{digest['worker_max_rss_mib']:14.0f}")
    cpu = digest["cpu_main_s"] + digest["cpu_workers_s"]
    print(f"{'ratio (digest / baseline)':28}{digest['seconds'] / baseline['seconds']:9.2f}"
          f"{digest['max_rss_mib'] / baseline['max_rss_mib']:14.2f}")
    print(f"CPU s: baseline {baseline['cpu_s']:.2f}; digest {digest['cpu_main_s']:.1f} in the main process + "
          f"{digest['cpu_workers_s']:.1f} in workers, {cpu / baseline['cpu_s']:.1f} times the baseline "
          "(steadier than wall time when other jobs share the machine)")
    print(f"digest exit {digest['code']}: {digest['messages']:,} human messages counted, "
          f"{digest['threads']} top threads, {digest['decisions']} decisions, {digest['open_questions']} open questions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("both", *MODES), default="both",
                        help="threads: ~70%% of posts start a thread (1,000,000 messages, 200 people); "
                             "top-level: almost all posts at the top level (210,000 messages, 5 people)")
    parser.add_argument("--messages", type=int, help="messages per export (default: the mode's)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--people", type=int, help="people per export (default: the mode's)")
    parser.add_argument("--out", type=Path, help="export folder, kept and reused (with --mode both: one sub-folder "
                                                 "per mode; default: a temporary folder, removed after)")
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--week", default="2026-W47")
    parser.add_argument("--child", choices=("digest", "baseline"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run = run_digest if args.child == "digest" else run_baseline
        print(json.dumps(run(args.out, args.week)))
        return 0
    modes = list(MODES) if args.mode == "both" else [args.mode]
    code = 0
    with tempfile.TemporaryDirectory(prefix="slack-export-") as scratch:
        root = args.out or Path(scratch)
        for mode in modes:
            export = root / mode if args.mode == "both" else root
            messages, people = MODE_SIZES[mode]
            messages, people = args.messages or messages, args.people or people
            if args.generate_only:
                if not (export / "channels.json").exists():
                    generate_export(export, messages, seed=args.seed, people=people, mode=mode)
                continue
            result = measure(mode, export, messages, people, args.seed, args.week)
            report(result)
            code = code or result["digest"]["code"]
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
