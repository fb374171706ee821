"""SlackPlatform: the platform port over Slack's Web API (base URL configurable for tests)."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.defuse import defused_action
from adapters.slack.messages import Skipped, is_bot_post, name_in_message, read_message
from adapters.slack.translate import from_read
from bot.actions import (
    Action,
    Button,
    Chart,
    DeleteMessage,
    NotifyPrivately,
    OpenDialog,
    Post,
    PublishHome,
    ReplacePost,
    Reply,
    Section,
    ShareFile,
    UpdateMessage,
)
from bot.metrics import ACTIONS
from bot.model import Conversation, Message, Thread, User
from bot.pacing import PACER
from bot.platform import Page, PlatformLimits, RateLimited, Refused

log = logging.getLogger(__name__)
_PAGE_SIZE = 200
SECTION_CHARS = 3000  # Block Kit: a section's text
MAX_BLOCKS = 50  # Block Kit: blocks in one message
HISTORY_LIMIT = 100  # recent context for reply detection; older messages rarely get answered
MAX_MEMBERS = 200  # enough to find a channel's working hours without a profile call per member
# The metadata event type our posts carry with their delivery key (a scheduled message's, or an inbox reply's), and
# the one Slack still keeps on messages posted before that name: both are read back.
DELIVERY_EVENT_TYPE = "etiquette_message_delivered"
DELIVERY_EVENT_TYPES = frozenset({DELIVERY_EVENT_TYPE, "etiquette_scheduled_delivery"})
# Slack errors worth another try later; any other `ok: false` is an answer that will not change.
TRANSIENT_ERRORS = {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
                    "team_added_to_org"}
# A workspace that will not take our file (an install from before `files:write`, uploads turned off):
# the message goes without it rather than not at all.
UPLOAD_REFUSED = {"missing_scope", "not_allowed_token_type", "restricted_action", "file_uploads_disabled",
                  "file_uploads_except_images_disabled"}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def split_text(text: str, limit: int = SECTION_CHARS) -> list[str]:
    """Slack caps a section at 3,000 characters: split long text at line breaks (at spaces if it must)."""
    parts: list[str] = []
    current = ""
    for line in _lines_within(text, limit):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    parts.append(current)
    return parts


def _lines_within(text: str, limit: int):
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            yield line[:cut]
            line = line[cut:].lstrip()
        yield line


def blocks(text: str, sections: tuple[Section, ...], buttons: tuple[Button, ...]) -> list[dict]:
    """Block Kit for a reply; built only here so every skill's output looks the same."""
    out: list[dict[str, Any]] = [_section(part) for part in split_text(text)]
    for section in sections:
        body = "\n".join(f"• {line}" for line in section.lines) or "_none_"
        out += [_section(part) for part in split_text(f"*{section.title}*\n{body}")]
    out = out[: MAX_BLOCKS - 1]
    if buttons:
        out.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": b.label},
                        "action_id": b.action_id,
                        "value": b.value,
                    }
                    for b in buttons
                ],
            }
        )
    return out


async def _paged(method: Callable[..., Awaitable[Any]], key: str, most: int | None = None,
                 **params: Any) -> AsyncIterator[Any]:
    """The `key` items of a cursor-paged Web API method, page after page, at most `most` of them."""
    cursor: str | None = None
    given = 0
    while most is None or given < most:
        page = await method(limit=_PAGE_SIZE if most is None else min(_PAGE_SIZE, most - given), cursor=cursor,
                            **params)
        for item in page.get(key, [])[: None if most is None else most - given]:
            given += 1
            yield item
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def _delivery_metadata(delivery_key: str | None) -> dict | None:
    if delivery_key is None:
        return None
    return {"event_type": DELIVERY_EVENT_TYPE, "event_payload": {"delivery_key": delivery_key}}


def modal(dialog: OpenDialog) -> dict[str, Any]:
    """A Block Kit modal: one plain-text input per field, the origin kept in private_metadata."""
    where = dialog.conversation
    blocks_: list[dict[str, Any]] = []
    if dialog.intro:
        blocks_.append({"type": "section", "text": {"type": "mrkdwn", "text": dialog.intro[:3000]}})
    for field in dialog.fields:
        element: dict[str, Any]
        if field.kind == "user":
            element = {"type": "users_select", "action_id": field.name}
            if field.value:
                element["initial_user"] = field.value
        else:
            element = {"type": "plain_text_input", "action_id": field.name, "multiline": field.multiline}
            if field.value:
                element["initial_value"] = field.value
        if field.hint:
            element["placeholder"] = {"type": "plain_text", "text": field.hint[:150]}
        blocks_.append({"type": "input", "block_id": field.name, "label": {"type": "plain_text", "text": field.label},
                        "element": element})
    metadata = {"channel": where.channel_id, "thread": where.thread_id, "state": dialog.state}
    return {
        "type": "modal",
        "callback_id": dialog.callback_id,
        "title": {"type": "plain_text", "text": dialog.title[:24]},
        "submit": {"type": "plain_text", "text": dialog.submit_label[:24]},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": json.dumps(metadata),
        "blocks": blocks_,
    }


_WORKSPACE_URLS: dict[str, str] = {}  # team id → https://acme.slack.com/ (from auth.test, once per process)
UserTokenLookup = Callable[[str, str], Awaitable[str | None]]  # (team id, user id) → their user token


class SlackPlatform:
    name = "slack"
    limits = PlatformLimits(max_message_chars=40_000)

    def __init__(self, client: AsyncWebClient, user_token: UserTokenLookup | None = None) -> None:
        self.client = client
        self.user_token = user_token
        self._users: dict[str, User] = {}
        self._without_links = False  # auth.test failed for this event or job: no links, and no retry per message
        # History and replies are rationed by a budget (bot/history.py): a 429 there is reported, not slept on.
        self._rationed_client = AsyncWebClient(token=client.token, base_url=client.base_url, timeout=client.timeout,
                                               ssl=client.ssl, proxy=client.proxy, session=client.session)

    async def message_link(self, conversation: Conversation, message: Message) -> str | None:
        return await self._link(conversation, message.id, message.conversation.thread_id)

    async def _rationed(self, method: str, **params: Any) -> Any:
        try:
            return await getattr(self._rationed_client, method)(**params)
        except SlackApiError as error:
            if error.response.status_code == 429:
                headers = {key.lower(): value for key, value in (error.response.headers or {}).items()}
                raise RateLimited(float(headers.get("retry-after", 60))) from error
            raise

    def _page(self, conversation: Conversation, page: Any) -> Page:
        out = []
        for item in page.get("messages", []):
            read = read_message(item)
            if isinstance(read, Skipped):
                continue
            bot = is_bot_post(read)
            author = User(id=read["user"], name=name_in_message(read) or "bot" if bot else "", is_bot=bot)
            out.append(from_read(read, conversation.workspace_id, author, channel=conversation.channel_id))
        return Page(out, (page.get("response_metadata") or {}).get("next_cursor") or None)

    async def thread_page(self, conversation: Conversation, cursor: str | None, limit: int) -> Page:
        """One `conversations.replies` call (rationed): oldest first, the root included."""
        return self._page(conversation, await self._rationed(
            "conversations_replies", channel=conversation.channel_id, ts=conversation.thread_id, cursor=cursor,
            limit=limit))

    async def history_page(self, conversation: Conversation, oldest: datetime, latest: datetime | None,
                           cursor: str | None, limit: int) -> Page:
        """One `conversations.history` call (rationed): top-level messages, newest first."""
        return self._page(conversation, await self._rationed(
            "conversations_history", channel=conversation.channel_id, oldest=f"{oldest.timestamp():.6f}",
            latest=f"{latest.timestamp():.6f}" if latest else None, cursor=cursor, limit=limit))

    async def _link(self, where: Conversation, ts: str, thread_ts: str | None = None) -> str | None:
        """A message's permalink, in the form `chat.getPermalink` answers, without a call per message."""
        base = _WORKSPACE_URLS.get(where.workspace_id)
        if base is None and not self._without_links:
            try:
                base = (await self.client.auth_test()).get("url") or ""
            except Exception:  # rate limited, network: no link is better than no summary
                log.info("no workspace URL for permalinks")
                base = ""
            if base:  # a workspace's URL hardly ever changes, and Slack redirects an old one
                _WORKSPACE_URLS[where.workspace_id] = base
            self._without_links = not base
        if not base:
            return None
        link = f"{base.rstrip('/')}/archives/{where.channel_id}/p{ts.replace('.', '')}"
        return f"{link}?thread_ts={thread_ts}&cid={where.channel_id}" if thread_ts and thread_ts != ts else link

    async def user_profile(self, conversation: Conversation, user_id: str) -> User:
        if user_id not in self._users:
            info = (await self.client.users_info(user=user_id))["user"]
            profile = info.get("profile") or {}
            self._users[user_id] = User(
                id=user_id,
                name=profile.get("display_name") or profile.get("real_name") or info.get("name", ""),
                tz=info.get("tz"),
                is_bot=bool(info.get("is_bot")),
                is_admin=bool(info.get("is_admin") or info.get("is_owner")),
            )
        return self._users[user_id]

    async def channel_members(self, conversation: Conversation) -> list[User]:
        ids = [i async for i in _paged(self.client.conversations_members, "members", MAX_MEMBERS,
                                       channel=conversation.channel_id)]
        return [await self.user_profile(conversation, user_id) for user_id in ids]

    async def create_meeting(self, conversation: Conversation, organizer: User, attendees: list[User],
                             subject: str, start: datetime, end: datetime) -> str | None:
        """Slack has no meeting API (a huddle starts from the client)."""
        return None

    async def busy_times(self, conversation: Conversation, people: list[User], start: datetime,
                         end: datetime) -> list[tuple[datetime, datetime]] | None:
        """Slack has no calendars."""
        return None

    async def channel_history(self, conversation: Conversation, since: datetime,
                              limit: int = HISTORY_LIMIT) -> list[Message]:
        raw = [m async for m in _paged(self.client.conversations_history, "messages", limit,  # newest first
                                       channel=conversation.channel_id, oldest=f"{since.timestamp():.6f}")]
        out = []
        for item in reversed(raw):
            read = read_message(item)
            if not isinstance(read, Skipped):
                out.append(from_read(read, conversation.workspace_id, link=await self._link(conversation, read["ts"]),
                                     channel=conversation.channel_id))
        return out

    async def fetch_thread(self, conversation: Conversation) -> Thread:
        raw = [m async for m in _paged(self.client.conversations_replies, "messages",
                                       channel=conversation.channel_id, ts=conversation.thread_id)]
        messages = []
        for item in raw:
            read = read_message(item)
            if isinstance(read, Skipped):
                continue
            if is_bot_post(read):
                author = User(id=read["user"], name=name_in_message(read) or "bot", is_bot=True)
            else:
                author = await self.user_profile(conversation, read["user"])
            link = await self._link(conversation, read["ts"], read.get("thread_ts"))
            messages.append(from_read(read, conversation.workspace_id, author, link, channel=conversation.channel_id))
        return Thread(conversation=conversation, messages=tuple(messages))

    async def perform(self, action: Action) -> str | None:
        """Carry out an action; Slack's refusals that no retry can change are raised as `Refused`."""
        try:
            return await self._perform(action)
        except SlackApiError as error:
            status = error.response.status_code
            code = error.response.get("error") if isinstance(error.response.data, dict) else None
            if status == 200 and code not in TRANSIENT_ERRORS:
                raise Refused(f"Slack refused {type(action).__name__}: {code}") from error
            raise

    async def _perform(self, action: Action) -> str | None:
        ACTIONS.labels("slack", type(action).__name__).inc()
        action = defused_action(action)  # quoted people never ping @channel or spoof a link through us
        match action:
            case Reply(conversation=where, chart=Chart() as chart) | Post(conversation=where, chart=Chart() as chart):
                return await self._post_with_chart(action, chart)
            case Reply(conversation=where) | Post(conversation=where):
                thread_ts = where.thread_id if isinstance(action, Reply) else None
                await PACER.wait((f"slack:{where.workspace_id}:{where.channel_id}", 1.0))  # ~1 a second a channel
                response = await self.client.chat_postMessage(
                    channel=where.channel_id,
                    thread_ts=thread_ts,
                    text=action.text,
                    blocks=blocks(action.text, action.sections, action.buttons),
                    metadata=_delivery_metadata(action.delivery_key),
                )
                return response.get("ts")
            case NotifyPrivately(conversation=Conversation(is_direct=True) as where):
                # Our DM with them is private already: a real message there stays after a reload and can be
                # edited later (a confirmation's buttons give way to the outcome), which an ephemeral cannot.
                response = await self.client.chat_postMessage(
                    channel=where.channel_id,
                    thread_ts=where.thread_id,
                    text=action.text,
                    blocks=blocks(action.text, action.sections, action.buttons),
                )
                return response.get("ts")
            case NotifyPrivately(user=user, conversation=where):
                await self.client.chat_postEphemeral(
                    channel=where.channel_id,
                    user=user.id,
                    thread_ts=where.thread_id,
                    text=action.text,
                    blocks=blocks(action.text, action.sections, action.buttons),
                )
                return None  # an ephemeral message cannot be edited or found again: no id worth keeping
            case ShareFile(conversation=where):
                file_id = await self._upload(action.content.encode(), action.filename, action.title)
                await self._share(file_id, action.title, where, where.thread_id, initial_comment=action.comment or None)
                return file_id
            case ReplacePost(conversation=where):
                await self.client.chat_update(channel=where.channel_id, ts=action.message_id, text=action.text,
                                              blocks=blocks(action.text, action.sections, ()))
                return action.message_id
            case DeleteMessage(conversation=where, author=author):
                token = await self.user_token(where.workspace_id, author.id) if self.user_token else None
                if token is None:
                    return None  # they did not allow us: only they can delete it
                await self.client.chat_delete(channel=where.channel_id, ts=action.message_id, token=token)
                return action.message_id
            case UpdateMessage(origin=str(response_url)):
                webhook = AsyncWebhookClient(response_url, timeout=self.client.timeout, ssl=self.client.ssl,
                                             proxy=self.client.proxy)
                response = await webhook.send(text=action.text, blocks=blocks(action.text, (), ()),
                                              replace_original=True)
                if response.status_code in (404, 410):  # the response URL expired (30 minutes, 5 uses)
                    raise Refused(f"Slack refused the message update: HTTP {response.status_code}")
                if response.status_code != 200:
                    raise RuntimeError(f"Slack refused the message update: HTTP {response.status_code}")
                return None
            case PublishHome(user=user):
                home = blocks(action.text, action.sections, action.buttons)
                for picker in action.channel_pickers:
                    home.append({"type": "section", "text": {"type": "mrkdwn", "text": picker.label},
                                 "accessory": {"type": "conversations_select", "action_id": picker.action_id,
                                               "filter": {"include": ["public", "private"]}}})
                await self.client.views_publish(user_id=user.id, view={"type": "home", "blocks": home})
                return None
            case OpenDialog(trigger_id=str(trigger_id)):
                await self.client.views_open(trigger_id=trigger_id, view=modal(action))
                return None
        raise NotImplementedError(f"Slack cannot perform {type(action).__name__}")

    async def _post_with_chart(self, action: Reply | Post, chart: Chart) -> str | None:
        """One message: the blocks with the chart's PNG attached (files.completeUploadExternal `blocks`).

        An upload carries no message metadata, so the delivery key goes in the file's name, where
        `find_delivered` looks for it after a crash.
        """
        where = action.conversation
        body = blocks(action.text, action.sections, action.buttons)
        if chart.caption:
            body.append({"type": "context", "elements": [{"type": "mrkdwn", "text": chart.caption}]})
        stem, _, extension = chart.filename.rpartition(".")
        filename = f"{stem}-{action.delivery_key}.{extension}" if action.delivery_key else chart.filename
        try:
            file_id = await self._upload(chart.png, filename, f"{chart.title}. {chart.caption}"[:1000])
        except SlackApiError as error:
            if error.response.get("error") not in UPLOAD_REFUSED:
                raise
            log.warning("chart upload refused; posting without it", extra={"error": error.response.get("error")})
            return await self._perform(replace(action, chart=None))
        await self._share(file_id, chart.title, where, where.thread_id if isinstance(action, Reply) else None,
                          blocks=json.dumps(body))
        return file_id

    async def _upload(self, content: bytes, filename: str, alt_text: str) -> str:
        """Steps 1 and 2 of Slack's file upload: an upload URL, then the bytes; returns the new file's id."""
        ticket = await self.client.files_getUploadURLExternal(filename=filename, length=len(content), alt_txt=alt_text)
        timeout = aiohttp.ClientTimeout(total=self.client.timeout)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            async with http.post(ticket["upload_url"], data=content, proxy=self.client.proxy,
                                 ssl=self.client.ssl) as response:
                if response.status != 200:
                    raise RuntimeError(f"Slack refused the file upload: HTTP {response.status}")
        return ticket["file_id"]

    async def _share(self, file_id: str, title: str, where: Conversation, thread_ts: str | None, **message) -> None:
        """Step 3: the uploaded file appears in the conversation, with `message` (a comment, or blocks).

        The parameters go in the request body: `files_upload_v2` would put them in the URL, too long for
        a digest's blocks.
        """
        await self.client.api_call("files.completeUploadExternal", data={
            "files": json.dumps([{"id": file_id, "title": title}]), "channel_id": where.channel_id,
            "thread_ts": thread_ts, **message})

    async def may_manage(self, conversation: Conversation, user_id: str) -> bool:
        """Workspace admins and owners (users.info)."""
        return (await self.user_profile(conversation, user_id)).is_admin

    async def find_delivered(self, conversation: Conversation, delivery_key: str, since: datetime) -> str | None:
        """Look for our delivery key in the message metadata of the thread, or of the channel's recent history."""
        channel = conversation.channel_id
        if channel.startswith(("U", "W")):  # a DM addressed by user id: find the DM channel
            channel = (await self.client.conversations_open(users=channel))["channel"]["id"]
        if conversation.thread_id:
            found = _paged(self.client.conversations_replies, "messages", channel=channel, ts=conversation.thread_id,
                           oldest=f"{since.timestamp():.6f}", include_all_metadata=True)
        else:
            found = _paged(self.client.conversations_history, "messages", channel=channel,
                           oldest=f"{since.timestamp():.6f}", include_all_metadata=True)
        try:
            async for item in found:
                metadata = item.get("metadata") or {}
                ours = metadata.get("event_type") in DELIVERY_EVENT_TYPES
                keyed = ours and (metadata.get("event_payload") or {}).get("delivery_key") == delivery_key
                attached = (f.get("name", "") for f in item.get("files") or ())
                if keyed or any(delivery_key in name for name in attached):
                    return item["ts"]
        except SlackApiError as error:  # a thread or channel that cannot be listed holds nothing of ours
            if error.response.get("error") not in ("thread_not_found", "channel_not_found", "not_in_channel"):
                raise
        return None
