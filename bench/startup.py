"""Start-up benchmark: whole `etiquette` processes (a 100-message digest, `when`) against bare interpreters.

    .venv/bin/python -m bench.startup                # 15 rounds
    .venv/bin/python -m bench.startup --rounds 30 --messages 100
    .venv/bin/python -m bench.startup --before /tmp/old   # also the commands of another checkout, same rounds

Each round runs every command once, in turn, as a fresh process: the baselines `python -c pass` and
`python -c "import json"`, then `etiquette digest EXPORT --channel general` on a 100-message export from
`bench.digest_export` (generated into a temporary folder), then `etiquette when 'tomorrow 9am' --tz
Europe/Berlin`. Alternating the commands round by round means a busy minute slows all of them alike.
Per command: median and minimum wall time (`time.perf_counter` around the child) and median CPU seconds
(user + system, from `resource.getrusage(RUSAGE_CHILDREN)`, which load inflates less than wall), and the
ratio of each median to `python -c pass`'s. One warm-up round first, and children may write bytecode
(`PYTHONDONTWRITEBYTECODE` is dropped from their environment), so no round pays for compiling sources:
an installed package has its bytecode too. `--before DIR` adds the two `etiquette` commands run from another
checkout (e.g. `git archive COMMIT | tar -x -C DIR`), interleaved in the same rounds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.digest_export import CHANNEL, generate_export

REPO_ROOT = Path(__file__).resolve().parents[1]
CLI = "from bot.cli import app; app()"  # `python -c` puts the working directory, the checkout, first on sys.path


def commands(export: Path, before: Path | None) -> dict[str, tuple[list[str], Path]]:
    """Each command's argv and the checkout it runs in."""
    python = sys.executable
    todo = {"python -c pass": ([python, "-c", "pass"], REPO_ROOT),
            'python -c "import json"': ([python, "-c", "import json"], REPO_ROOT)}
    for label, tree in ((" (before)", before), ("", REPO_ROOT)):
        if tree is not None:
            todo[f"etiquette digest, {export.name}{label}"] = (
                [python, "-c", CLI, "digest", str(export), "--channel", CHANNEL], tree)
            todo[f"etiquette when 'tomorrow 9am'{label}"] = (
                [python, "-c", CLI, "when", "tomorrow 9am", "--tz", "Europe/Berlin"], tree)
    return todo


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(export: Path, rounds: int, before: Path | None) -> dict[str, dict[str, float]]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    todo = commands(export, before)
    for argv, cwd in todo.values():  # warm-up: bytecode written, files in the page cache
        run_once(argv, cwd, env)
    walls: dict[str, list[float]] = {name: [] for name in todo}
    cpus: dict[str, list[float]] = {name: [] for name in todo}
    for _ in range(rounds):
        for name, (argv, cwd) in todo.items():
            wall, cpu = run_once(argv, cwd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: {"wall_median": statistics.median(walls[name]), "wall_min": min(walls[name]),
                   "cpu_median": statistics.median(cpus[name])} for name in todo}


def report(results: dict[str, dict[str, float]], rounds: int) -> None:
    base = results["python -c pass"]
    load = os.getloadavg()[0]
    print(f"{rounds} rounds, load average {load:.1f}")
    print("| command | wall s, median | wall s, min | CPU s, median | wall ÷ `python -c pass` | CPU ÷ `python -c pass` |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, row in results.items():
        print(f"| `{name}` | {row['wall_median']:.3f} | {row['wall_min']:.3f} | {row['cpu_median']:.3f} | "
              f"{row['wall_median'] / base['wall_median']:.1f} | {row['cpu_median'] / max(base['cpu_median'], 1e-3):.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--messages", type=int, default=100, help="messages in the digested export")
    parser.add_argument("--before", type=Path, help="another checkout whose commands run in the same rounds")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="startup-export-") as scratch:
        export = generate_export(Path(scratch) / f"{args.messages}-messages", args.messages)
        report(measure(export, args.rounds, args.before and args.before.resolve()), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
