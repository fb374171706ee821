"""TeamsPlatform: the platform port over the Bot Connector (and, later, Microsoft Graph)."""

from __future__ import annotations

from botbuilder.core import BotAdapter, MessageFactory, TurnContext
from botbuilder.schema import Activity, ConversationReference

from adapters.teams.cards import adaptive_card
from bot.actions import Action, NotifyPrivately, Post, Reply
from bot.metrics import ACTIONS
from bot.model import Conversation, Thread, User
from bot.platform import PlatformLimits
from bot.store import Store

GRAPHLESS_NOTE = (
    "Microsoft Graph is not configured, so I only see the messages sent to me in this conversation."
)


def conversation_id(where: Conversation, *, top_level: bool = False) -> str:
    """The Bot Connector conversation id: a channel reply chain is `channel;messageid=root`."""
    if where.thread_id and where.thread_id != where.channel_id and not top_level:
        return f"{where.channel_id};messageid={where.thread_id}"
    return where.channel_id


def outgoing(action: Reply | Post | NotifyPrivately) -> Activity:
    sections = getattr(action, "sections", ())
    if sections or action.buttons:
        return MessageFactory.attachment(adaptive_card(action.text, sections, action.buttons))
    return MessageFactory.text(action.text)


class TeamsPlatform:
    name = "teams"
    limits = PlatformLimits(max_message_chars=28_000)

    def __init__(self, adapter: BotAdapter, app_id: str, store: Store, turn: TurnContext | None = None):
        self.adapter = adapter
        self.app_id = app_id
        self.store = store
        self.turn = turn

    async def fetch_thread(self, conversation: Conversation) -> Thread:
        messages = await self.store.messages_in_thread(conversation)
        return Thread(conversation=conversation, messages=tuple(messages), complete=False, note=GRAPHLESS_NOTE)

    async def user_profile(self, conversation: Conversation, user_id: str) -> User:
        return User(id=user_id)

    async def perform(self, action: Action) -> str | None:
        ACTIONS.labels("teams", type(action).__name__).inc()
        if not isinstance(action, (Reply, Post, NotifyPrivately)):
            raise NotImplementedError(f"Teams cannot perform {type(action).__name__} yet")
        if isinstance(action, NotifyPrivately) and not action.conversation.is_direct:
            raise NotImplementedError("Teams 1:1 notifications from a channel are not implemented yet")
        target = conversation_id(action.conversation, top_level=isinstance(action, Post))
        return await self._send(action.conversation, target, outgoing(action))

    async def _send(self, where: Conversation, target: str, activity: Activity) -> str | None:
        """In the current turn when it is the same conversation; otherwise proactively."""
        if self.turn is not None and self.turn.activity.conversation.id == target:
            response = await self.turn.send_activity(activity)
            return response.id if response else None
        if not where.ref:
            raise ValueError("no conversation reference to message this Teams conversation proactively")
        reference = ConversationReference().deserialize(where.ref)
        reference.conversation.id = target
        sent: list[str | None] = []

        async def send(turn: TurnContext) -> None:
            response = await turn.send_activity(activity)
            sent.append(response.id if response else None)

        await self.adapter.continue_conversation(reference, send, self.app_id)
        return sent[0] if sent else None
