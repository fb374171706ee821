"""TeamsPlatform: the platform port over the Bot Connector (and, later, Microsoft Graph)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from urllib.parse import quote, urlencode

from botbuilder.core import BotAdapter, MessageFactory, TurnContext
from botbuilder.core.cloud_adapter_base import CloudAdapterBase
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)
from botbuilder.schema.teams import TeamsChannelAccount

from adapters.teams.cards import adaptive_card, form_card, teams_markdown
from adapters.teams.graph import GraphDirectory
from adapters.teams.translate import TEAM_GROUP_KEY, bot_mentioned, channel_data, split_conversation_id
from bot.actions import Action, DeleteMessage, NotifyPrivately, OpenDialog, Post, ReplacePost, Reply, UpdateMessage
from bot.metrics import ACTIONS
from bot.model import Conversation, Message, Thread, User
from bot.pacing import PACER
from bot.platform import PlatformLimits, Refused
from bot.store import Store

log = logging.getLogger(__name__)
RETRIED_STATUSES = {412, 429, 502, 504}  # Teams: throttled, or a transient gateway/precondition failure
RETRIES = 3
RETRY_PAUSE = 1.0  # seconds before the first retry without a Retry-After; doubles after
INSTALLED_BY = "installed_by"  # a team's setting: the Teams user id of who added the bot to it
TEAMS_USER_PREFIX = "29:"  # Teams user ids; conversation ids start with "19:" or "a:"
GRAPHLESS_NOTE = (
    "Microsoft Graph is not configured, so I only see the messages sent to me in this conversation."
)


def conversation_id(where: Conversation, *, top_level: bool = False) -> str:
    """The Bot Connector conversation id: a channel reply chain is `channel;messageid=root`."""
    if where.thread_id and where.thread_id != where.channel_id and not top_level:
        return f"{where.channel_id};messageid={where.thread_id}"
    return where.channel_id


def with_deep_link(where: Conversation, message: Message) -> Message:
    """The message with its Teams deep link (`/l/message/…`), unless it already has one (Graph's webUrl).

    Teams message ids are numbers (the post's time in ms); an id that is not (a test client's GUID) would
    make a link to nowhere, so such a message goes without one.
    """
    if message.link or where.is_direct or not message.id.isdigit():
        return message
    root = message.conversation.thread_id or message.id
    query = urlencode({"tenantId": where.workspace_id, "groupId": (where.ref or {}).get(TEAM_GROUP_KEY) or "",
                       "parentMessageId": root, "createdTime": message.id})
    return replace(message, link=f"https://teams.microsoft.com/l/message/{quote(where.channel_id)}/{message.id}?{query}")


def addressed_to_person(where: Conversation) -> bool:
    """`where` names a person, whose 1:1 chat with the bot is opened (Teams returns the existing one), not a chat:
    a Teams user id (`29:…`), or the id of whoever spoke where the reference was taken (a private answer to them;
    the Agents Playground's user ids have no prefix)."""
    if where.channel_id.startswith(TEAMS_USER_PREFIX):
        return True
    return where.is_direct and where.channel_id == ((where.ref or {}).get("user") or {}).get("id")


def conversation_reference(where: Conversation) -> ConversationReference:
    """The Bot Connector reference stored with a conversation (without our own extra keys)."""
    return ConversationReference().deserialize({k: v for k, v in (where.ref or {}).items() if k != TEAM_GROUP_KEY})


def outgoing(action: Reply | Post | NotifyPrivately) -> Activity:
    chart = None if isinstance(action, NotifyPrivately) else action.chart
    if action.sections or action.buttons or chart:
        return MessageFactory.attachment(adaptive_card(action.text, action.sections, action.buttons, chart))
    return MessageFactory.text(teams_markdown(action.text))


def private_chat_parameters(user: User, tenant_id: str, reference: ConversationReference) -> ConversationParameters:
    """Ask the Bot Connector for the bot's 1:1 chat with `user` (Teams returns the existing one)."""
    return ConversationParameters(
        is_group=False,
        bot=reference.bot,
        members=[ChannelAccount(id=user.id, name=user.name or None)],
        tenant_id=tenant_id,
        channel_data={"tenant": {"id": tenant_id}},
    )


class TeamsPlatform:
    name = "teams"

    def __init__(self, adapter: BotAdapter, app_id: str, store: Store, turn: TurnContext | None = None,
                 graph: GraphDirectory | None = None, admins: frozenset[str] = frozenset()):
        self.adapter = adapter
        self.app_id = app_id
        self.store = store
        self.turn = turn
        self.graph = graph
        self.admins = admins  # TEAMS_ADMINS: Entra object ids or Teams user ids, lower case
        self.limits = PlatformLimits(max_message_chars=28_000, creates_meetings=graph is not None)
        self.dialog: OpenDialog | None = None
        self._acknowledged = False  # the channel has been told once this turn that the answer is private

    async def fetch_thread(self, conversation: Conversation) -> Thread:
        """The whole reply chain from Graph when we can; else what the bot itself received, said so."""
        group = (conversation.ref or {}).get(TEAM_GROUP_KEY)
        if self.graph is not None and group and conversation.thread_id:
            messages = await self.graph.channel_thread(group, conversation)
            if messages is not None:
                return Thread(conversation, tuple(with_deep_link(conversation, m) for m in messages))
        messages = (await self.store.messages.thread(conversation)).messages
        return Thread(conversation, tuple(with_deep_link(conversation, m) for m in messages), complete=False,
                      note=GRAPHLESS_NOTE)

    async def channel_history(self, conversation: Conversation, since: datetime, limit: int = 100) -> list[Message]:
        """Without Graph, the channel posts the bot received (resource-specific consent delivers them)."""
        roots = await self.store.messages.channel_roots(conversation, since, limit)
        return [with_deep_link(conversation, m) for m in roots]

    async def message_link(self, conversation: Conversation, message: Message) -> str | None:
        return with_deep_link(conversation, message).link

    async def create_meeting(self, conversation: Conversation, organizer: User, attendees: list[User],
                             subject: str, start: datetime, end: datetime) -> str | None:
        """A Teams meeting in the organizer's calendar with the others invited (Graph `Calendars.ReadWrite`)."""
        if self.graph is None or self.turn is None:
            return None
        people = await self._roster([organizer, *attendees])
        host = people.get(organizer.id)
        if host is None or not host.aad_object_id:
            return None
        invited = [_mailbox(m) for pid, m in people.items() if pid != organizer.id]
        return await self.graph.create_meeting(host.aad_object_id, subject, start, end, [i for i in invited if i])

    async def busy_times(self, conversation: Conversation, people: list[User], start: datetime,
                         end: datetime) -> list[tuple[datetime, datetime]] | None:
        """Their Outlook free/busy (Graph getSchedule, `Calendars.Read`), asked as the first of them."""
        if self.graph is None or self.turn is None:
            return None
        members = [m for m in (await self._roster(people)).values() if m.aad_object_id and _mailbox(m)]
        if not members:
            return None
        return await self.graph.busy_times(members[0].aad_object_id, [_mailbox(m) for m in members], start, end)

    async def _roster(self, people: list[User]) -> dict[str, TeamsChannelAccount]:
        """Roster entries (e-mail, Entra id) of those of `people` the team has; the others are left out."""
        found = {}
        for person in people:
            try:
                found[person.id] = await TeamsInfo.get_member(self.turn, person.id)
            except Exception:  # not in the roster: not invited, calendar unknown
                log.info("teams member lookup failed for a participant")
        return found

    async def channel_members(self, conversation: Conversation) -> list[User]:
        """Members' time zones need Microsoft Graph; without it the channel's zone is unknown."""
        return []

    async def user_profile(self, conversation: Conversation, user_id: str) -> User:
        """Name from the Teams roster; zone and working hours from Graph mailboxSettings when configured."""
        user = User(id=user_id)
        if self.turn is None:
            return user
        try:
            member = await TeamsInfo.get_member(self.turn, user_id)
        except Exception as error:  # not in the roster, or the connector refused: keep what we know
            log.info("teams member lookup failed", extra={"error": type(error).__name__})
            return user
        user = replace(user, name=member.name or "")
        if self.graph is not None and member.aad_object_id:
            zone, hours = await self.graph.working_clock(member.aad_object_id)
            user = replace(user, tz=zone, working_hours=hours or user.working_hours)
        return user

    async def may_manage(self, conversation: Conversation, user_id: str) -> bool:
        """A team channel's settings: the team's owners (Graph), the people in TEAMS_ADMINS, and whoever added
        the bot to the team. Teams tells a bot nothing of team roles without Graph, so that is the safe
        default: nobody else. A chat (1:1 or group) has no owner the bot can see: its members may."""
        activity = self.turn.activity if self.turn is not None else None
        if activity is None or activity.from_property is None or activity.from_property.id != user_id:
            return False  # we only vouch for the person who sent this turn
        if (activity.conversation.conversation_type or "") != "channel":
            return True
        person = activity.from_property
        aad = (person.aad_object_id or "").lower()
        if user_id.lower() in self.admins or (aad and aad in self.admins):
            return True
        team = channel_data(activity).get("team") or {}
        if not team.get("id"):
            return False
        installed_by = (await self.store.settings_of("teams", conversation.workspace_id, f"team:{team['id']}")
                        ).get(INSTALLED_BY)
        if installed_by == user_id:
            return True
        group = team.get("aadGroupId") or (conversation.ref or {}).get(TEAM_GROUP_KEY)
        return bool(self.graph is not None and group and aad and await self.graph.is_team_owner(group, aad))

    async def find_delivered(self, conversation: Conversation, delivery_key: str, since: datetime) -> str | None:
        """The Bot Connector cannot list what was posted: after a crash mid-send we resend (documented)."""
        return None

    async def perform(self, action: Action) -> str | None:
        """Carry out an action; a 4xx answer no retry can change (the bot was removed, the chat is gone)
        is raised as `Refused`."""
        try:
            return await self._perform(action)
        except Exception as error:
            response = getattr(error, "response", None)
            status = getattr(response, "status_code", None) or getattr(error, "status", None)
            if isinstance(status, int) and 400 <= status < 500 and status not in RETRIED_STATUSES | {408}:
                raise Refused(f"Teams refused {type(action).__name__}: HTTP {status}") from error
            raise

    async def _perform(self, action: Action) -> str | None:
        ACTIONS.labels("teams", type(action).__name__).inc()
        if isinstance(action, DeleteMessage):
            return None  # a Teams bot cannot delete a person's message; the note asks them to
        if isinstance(action, UpdateMessage) and self.turn is not None:
            card = MessageFactory.attachment(adaptive_card(action.text, (), ()))  # the card, without its buttons
            card.id = action.origin
            card.conversation = self.turn.activity.conversation
            await self.turn.update_activity(card)
            return action.origin
        if isinstance(action, ReplacePost):
            return await self._replace(action)
        if isinstance(action, OpenDialog) and self.turn is not None and self.turn.activity.type == "invoke":
            self.dialog = action  # a message extension shows it as its task module (see bot.py)
            return None
        if isinstance(action, OpenDialog):  # a card with inputs, shown only to the user who asked
            form = MessageFactory.attachment(form_card(action))
            if action.conversation.is_direct:
                return await self._send(action.conversation, conversation_id(action.conversation), form)
            await self._acknowledge_here(action.user, action.conversation)
            return await self._send_privately(action.user, action.conversation, form)
        if not isinstance(action, (Reply, Post, NotifyPrivately)):
            raise NotImplementedError(f"Teams cannot perform {type(action).__name__}")
        if isinstance(action, NotifyPrivately) and not action.conversation.is_direct:
            await self._acknowledge_here(action.user, action.conversation)
            named = replace(action, text=f"About {await self._channel_name(action.conversation)}: {action.text}")
            return await self._send_privately(action.user, action.conversation, outgoing(named))
        if addressed_to_person(action.conversation):
            # Addressed to a person, not a conversation (e.g. `later @Ken …`): their 1:1 chat with the bot.
            return await self._send_privately(User(id=action.conversation.channel_id), action.conversation,
                                              outgoing(action))
        target = conversation_id(action.conversation, top_level=isinstance(action, Post))
        return await self._send(action.conversation, target, outgoing(action))

    def _asked_here(self, where: Conversation) -> bool:
        """This turn is someone @-mentioning the bot in `where`'s channel (a command, not a post we nudge about)."""
        activity = self.turn.activity if self.turn is not None else None
        return (activity is not None and activity.type == "message" and bot_mentioned(activity)
                and split_conversation_id(activity.conversation.id)[0] == where.channel_id)

    async def _acknowledge_here(self, user: User, where: Conversation) -> None:
        """A channel has no ephemeral messages: say in the chain where they asked that the answer is in our chat."""
        if self._acknowledged or not self._asked_here(where):
            return
        self._acknowledged = True
        name = self.turn.activity.from_property.name or user.name
        await self.turn.send_activity(MessageFactory.text(f"{name + ', ' if name else ''}I answered you in our chat."))

    async def _channel_name(self, where: Conversation) -> str:
        """The channel a private answer is about, by name: Teams says it in a turn's channelData only at
        times (a message's usually carries just ids), else the team's channel list has it."""
        data = channel_data(self.turn.activity) if self.turn is not None else {}
        if split_conversation_id(data.get("teamsChannelId") or "")[0] != where.channel_id:
            return "the channel where you asked"
        team = data.get("team") or {}
        name = (data.get("channel") or {}).get("name") or await self._listed_channel_name(team.get("id"), where)
        if not name:
            return "the channel where you asked"
        return f"#{name}" + (f" ({team['name']})" if team.get("name") else "")

    async def _listed_channel_name(self, team_id: str | None, where: Conversation) -> str | None:
        if not team_id:
            return None
        try:
            channels = await TeamsInfo.get_team_channels(self.turn, team_id)
        except Exception as error:  # not allowed, or no such team: the answer names no channel
            log.info("teams channel list unavailable", extra={"error": type(error).__name__})
            return None
        for channel in channels:
            if split_conversation_id(channel.id or "")[0] == where.channel_id:
                return channel.name or "General"  # Teams leaves the General channel's name empty
        return None

    async def _send(self, where: Conversation, target: str, activity: Activity) -> str | None:
        """Paced to Teams' limits (7 a second per conversation, 30 per tenant); 429, 412, 502 and 504
        are tried again, after Retry-After or a doubling pause, as Teams documents."""
        for attempt in range(RETRIES + 1):
            await PACER.wait((f"teams:conversation:{target.split(';')[0]}", 7.0),
                             (f"teams:tenant:{where.workspace_id}", 30.0))
            try:
                return await self._send_once(where, target, activity)
            except Exception as error:
                response = getattr(error, "response", None)
                status = getattr(response, "status_code", None) or getattr(error, "status", None)
                if status not in RETRIED_STATUSES or attempt == RETRIES:
                    raise
                headers = getattr(response, "headers", None) or {}
                wait = headers.get("Retry-After")
                log.info("teams send throttled; trying again", extra={"status": status, "attempt": attempt + 1})
                await asyncio.sleep(float(wait) if wait and wait.isdigit() else RETRY_PAUSE * 2 ** attempt)
        return None

    async def _send_once(self, where: Conversation, target: str, activity: Activity) -> str | None:
        """In the current turn when it is the same conversation; otherwise proactively."""
        if self.turn is not None and self.turn.activity.conversation.id == target:
            response = await self.turn.send_activity(activity)
            return response.id if response else None
        if not where.ref:
            raise Refused("no conversation reference to message this Teams conversation proactively")
        reference = conversation_reference(where)
        reference.conversation.id = target
        sent: list[str | None] = []
        await self.adapter.continue_conversation(reference, _sender(activity, sent), self.app_id)
        return sent[0] if sent else None

    async def _replace(self, action: ReplacePost) -> str:
        """One of the bot's messages replaced in place, outside any turn (a confirmation card at delivery):
        in the person's 1:1 chat with the bot when addressed to a person, else in the conversation."""
        card = MessageFactory.attachment(adaptive_card(action.text, action.sections, ()))
        card.id = action.message_id

        async def update(turn: TurnContext) -> None:
            card.conversation = turn.activity.conversation
            await turn.update_activity(card)

        where = action.conversation
        if addressed_to_person(where):
            await self._in_private_chat(User(id=where.channel_id), where, update)
        else:
            if not where.ref:
                raise Refused("no conversation reference to reach this Teams conversation")
            reference = conversation_reference(where)
            reference.conversation.id = conversation_id(where)
            await self.adapter.continue_conversation(reference, update, self.app_id)
        return action.message_id

    async def _send_privately(self, user: User, where: Conversation, activity: Activity) -> str | None:
        """A channel has no ephemeral messages: open (or reuse) the bot's 1:1 chat with the user."""
        sent: list[str | None] = []
        await self._in_private_chat(user, where, _sender(activity, sent))
        return sent[0] if sent else None

    async def _in_private_chat(self, user: User, where: Conversation,
                               callback: Callable[[TurnContext], Awaitable[None]]) -> None:
        """Run `callback` in a turn of the bot's 1:1 chat with `user` (Teams returns the existing chat)."""
        if not where.ref:
            raise Refused("no conversation reference to reach this Teams tenant")
        if not isinstance(self.adapter, CloudAdapterBase):
            raise NotImplementedError("1:1 notifications need botbuilder's CloudAdapter")
        reference = conversation_reference(where)
        await self.adapter.create_conversation(
            self.app_id,
            callback,
            private_chat_parameters(user, where.workspace_id, reference),
            reference.channel_id,
            reference.service_url,
        )


def _mailbox(member: TeamsChannelAccount) -> str | None:
    return member.email or member.user_principal_name


def _sender(activity: Activity, sent: list[str | None]):
    """The turn callback of a proactive send: posts `activity` and keeps the id Teams gave it."""

    async def send(turn: TurnContext) -> None:
        # The synthetic turn's own id is no Teams message; replying to it would misplace the post.
        turn.activity.id = None
        response = await turn.send_activity(activity)
        sent.append(response.id if response else None)

    return send
