"""Lay haskell-jp's published Slack log out as a Slack export (the layout `etiquette` reads).

haskell-jp/slack-log keeps each channel's history as numbered pages (`doc/json/<channel id>/<n>.json`,
each a JSON list of messages as its logger fetched them: `ts`, `text`, `user`, `type`), the channels as
`{id: name}` (`doc/json/.channels.json`) and the people as `{id: handle}` (`doc/json/.users.json`).
`raw/` beside this script holds verbatim copies of some of those files (see README.md). This script
writes `export/` from them, the way Slack lays out an export:

- `channels.json`: every channel of the raw list, `{"id", "name"}`, in the raw list's order (channels
  with no messages in the sample have no folder, as in a real export of a quiet period);
- `users.json`: `{"id", "name"}` per person of the raw map (a handle only: the log kept no display names);
- `<channel name>/YYYY-MM-DD.json`: the messages of each page, grouped by their day in UTC (as Slack's
  exports are), in `ts` order, each message byte-for-byte the object it was in the page.

Run it from anywhere: `python tests/data/real_exports/haskell-jp/convert.py`. It rewrites `export/` whole.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(out: Path = HERE / "export") -> None:
    """Write the export to `out` (the committed `export/` by default) from `raw/`."""
    raw = HERE / "raw"
    channels: dict[str, str] = json.loads((raw / "channels.json").read_text(encoding="utf-8"))
    users: dict[str, str] = json.loads((raw / "users.json").read_text(encoding="utf-8"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    _write(out / "channels.json", [{"id": cid, "name": name} for cid, name in channels.items()])
    _write(out / "users.json", [{"id": uid, "name": name} for uid, name in users.items()])
    for folder in sorted(p for p in raw.iterdir() if p.is_dir()):
        if folder.name not in channels.values():
            raise SystemExit(f"{folder}: no channel of that name in raw/channels.json")
        days: dict[str, list[dict]] = defaultdict(list)
        for page in sorted(folder.glob("*.json"), key=lambda p: int(p.stem)):
            for message in json.loads(page.read_text(encoding="utf-8")):
                day = datetime.fromtimestamp(float(message["ts"]), timezone.utc).date().isoformat()
                days[day].append(message)
        for day, messages in days.items():
            messages.sort(key=lambda m: float(m["ts"]))
            _write(out / folder.name / f"{day}.json", messages)


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=4) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
