"""The command line loads only what a command needs: heavy libraries stay unloaded until used.

Start-up time itself is measured in bench/RESULTS.md (timers do not belong in tests); this checks the
cause, which is deterministic: which modules a fresh interpreter has loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXPORT = Path(__file__).parent / "data" / "slack_export"
HEAVY = ("matplotlib", "sqlalchemy", "alembic", "aiohttp", "slack_bolt", "botbuilder", "pydantic", "pydantic_settings",
         "openai")


def loaded_after(code: str, packages_only: bool = True) -> set[str]:
    """Top-level packages (or all modules) a fresh interpreter has loaded after running `code`."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    return {m.split(".")[0] for m in modules} if packages_only else set(modules)


def run_cli(*args: str) -> str:
    """Code that runs `etiquette ARGS` to its end (its output goes before the module list)."""
    return f"from bot.cli import app\ntry:\n    app({list(args)!r})\nexcept SystemExit as done:\n    assert not done.code"


def test_the_digest_command_loads_no_store_web_chart_or_settings_libraries():
    modules = loaded_after(run_cli("digest", str(EXPORT), "--channel", "general", "--week", "2026-W47"), False)
    loaded = {m.split(".")[0] for m in modules}
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert "numpy" in loaded  # the reply-link model is part of every digest
    assert "numpy.ma" not in modules  # `np.unique` would import it (skills/threads/links.py's `_unique`)


def test_when_loads_neither_numpy_nor_the_store():
    loaded = loaded_after(run_cli("when", "tomorrow 9am", "--tz", "Europe/Berlin"))
    assert not loaded & {*HEAVY, "numpy", "scipy"}, loaded & {*HEAVY, "numpy", "scipy"}


def test_the_chart_loads_matplotlib_when_drawn():
    loaded = loaded_after("from skills.digest.chart import activity_chart_png\n"
                          "activity_chart_png([1] * 24, [], 'UTC', __import__('datetime').date(2026, 11, 16))")
    assert "matplotlib" in loaded
