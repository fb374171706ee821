"""What a skill may ask for. Skills return these; adapters perform them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.model import ActionClicked, CommandInvoked, Conversation, User


@dataclass(frozen=True)
class Button:
    label: str
    action_id: str
    value: str = ""


@dataclass(frozen=True)
class Section:
    """A titled block of lines; adapters render it as Block Kit or an Adaptive Card."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    highlight: bool = False  # drawn in the accent colour (the digest: most members are working)


@dataclass(frozen=True)
class Chart:
    """A small bar chart with a message: Slack uploads `png` with it, Teams draws `bars` in the card itself."""

    title: str
    bars: tuple[Bar, ...]
    png: bytes
    filename: str = "chart.png"
    x_title: str = ""
    y_title: str = ""
    caption: str = ""  # what the highlight means, and the alt text


@dataclass(frozen=True)
class Reply:
    """Answer in the thread (or reply chain) of `conversation`."""

    conversation: Conversation
    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    delivery_key: str | None = None  # set for outbox deliveries, so a crash can check what was sent
    chart: Chart | None = None


@dataclass(frozen=True)
class Post:
    """Post at the top level of a channel (or, with a user id as channel, in a DM from the bot)."""

    conversation: Conversation
    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    delivery_key: str | None = None
    chart: Chart | None = None


@dataclass(frozen=True)
class NotifyPrivately:
    """Only `user` sees it: Slack ephemeral message, Teams 1:1 chat."""

    user: User
    conversation: Conversation
    text: str
    buttons: tuple[Button, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """A message for the outbox, to deliver at `deliver_at` (timezone-aware); see bot.outbox."""

    conversation: Conversation
    author: User
    text: str
    deliver_at: datetime
    sections: tuple[Section, ...] = ()  # the bot's own scheduled posts (the digest) have a layout
    chart: Chart | None = None


@dataclass(frozen=True)
class Field:
    """One input of a dialog; `name` comes back as the key of DialogSubmitted.values."""

    name: str
    label: str
    value: str = ""
    multiline: bool = False
    hint: str = ""
    kind: str = "text"  # "text", or "user": a person picker where the platform has one


@dataclass(frozen=True)
class OpenDialog:
    """A form prefilled with our best guess: Slack modal (needs `trigger_id`), Teams card."""

    user: User
    conversation: Conversation
    title: str
    callback_id: str
    fields: tuple[Field, ...]
    submit_label: str = "Submit"
    trigger_id: str | None = None
    intro: str = ""
    state: str = ""  # opaque to the platform; comes back in DialogSubmitted.state


@dataclass(frozen=True)
class UpdateMessage:
    """Replace the message a click came from (`ActionClicked.origin`) with `text`: its buttons give way to the outcome."""

    user: User
    conversation: Conversation
    origin: str
    text: str


def answer_click(event: ActionClicked, text: str) -> UpdateMessage | NotifyPrivately:
    """The outcome of a button, in place of the card it was on where the platform can say which; else privately."""
    if event.origin:
        return UpdateMessage(user=event.user, conversation=event.conversation, origin=event.origin, text=text)
    return NotifyPrivately(user=event.user, conversation=event.conversation, text=text)


@dataclass(frozen=True)
class DeleteMessage:
    """Delete `author`'s own message — only where they allowed the bot to (Slack user token)."""

    conversation: Conversation
    message_id: str
    author: User


@dataclass(frozen=True)
class ReplacePost:
    """Replace the text of a message the bot posted, by its id (a partial summary completed when its thread is whole)."""

    conversation: Conversation
    message_id: str
    text: str
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class ShareFile:
    """Attach a file in the thread of `conversation` (Slack upload); e.g. a calendar invite."""

    conversation: Conversation
    filename: str
    content: str
    title: str
    comment: str = ""


@dataclass(frozen=True)
class PublishHome:
    """Replace what `user` sees on the bot's home tab (Slack App Home)."""

    user: User
    conversation: Conversation
    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    channel_pickers: tuple[Button, ...] = ()  # channel selects; each action_id gets the chosen channel id


def answer_privately(event: CommandInvoked, text: str) -> NotifyPrivately:
    """A command's answer, seen only by who typed it, at the conversation's top level."""
    return NotifyPrivately(user=event.user, conversation=replace(event.conversation, thread_id=None), text=text)


Action = Reply | Post | NotifyPrivately | OpenDialog | PublishHome | DeleteMessage | ShareFile | UpdateMessage | ReplacePost
