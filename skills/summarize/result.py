"""What a summarizer returns: a frozen `Summary` whose items remember the message they came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skills.frozen import quick_init


@quick_init
@dataclass(frozen=True)
class Item:
    """A decision or open question, with the id (and link, when known) of its source message."""

    text: str
    source_id: str
    link: str | None = None
    support: str = ""  # who agreed with a decision: "Ken and Ana agreed; 2 agreement reactions"

    @property
    def line(self) -> str:
        """As shown: the decision's outcome clause, then who agreed with it ("… (Ken agreed)")."""
        return f"{self.text} ({self.support})" if self.support else self.text


@quick_init
@dataclass(frozen=True)
class ActionItem:
    text: str
    owner: str | None
    due: str | None
    source_id: str
    link: str | None = None
    due_date: date | None = None  # the day `due` means, counted from the message that said it


@quick_init
@dataclass(frozen=True)
class Summary:
    tldr: str
    decisions: tuple[Item, ...] = ()
    action_items: tuple[ActionItem, ...] = ()
    open_questions: tuple[Item, ...] = ()
    participants: tuple[str, ...] = ()
    too_short: bool = False  # fewer human messages than are worth summarizing
    no_decision: bool = False  # a decision was sought and not reached
    waiting_on: str | None = None  # what that decision waits for, as the thread put it
    language: str = "en"  # the thread's language (ISO 639-1; "und" for none of the cue languages)

    def to_json(self) -> dict:
        """The CLI's `--json` shape (a contract, see docs/summaries.md)."""
        return {
            "tldr": self.tldr,
            "decisions": [item.line for item in self.decisions],
            "action_items": [
                {"text": item.text, "owner": item.owner, "due": item.due,
                 "due_date": item.due_date.isoformat() if item.due_date else None}
                for item in self.action_items
            ],
            "open_questions": [item.text for item in self.open_questions],
            "no_decision": self.no_decision,
            "waiting_on": self.waiting_on,
            "participants": list(self.participants),
            "language": self.language,
        }

    def as_text(self) -> str:
        """Readable plain text, for the CLI without `--json`."""
        if self.too_short:
            return self.tldr
        lines = [f"TL;DR: {self.tldr}"]
        blocks = (
            ("Decisions", [item.line for item in self.decisions]),
            ("Action items", [action_line(item) for item in self.action_items]),
            ("Open questions", [item.text for item in self.open_questions]),
            ("Participants", list(self.participants)),
        )
        for title, items in blocks:
            if items:
                lines += ["", f"{title}:"] + [f"  - {line}" for line in items]
        return "\n".join(lines)


def action_line(item: ActionItem) -> str:
    """`Ken: send the contract (due Friday, Dec 4)`; `unassigned` when nobody took it."""
    text = f"{item.owner or 'unassigned'}: {item.text}"
    if not item.due:
        return text
    day = f", {item.due_date:%a %b} {item.due_date.day}" if item.due_date and item.due_date.strftime("%A").lower() not in item.due.lower() else ""
    return f"{text} (due {item.due}{day})"


def names_list(names: list[str]) -> str:
    """'Maria', 'Maria and Ken', 'Ana, Maria and Ken'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
