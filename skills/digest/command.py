"""`etiquette digest EXPORT_DIR --channel NAME [--week YYYY-Www] [--json] [--chart FILE.png]`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from skills.digest.build import build_digest
from skills.digest.chart import activity_chart_png, chart_day
from skills.digest.export import ExportError, Week, latest_week, open_export


def digest_export(
    export_dir: Path, channel: str, week: str | None = None, as_json: bool = False, chart: Path | None = None,
    out: Callable[[str], None] = print, err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Print the digest of `channel`'s week (default: the latest week in the export). Returns the exit code."""
    try:
        export = open_export(export_dir)
        days = export.days(channel)
        chosen = Week.parse(week) if week else latest_week(days)
        if not any(Week.of(day) == chosen for day in days):
            raise ExportError(f"channel {channel!r} has no messages in {chosen} "
                              f"(day files from {days[0]} to {days[-1]})" if days else
                              f"channel {channel!r} has no day files")
        members = export.members(channel)
        digest = build_digest(export.week_messages(channel, chosen), export.users, channel, str(chosen),
                              members=members, as_of=chosen.end)
    except ExportError as error:
        err(f"etiquette digest: {error}")
        return 2
    if chart is not None:
        png = activity_chart_png(digest.hourly, members or list(export.users.values()), digest.zone,
                                 chart_day(chosen.monday), title=f"#{digest.channel}, {chosen}")
        try:
            Path(chart).write_bytes(png)
        except OSError as error:
            err(f"etiquette digest: cannot write the chart to {chart} ({error.strerror})")
            return 2
    out(json.dumps(digest.to_json(), ensure_ascii=False, indent=2) if as_json else digest.as_markdown())
    return 0
