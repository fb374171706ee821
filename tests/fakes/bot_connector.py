"""A loopback Bot Connector (the Teams side of the bot's REST calls) and Teams-shaped activities."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import aiohttp
from aiohttp import web

from adapters.app import TEAMS_TURNS
from tests.fakes.server import SERVED

BOT_ID = "28:bot-id"
BOT_NAME = "Etiquette"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
TEAM_ID = "19:team-general@thread.tacv2"
CHANNEL_ID = "19:abc@thread.tacv2"
PERSONAL_CHAT_ID = "a:1personal-chat-with-maria"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aad_object_id: str


MARIA = Person("29:1maria", "Maria Garcia", "00000000-0000-0000-0000-00000000aaaa")
KEN = Person("29:1ken", "Ken Tanaka", "00000000-0000-0000-0000-00000000bbbb")
PEOPLE = (MARIA, KEN)


@dataclass(frozen=True)
class Sent:
    """One activity the bot sent; `reply_to_id` is set when it used the reply-to-activity endpoint."""

    conversation_id: str
    reply_to_id: str | None
    activity: dict[str, Any]
    id: str = ""  # the id the Bot Connector gave it

    @property
    def text(self) -> str:
        """What a person reads: the message's text, else its Adaptive Cards' text blocks, one per line."""
        return self.activity.get("text") or "\n".join(block["text"] for block in self.card_blocks()
                                                       if block.get("type") == "TextBlock")

    def card_blocks(self) -> list[dict[str, Any]]:
        """The body elements of the Adaptive Cards attached, in order."""
        return [block for attachment in self.activity.get("attachments") or ()
                if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive"
                for block in attachment["content"].get("body", [])]


@dataclass
class FakeBotConnector:
    """Answers the Bot Connector endpoints the bot calls and records what it sent."""

    sent: list[Sent] = field(default_factory=list)
    updated: list[Sent] = field(default_factory=list)  # activities replaced (PUT), `id` the one replaced
    created: list[dict[str, Any]] = field(default_factory=list)
    refuse_with: int | None = None  # e.g. 403, as when the bot was removed from the conversation
    busy: list[int] = field(default_factory=list)  # statuses the next sends get first (429, 412, 502, 504)
    refused: list[int] = field(default_factory=list)  # the statuses answered so far
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1700000900000))

    def sent_to(self, conversation_id: str) -> list[Sent]:
        return [s for s in self.sent if s.conversation_id == conversation_id]

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create_conversation)
        app.router.add_get("/v3/conversations/{conversation_id}/members/{member_id}", self._member)
        app.router.add_post("/v3/conversations/{conversation_id}/activities", self._send)
        app.router.add_post("/v3/conversations/{conversation_id}/activities/{activity_id}", self._send)
        app.router.add_put("/v3/conversations/{conversation_id}/activities/{activity_id}", self._update)
        return app

    async def _update(self, request: web.Request) -> web.Response:
        """updateActivity: the bot replaces one of its messages (a card after its button was pressed)."""
        activity_id = request.match_info["activity_id"]
        self.updated.append(Sent(request.match_info["conversation_id"], None, await request.json(), activity_id))
        return web.json_response({"id": activity_id})

    async def _send(self, request: web.Request) -> web.Response:
        activity = await request.json()
        if self.busy:  # Teams under load: try again later (429 says when)
            status = self.busy.pop(0)
            self.refused.append(status)
            return web.json_response({"error": {"code": "Throttled", "message": "try later"}}, status=status,
                                     headers={"Retry-After": "0"} if status == 429 else None)
        if self.refuse_with:
            error = {"code": "BotNotInConversationRoster", "message": "The bot is not part of the conversation"}
            return web.json_response({"error": error}, status=self.refuse_with)
        sent_id = str(next(self._ids))
        self.sent.append(
            Sent(request.match_info["conversation_id"], request.match_info.get("activity_id"), activity, sent_id)
        )
        return web.json_response({"id": sent_id}, status=201)

    async def _member(self, request: web.Request) -> web.Response:
        """The roster entry Teams keeps for a member (TeamsInfo.get_member)."""
        person = next((p for p in PEOPLE if p.id == request.match_info["member_id"]), None)
        if person is None:
            return web.json_response({"error": {"code": "MemberNotFoundInConversation"}}, status=404)
        email = f"{person.name.split()[0].lower()}@contoso.example"
        return web.json_response({"id": person.id, "name": person.name, "aadObjectId": person.aad_object_id,
                                  "email": email, "userPrincipalName": email, "tenantId": TENANT_ID,
                                  "userRole": "user"})

    async def _create_conversation(self, request: web.Request) -> web.Response:
        """Teams answers a 1:1 create with the existing chat's id; we derive one from the member."""
        parameters = await request.json()
        self.created.append(parameters)
        member = parameters["members"][0]["id"]
        return web.json_response({"id": f"a:1personal-with-{member}"}, status=201)


# ---- activities shaped like the ones Teams sends ---------------------------------------


_activity_ids = itertools.count(1700000100000)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


def _base(service_url: str, activity_type: str, conversation: dict[str, Any],
          channel_data: dict[str, Any], activity_id: str | None) -> dict[str, Any]:
    return {
        "type": activity_type,
        "id": activity_id or str(next(_activity_ids)),
        "timestamp": _now(),
        "localTimestamp": _now(),
        "serviceUrl": service_url,
        "channelId": "msteams",
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": conversation,
        "channelData": channel_data,
        "locale": "en-US",
    }


def _sender(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "aadObjectId": person.aad_object_id}


def _personal_conversation() -> dict[str, Any]:
    return {"conversationType": "personal", "tenantId": TENANT_ID, "id": PERSONAL_CHAT_ID}


def _channel_conversation(root_id: str | None) -> dict[str, Any]:
    conv_id = f"{CHANNEL_ID};messageid={root_id}" if root_id else CHANNEL_ID
    return {"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID, "id": conv_id}


def _channel_data(in_channel: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"tenant": {"id": TENANT_ID}}
    if in_channel:
        data.update(
            teamsChannelId=CHANNEL_ID, teamsTeamId=TEAM_ID,
            team={"id": TEAM_ID, "name": "Launch"}, channel={"id": CHANNEL_ID, "name": "General"},
        )
    return data


def _bot_mention() -> dict[str, Any]:
    return {"type": "mention", "text": f"<at>{BOT_NAME}</at>", "mentioned": {"id": BOT_ID, "name": BOT_NAME}}


def personal_message(service_url: str, text: str, sender: Person = MARIA) -> dict[str, Any]:
    """A user typing to the bot in their 1:1 chat."""
    activity = _base(service_url, "message", _personal_conversation(), _channel_data(False), None)
    activity.update(
        {"from": _sender(sender), "text": text, "textFormat": "plain",
         "entities": [{"type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web",
                       "timezone": "Europe/Berlin"}]}
    )
    return activity


def channel_message(service_url: str, text: str, root_id: str, *, sender: Person = MARIA,
                    activity_id: str | None = None, mention_bot: bool = False) -> dict[str, Any]:
    """A channel post in the reply chain `root_id` (the root itself when `activity_id == root_id`)."""
    activity = _base(service_url, "message", _channel_conversation(root_id), _channel_data(True), activity_id)
    entities = [_bot_mention()] if mention_bot else []
    body = f"<at>{BOT_NAME}</at> {text}" if mention_bot else text
    activity.update({"from": _sender(sender), "text": body, "textFormat": "plain", "entities": entities})
    return activity


def channel_message_edited(service_url: str, text: str, root_id: str, activity_id: str,
                           sender: Person = MARIA) -> dict[str, Any]:
    """messageUpdate / editMessage: someone changed a channel post's text."""
    activity = _base(service_url, "messageUpdate", _channel_conversation(root_id),
                     {**_channel_data(True), "eventType": "editMessage"}, activity_id)
    activity.update({"from": _sender(sender), "text": text, "textFormat": "plain", "entities": []})
    return activity


def channel_message_deleted(service_url: str, root_id: str, activity_id: str, sender: Person = MARIA) -> dict[str, Any]:
    """messageDelete / softDeleteMessage: someone deleted a channel post."""
    activity = _base(service_url, "messageDelete", _channel_conversation(root_id),
                     {**_channel_data(True), "eventType": "softDeleteMessage"}, activity_id)
    activity["from"] = _sender(sender)
    return activity


def card_submit(service_url: str, data: dict[str, Any], root_id: str | None = None,
                sender: Person = MARIA, card_id: str = "1700000000500") -> dict[str, Any]:
    """An Adaptive Card Action.Submit on the card `card_id`: a message with `value` and no text."""
    if root_id:
        conversation, channel_data = _channel_conversation(root_id), _channel_data(True)
    else:
        conversation, channel_data = _personal_conversation(), _channel_data(False)
    activity = _base(service_url, "message", conversation, channel_data, None)
    activity.update({"from": _sender(sender), "value": {**data, "msteams": {"type": "messageBack"}},
                     "replyToId": card_id})
    return activity


def bot_installed_in_team(service_url: str, *, removed: bool = False) -> dict[str, Any]:
    """conversationUpdate: the bot was added to (or removed from) the team's General channel."""
    channel_data = {**_channel_data(True), "eventType": "teamMemberRemoved" if removed else "teamMemberAdded"}
    channel_data.update(channel={"id": TEAM_ID, "name": "General"}, teamsChannelId=TEAM_ID)
    conversation = {"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID, "id": TEAM_ID}
    activity = _base(service_url, "conversationUpdate", conversation, channel_data, None)
    members = [{"id": BOT_ID}]
    activity.update({"from": _sender(MARIA), **({"membersRemoved": members} if removed
                                                  else {"membersAdded": members})})
    return activity


def bot_installed_personally(service_url: str) -> dict[str, Any]:
    """conversationUpdate: a user installed the bot for themselves (its 1:1 chat now exists)."""
    activity = _base(service_url, "conversationUpdate", _personal_conversation(), _channel_data(False), None)
    activity.update({"from": _sender(MARIA), "membersAdded": [{"id": BOT_ID}, {"id": MARIA.id}]})
    return activity


def installation_update(service_url: str, action: str) -> dict[str, Any]:
    """installationUpdate in the team: `add`, `add-upgrade`, `remove` or `remove-upgrade`."""
    conversation = {"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID, "id": TEAM_ID}
    activity = _base(service_url, "installationUpdate", conversation, _channel_data(True), None)
    activity.update({"from": _sender(MARIA), "action": action})
    return activity


async def post_activity(bot_url: str, body: dict[str, Any] | str | bytes) -> tuple[int, str]:
    """POST to the bot's /api/messages as the Bot Connector would (no Authorization: auth is off).

    The bot answers 202 and runs the turn after; this waits for it, so what a test checks next
    (including that something was *not* sent) is the turn's doing.
    """
    data = body if isinstance(body, (str, bytes)) else None
    async with aiohttp.ClientSession() as http:
        async with http.post(bot_url + "/api/messages", data=data,
                             json=None if data is not None else body,
                             headers={"Content-Type": "application/json"} if data is not None else None) as r:
            answer = r.status, await r.text()
    if app := SERVED.get(bot_url):
        await app[TEAMS_TURNS].drain(timeout=None)  # however long the turn takes on a busy machine (never cancelled)
    return answer
