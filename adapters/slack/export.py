"""A Slack export as Slack delivers it: a .zip, or the folder it unpacks to.

An export holds users.json, the conversation lists (channels.json, groups.json for private channels,
mpims.json for group DMs, dms.json for DMs) and one folder of day files (`YYYY-MM-DD.json`) per
conversation: named after the channel, or the DM's id. A zip is read in place, never unpacked.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from adapters.slack.messages import user_from_export
from bot.model import User

CONVERSATION_LISTS = ("channels.json", "groups.json", "mpims.json", "dms.json")
DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")


class ExportError(ValueError):
    """The export, a file in it, or a channel cannot be used; the message says which and why."""


@dataclass
class SlackArchive:
    """Files of an export by their path inside it (`general/2026-11-16.json`), from a folder or a zip."""

    path: Path
    _zip: zipfile.ZipFile | None = None
    _prefix: str = ""  # a zip made of the folder holds everything under one top folder
    _names: dict[str, int] = field(default_factory=dict)  # zip members → size

    @classmethod
    def open(cls, path: Path) -> SlackArchive:
        path = Path(path)
        if path.is_dir():
            archive = cls(path)
        elif path.is_file() and zipfile.is_zipfile(path):
            archive = cls._open_zip(path)
        elif path.exists():
            raise ExportError(f"{path}: not a Slack export (neither a folder nor a .zip)")
        else:
            raise ExportError(f"{path}: no such folder or .zip")
        if not any(archive.exists(name) for name in CONVERSATION_LISTS):
            raise ExportError(f"{path}: not a Slack export (no channels.json)")
        return archive

    @classmethod
    def _open_zip(cls, path: Path) -> SlackArchive:
        try:
            bundle = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(f"{path}: cannot open the zip ({error})") from None
        names = {info.filename: info.file_size for info in bundle.infolist() if not info.is_dir()}
        prefix = ""
        if not any(name in names for name in CONVERSATION_LISTS):
            tops = {PurePosixPath(name).parts[0] for name in names if "/" in name}
            if len(tops) == 1:
                prefix = f"{tops.pop()}/"
        return cls(path, bundle, prefix, names)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def exists(self, name: str) -> bool:
        return (self._prefix + name) in self._names if self._zip is not None else (self.path / name).is_file()

    def where(self, name: str) -> str:
        """How a file is named in messages to people: its path, or `export.zip:general/2026-11-16.json`."""
        return f"{self.path}:{name}" if self._zip is not None else str(self.path / name)

    def size(self, name: str) -> int:
        return self._names.get(self._prefix + name, 0) if self._zip is not None else (self.path / name).stat().st_size

    def files_in(self, folder: str) -> list[str]:
        """Names of the files directly in `folder` (relative to the export)."""
        if self._zip is None:
            base = self.path / folder
            return [f"{folder}/{p.name}" for p in base.iterdir() if p.is_file()] if base.is_dir() else []
        start = f"{self._prefix}{folder}/"
        return [n[len(self._prefix):] for n in self._names if n.startswith(start) and "/" not in n[len(start):]]

    def has_folder(self, folder: str) -> bool:
        if self._zip is None:
            return (self.path / folder).is_dir()
        start = f"{self._prefix}{folder}/"
        return any(n.startswith(start) for n in self._names)

    def read_json(self, name: str) -> Any:
        """A file's JSON; ExportError naming the file and saying what is wrong with it."""
        try:
            raw = self._zip.read(self._prefix + name) if self._zip is not None else (self.path / name).read_bytes()
        except (OSError, KeyError, zipfile.BadZipFile) as error:
            raise ExportError(f"{self.where(name)}: cannot read ({error})") from None
        return parse_json(raw, self.where(name))


def parse_json(raw: bytes, where: str) -> Any:
    """JSON from bytes (UTF-8, with or without a byte-order mark); ExportError saying what is wrong."""
    if not raw.strip():
        raise ExportError(f"{where}: empty file")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ExportError(f"{where}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise ExportError(f"{where}: not JSON ({error.msg} at line {error.lineno})") from None


@dataclass
class SlackExport:
    """An export's people and conversations, and its day files."""

    archive: SlackArchive
    conversations: dict[str, dict]  # by folder name; each dict as in its list, with "folder" added
    users: dict[str, User]          # by id, from users.json

    @property
    def root(self) -> Path:
        return self.archive.path

    def channel(self, key: str) -> dict:
        """A conversation by name, `#name` or id (C…, G…, D…)."""
        wanted = key.strip().lstrip("#")
        for conv in self.conversations.values():
            if wanted in (conv["folder"], conv.get("name"), conv.get("id")):
                return conv
        for conv in self.conversations.values():  # names are case-insensitive in Slack
            if wanted.lower() == str(conv.get("name") or "").lower():
                return conv
        known = ", ".join(sorted(self.conversations)) or "none"
        raise ExportError(f"no channel {key!r} in {self.root} (channels: {known})")

    def day_files(self, key: str) -> list[tuple[date, str]]:
        """A conversation's day files, oldest first, as (day, name in the export)."""
        folder = self.channel(key)["folder"]
        if not self.archive.has_folder(folder):
            raise ExportError(f"channel {key!r} has no folder of day files in {self.root}")
        out = []
        for name in self.archive.files_in(folder):
            match = DAY_FILE.match(PurePosixPath(name).name)
            if match:
                try:
                    out.append((date.fromisoformat(match.group(1)), name))
                except ValueError:
                    continue  # 2026-02-30.json is no day
        return sorted(out)

    def days(self, key: str) -> list[date]:
        """The days that have a day file for the conversation, oldest first."""
        return [day for day, _ in self.day_files(key)]

    def week_files(self, key: str, week: Any) -> list[str]:
        """The day files of `week` (anything with `.days`, e.g. skills.digest's Week) that exist, oldest first."""
        wanted = set(week.days)
        return [name for day, name in self.day_files(key) if day in wanted]

    def read_day(self, name: str) -> list:
        """One day file's messages (a JSON list); ExportError naming the file when it is not one."""
        data = self.archive.read_json(name)
        if not isinstance(data, list):
            raise ExportError(f"{self.archive.where(name)}: expected a JSON list of messages")
        return data

    def week_messages(self, key: str, week: Any) -> Iterator[dict]:
        """The week's raw messages, one day file at a time (a large export is never held whole)."""
        for name in self.week_files(key, week):
            yield from self.read_day(name)

    def members(self, key: str) -> list[User]:
        """The conversation's members as users (unknown ids kept, as users without a zone)."""
        ids = self.channel(key).get("members") or []
        return [self.users.get(uid) or User(id=uid) for uid in ids if isinstance(uid, str)]


def open_export(path: Path) -> SlackExport:
    """An export from its .zip or folder; ExportError if it is not one or its lists are unreadable."""
    archive = SlackArchive.open(path)
    conversations: dict[str, dict] = {}
    for list_name in CONVERSATION_LISTS:
        if not archive.exists(list_name):
            continue
        for conv in _json_list(archive, list_name):
            if isinstance(conv, dict) and (folder := conv.get("name") or conv.get("id")):
                conversations.setdefault(str(folder), {**conv, "folder": str(folder)})
    users = read_users(archive.read_json("users.json"), archive.where("users.json")) \
        if archive.exists("users.json") else {}
    return SlackExport(archive, conversations, users)


def read_users(data: Any, where: str) -> dict[str, User]:
    """users.json (a list of Slack users) or `{id: name}` → users by id."""
    if isinstance(data, dict):
        return {str(uid): User(id=str(uid), name=str(name)) for uid, name in data.items() if isinstance(name, str)}
    if not isinstance(data, list):
        raise ExportError(f"{where}: expected a list of users")
    return {str(u["id"]): user_from_export(u) for u in data if isinstance(u, dict) and u.get("id")}


def read_users_file(path: Path) -> dict[str, User]:
    """A users.json given on its own (`--users FILE`)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ExportError(f"{path}: cannot read ({error.strerror or error})") from None
    return read_users(parse_json(raw, str(path)), str(path))


def is_export(path: Path) -> bool:
    """Whether a path given on the command line names an export: a .zip, or a folder with its lists."""
    path = Path(path)
    if path.is_dir():
        return any((path / name).is_file() for name in CONVERSATION_LISTS)
    return path.suffix.lower() == ".zip" and path.is_file()


def day_files_in(folder: Path) -> list[Path]:
    """A channel's folder (`export/general`): its day files, oldest first; ExportError when it has none."""
    days = sorted(p for p in Path(folder).iterdir() if p.is_file() and DAY_FILE.match(p.name))
    if not days:
        raise ExportError(f"{folder}: neither a Slack export nor a channel's folder of day files (YYYY-MM-DD.json)")
    return days


def users_beside(day_file: Path) -> Path | None:
    """The users.json of the export a day file sits in (`export/general/2026-11-16.json`), if any."""
    for folder in (day_file.parent.parent, day_file.parent):
        candidate = folder / "users.json"
        if candidate.is_file():
            return candidate
    return None


def _json_list(archive: SlackArchive, name: str) -> list:
    data = archive.read_json(name)
    if not isinstance(data, list):
        raise ExportError(f"{archive.where(name)}: expected a JSON list")
    return data
