"""Reading a standard Slack export folder: users.json, channels.json and `<channel>/<YYYY-MM-DD>.json` day files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from bot.model import User

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")


class ExportError(ValueError):
    """The folder, channel or week cannot be used; the message says why."""


@dataclass(frozen=True)
class Week:
    """An ISO week, `2026-W48`: Monday to Sunday; its bounds are taken in UTC, like Slack's day files."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Week:
        match = _WEEK.match(text.strip())
        if not match:
            raise ExportError(f"week {text!r} should look like 2026-W48")
        year, number = int(match.group(1)), int(match.group(2))
        try:
            date.fromisocalendar(year, number, 1)
        except ValueError:
            raise ExportError(f"week {text!r} does not exist (ISO weeks run 01–52 or 53)") from None
        return cls(year, number)

    @classmethod
    def of(cls, day: date) -> Week:
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=k) for k in range(7)]

    @property
    def end(self) -> datetime:
        """Next Monday 00:00 UTC: the moment the week is over."""
        return datetime.combine(self.monday + timedelta(days=7), time(0), tzinfo=timezone.utc)

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"


@dataclass(frozen=True)
class SlackExport:
    root: Path
    channels: dict[str, dict]  # by name, as in channels.json
    users: dict[str, User]     # by id, from users.json

    def channel(self, name: str) -> dict:
        key = name.lstrip("#")
        if key not in self.channels:
            known = ", ".join(sorted(self.channels)) or "none"
            raise ExportError(f"no channel {name!r} in {self.root} (channels: {known})")
        return self.channels[key]

    def days(self, name: str) -> list[date]:
        """The dates that have a day file for channel `name`, oldest first."""
        folder = self.root / self.channel(name)["name"]
        if not folder.is_dir():
            raise ExportError(f"channel {name!r} has no folder of day files in {self.root}")
        return sorted(date.fromisoformat(m.group(1)) for p in folder.iterdir() if (m := _DAY_FILE.match(p.name)))

    def members(self, name: str) -> list[User]:
        """The channel's members as users (unknown ids kept, as users without a zone)."""
        ids = self.channel(name).get("members") or []
        return [self.users.get(uid) or User(id=uid) for uid in ids]

    def week_files(self, name: str, week: Week) -> list[Path]:
        """The week's day files for channel `name` that exist, oldest first."""
        folder = self.root / self.channel(name)["name"]
        return [path for day in week.days if (path := folder / f"{day.isoformat()}.json").exists()]

    def week_messages(self, name: str, week: Week) -> Iterator[dict]:
        """The week's messages, one day file at a time (a large export is never held whole)."""
        for path in self.week_files(name, week):
            yield from read_day(path)


def read_day(path: Path) -> list:
    """One day file's messages (a JSON list)."""
    return _read_list(path)


def open_export(root: Path) -> SlackExport:
    root = Path(root)
    if not root.is_dir():
        raise ExportError(f"{root}: no such folder")
    channels_file = root / "channels.json"
    if not channels_file.exists():
        raise ExportError(f"{root}: not a Slack export (no channels.json)")
    channels = {str(c["name"]): c for c in _read_list(channels_file) if isinstance(c, dict) and c.get("name")}
    users_file = root / "users.json"
    users = {}
    if users_file.exists():  # without it, people are shown by id
        users = {str(u["id"]): user_from_export(u) for u in _read_list(users_file) if isinstance(u, dict) and u.get("id")}
    return SlackExport(root, channels, users)


def latest_week(days: list[date]) -> Week:
    if not days:
        raise ExportError("the channel has no day files")
    return Week.of(days[-1])


def user_from_export(raw: dict) -> User:
    """A users.json entry: display name, else real name, else handle; Slack's `tz` (working hours: the default)."""
    profile = raw.get("profile") or {}
    name = profile.get("display_name") or raw.get("real_name") or profile.get("real_name") or raw.get("name") or raw["id"]
    return User(id=str(raw["id"]), name=str(name), tz=raw.get("tz") or None,
                is_bot=bool(raw.get("is_bot")) or raw.get("id") == "USLACKBOT")


def _read_list(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"{path}: cannot read ({error})") from None
    except json.JSONDecodeError as error:
        raise ExportError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(data, list):
        raise ExportError(f"{path}: expected a JSON list")
    return data
