"""The message store: every message the bot received on either platform, text sealed at rest, written in batches.

Summaries, digests and reply detection read here first; the platform's history API (rationed on
Slack) is asked only for what the store does not hold. See README "What the bot keeps".
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.group_commit import GroupCommit
from bot.model import Conversation, FileInfo, Message, User
from bot.tables import insert_skipping_duplicates, message_coverage, message_gaps, messages

log = logging.getLogger(__name__)
_KEY = ("platform", "workspace_id", "channel_id", "message_id")


# ---- what adapters hand the store -------------------------------------------------------


@dataclass(frozen=True)
class Received:
    """A message as it arrived (`live`) or as fetched from the platform to fill a gap."""

    message: Message
    live: bool = True
    team_id: str | None = None  # Teams: the team whose channel it was posted in


@dataclass(frozen=True)
class Edited:
    """A message's new text (and whatever else the edit event carries); stored if it was not yet."""

    message: Message
    at: datetime | None  # when it was edited; None when only its replies or reactions changed


@dataclass(frozen=True)
class Deleted:
    conversation: Conversation
    message_id: str


@dataclass(frozen=True)
class Reacted:
    conversation: Conversation
    message_id: str
    name: str
    delta: int  # +1 added, -1 removed


Change = Received | Edited | Deleted | Reacted


@dataclass(frozen=True)
class StoredThread:
    messages: list[Message]
    whole: bool  # every message of the thread is here
    reply_count: int | None = None  # what the platform last said about the root, when the root is here


class TextSeal:
    """Fernet with the key that already protects Slack tokens; without a key, text is kept as it came."""

    def __init__(self, key: str | None) -> None:
        self.fernet = Fernet(key) if key else None

    def seal(self, text: str) -> tuple[str, bool]:
        if self.fernet is None:
            return text, False
        return self.fernet.encrypt(text.encode()).decode(), True

    def open(self, stored: str, sealed: bool) -> str:
        if not sealed:
            return stored
        if self.fernet is None:
            return ""  # sealed with a key this process does not have: the message counts, its words are gone
        try:
            return self.fernet.decrypt(stored.encode()).decode()
        except InvalidToken:
            log.warning("a stored message cannot be decrypted: was SLACK_TOKEN_ENCRYPTION_KEY changed?")
            return ""


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class MessageStore:
    def __init__(self, engine: AsyncEngine, seal: TextSeal) -> None:
        self.engine = engine
        self.seal = seal
        self._batches: GroupCommit[Change, None] = GroupCommit(self._apply)

    # ---- writing --------------------------------------------------------------------

    async def write(self, *changes: Change) -> None:
        """Store received messages, edits, deletions and reactions; returns once they are committed."""
        if changes:
            await self._batches.submit(changes)

    def _insert(self):
        return insert_skipping_duplicates(self.engine, messages, list(_KEY))

    def _row(self, message: Message, live: bool, team_id: str | None = None) -> dict[str, Any]:
        where = message.conversation
        root = where.thread_id or message.id
        text, sealed = self.seal.seal(message.text)
        # A root seen live: every reply comes after it, so the thread is whole from here. A root fetched
        # from the platform with no replies yet: the same.
        whole = root == message.id and (live or message.reply_count == 0)
        return dict(platform=where.platform, workspace_id=where.workspace_id, channel_id=where.channel_id,
                    thread_id=root, message_id=message.id, author_id=message.author.id,
                    author_name=message.author.name, is_bot=message.author.is_bot, broadcast=message.broadcast,
                    text=text, sealed=sealed,
                    sent_at=message.sent_at, edited_at=None, reply_count=message.reply_count,
                    reactions=dict(message.reactions) or None, files=_files_json(message.files),
                    whole_since=message.sent_at if whole else None, team_id=team_id)

    async def _apply(self, changes: list[Change]) -> None:
        async with self.engine.begin() as conn:
            rows: list[dict[str, Any]] = []
            covered: dict[tuple[str, str, str], datetime] = {}
            for change in changes:
                if isinstance(change, Received):
                    rows.append(self._row(change.message, change.live, change.team_id))
                    where = change.message.conversation
                    if change.live and where.thread_id in (None, change.message.id):
                        key = (where.platform, where.workspace_id, where.channel_id)
                        covered[key] = min(covered.get(key, change.message.sent_at), change.message.sent_at)
                    continue
                if rows:  # keep arrival order: an edit may follow its message in the same batch
                    await conn.execute(self._insert(), rows)
                    rows = []
                await self._change(conn, change)
            if rows:
                await conn.execute(self._insert(), rows)
            if covered:
                await conn.execute(
                    insert_skipping_duplicates(self.engine, message_coverage),
                    [dict(platform=p, workspace_id=w, channel_id=c, since=at) for (p, w, c), at in covered.items()])

    async def _change(self, conn, change: Change) -> None:
        if isinstance(change, Edited):
            message = change.message
            text, sealed = self.seal.seal(message.text)
            values: dict[str, Any] = dict(text=text, sealed=sealed)
            if change.at is not None:
                values["edited_at"] = change.at
            if message.reply_count:
                values["reply_count"] = message.reply_count
            if message.reactions:
                values["reactions"] = dict(message.reactions)
            if message.files:
                values["files"] = _files_json(message.files)
            result = await conn.execute(update(messages).where(_is(message.conversation, message.id)).values(**values))
            if not result.rowcount:
                await conn.execute(self._insert(), [{**self._row(message, live=False), "edited_at": change.at}])
        elif isinstance(change, Deleted):
            await conn.execute(delete(messages).where(_is(change.conversation, change.message_id)))
        elif isinstance(change, Reacted):
            found = await conn.execute(select(messages.c.reactions).where(_is(change.conversation, change.message_id)))
            current = dict(found.scalar_one_or_none() or {})
            count = current.get(change.name, 0) + change.delta
            current = {**current, change.name: count} if count > 0 else {k: v for k, v in current.items()
                                                                       if k != change.name}
            await conn.execute(update(messages).where(_is(change.conversation, change.message_id))
                               .values(reactions=current or None))

    async def mark_whole(self, thread: Conversation, since: datetime) -> None:
        """Every message of the thread is now stored (it was filled in from the platform)."""
        await self._batches.submit(())  # writes queued before this are in
        async with self.engine.begin() as conn:
            await conn.execute(update(messages).where(_is(thread, thread.thread_id or ""),
                                                      messages.c.whole_since.is_(None)).values(whole_since=since))

    async def extend_coverage(self, channel: Conversation, since: datetime) -> None:
        """Every top-level message of the channel from `since` on is stored (history was filled in)."""
        c = message_coverage.c
        ident = dict(platform=channel.platform, workspace_id=channel.workspace_id, channel_id=channel.channel_id)
        async with self.engine.begin() as conn:
            found = (await conn.execute(select(c.since).filter_by(**ident))).scalar_one_or_none()
            if found is None:
                await conn.execute(message_coverage.insert().values(**ident, since=since))
            elif _aware(found) > since:
                await conn.execute(update(message_coverage).filter_by(**ident).values(since=since))

    async def note_gap(self, started_at: datetime, ended_at: datetime) -> None:
        """The bot was down too long for the platforms' retries: messages of that time may be missing."""
        async with self.engine.begin() as conn:
            await conn.execute(message_gaps.insert().values(started_at=started_at, ended_at=ended_at))

    # ---- reading ----------------------------------------------------------------------

    async def _last_gap_end(self, conn) -> datetime | None:
        return _aware((await conn.execute(select(func.max(message_gaps.c.ended_at)))).scalar_one_or_none())

    async def covered_since(self, channel: Conversation) -> datetime | None:
        """Since when every top-level message of the channel is stored; None when the bot saw none."""
        c = message_coverage.c
        async with self.engine.connect() as conn:
            since = _aware((await conn.execute(select(c.since).filter_by(
                platform=channel.platform, workspace_id=channel.workspace_id,
                channel_id=channel.channel_id))).scalar_one_or_none())
            gap = await self._last_gap_end(conn)
        if since is None:
            return None
        return max(since, gap) if gap else since

    async def thread(self, conversation: Conversation) -> StoredThread:
        """The thread's stored messages, root first, and whether they are all of it."""
        c = messages.c
        root = conversation.thread_id or ""
        query = select(messages).where(_in_channel(conversation), c.thread_id == root).order_by(c.sent_at, c.id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
            gap = await self._last_gap_end(conn)
        first = next((row for row in rows if row["message_id"] == root), None)
        whole_since = _aware(first["whole_since"]) if first is not None else None
        whole = whole_since is not None and (gap is None or gap <= whole_since)
        found = [self._message(row, conversation) for row in rows]
        if first is None and found and root:  # a chain whose root never arrived: its first message stands for it
            found[0] = dataclasses.replace(found[0], id=root)
        return StoredThread(found, whole, first["reply_count"] if first is not None else None)

    async def channel_roots(self, channel: Conversation, since: datetime, limit: int | None = None) -> list[Message]:
        """Top-level messages stored for a channel since `since`, oldest first (the newest `limit`), each
        with its reply count: the replies stored, or what the platform said if it said more."""
        c = messages.c
        query = (select(messages).where(_in_channel(channel), c.thread_id == c.message_id, c.sent_at >= since)
                 .order_by(c.sent_at.desc(), c.id.desc()))
        if limit is not None:
            query = query.limit(limit)
        replies = (select(c.thread_id, func.count()).where(_in_channel(channel), c.thread_id != c.message_id,
                                                          c.sent_at >= since).group_by(c.thread_id))
        # Chains whose root never arrived (only mentions reach a bot without resource-specific consent;
        # the Agents Playground ids a root apart from its chain): their first message stands for the root.
        rootless = (select(messages).where(_in_channel(channel), c.thread_id != c.message_id, c.sent_at >= since,
                                           c.thread_id != channel.channel_id,  # a chat is one thread, no chains
                                           ~c.thread_id.in_(select(c.message_id).where(_in_channel(channel))))
                    .order_by(c.sent_at, c.id))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
            counts = dict((await conn.execute(replies)).all())
            firsts: dict[str, Any] = {}
            for row in (await conn.execute(rootless)).mappings().all():
                firsts.setdefault(row["thread_id"], row)
        out = []
        for row in reversed(rows):
            count = max(counts.get(row["message_id"], 0), row["reply_count"])
            where = channel.in_thread(row["message_id"]) if count else replace(channel, thread_id=None)
            out.append(self._message(row, where, reply_count=count))
        for root, row in firsts.items():
            stand_in = self._message(row, channel.in_thread(root), reply_count=counts.get(root, 1) - 1)
            out.append(dataclasses.replace(stand_in, id=root))
        out.sort(key=lambda message: message.sent_at)
        return out[-limit:] if limit is not None else out

    def _message(self, row, where: Conversation, reply_count: int | None = None) -> Message:
        return Message(
            id=row["message_id"],
            author=User(id=row["author_id"], name=row["author_name"], is_bot=row["is_bot"]),
            text=self.seal.open(row["text"], row["sealed"]),
            sent_at=_aware(row["sent_at"]),
            conversation=where,
            broadcast=row["broadcast"],
            reply_count=row["reply_count"] if reply_count is None else reply_count,
            reactions=tuple((row["reactions"] or {}).items()),
            files=tuple(FileInfo(**f) for f in row["files"] or ()),
        )

    async def count(self, channel: Conversation) -> int:
        """How many messages are stored for a channel (what an admin is told before forgetting them)."""
        await self._batches.submit(())
        async with self.engine.connect() as conn:
            return (await conn.execute(select(func.count()).select_from(messages).where(_in_channel(channel)))
                    ).scalar_one()

    # ---- forgetting -------------------------------------------------------------------

    async def forget_before(self, cutoff: datetime) -> int:
        """Retention: messages older than the cutoff go (coverage and old gaps with them)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(messages).where(messages.c.sent_at < cutoff))
            await conn.execute(update(message_coverage).where(message_coverage.c.since < cutoff).values(since=cutoff))
            await conn.execute(delete(message_gaps).where(message_gaps.c.ended_at < cutoff))
            return result.rowcount or 0

    async def forget_channel(self, channel: Conversation) -> int:
        """An admin asked: every stored message of the channel goes, and the store stops vouching for it."""
        await self._batches.submit(())
        c = message_coverage.c
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(messages).where(_in_channel(channel)))
            await conn.execute(delete(message_coverage).where(
                c.platform == channel.platform, c.workspace_id == channel.workspace_id,
                c.channel_id == channel.channel_id))
            return result.rowcount or 0


def _in_channel(where: Conversation):
    c = messages.c
    return and_(c.platform == where.platform, c.workspace_id == where.workspace_id, c.channel_id == where.channel_id)


def _is(where: Conversation, message_id: str):
    return and_(_in_channel(where), messages.c.message_id == message_id)


def _files_json(files: tuple[FileInfo, ...]) -> list[dict] | None:
    return [dict(name=f.name, mimetype=f.mimetype, size=f.size) for f in files] or None

