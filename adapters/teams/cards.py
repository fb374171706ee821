"""Adaptive Cards (1.5) for Teams, built in one place so every skill's output looks the same."""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

from bot.actions import Button, Section


def adaptive_card(text: str, sections: tuple[Section, ...], buttons: tuple[Button, ...]) -> Attachment:
    body: list[dict[str, Any]] = [{"type": "TextBlock", "text": text, "wrap": True}]
    for section in sections:
        body.append({"type": "TextBlock", "text": section.title, "weight": "Bolder", "wrap": True})
        body.extend(
            {"type": "TextBlock", "text": f"- {line}", "wrap": True, "spacing": "None"}
            for line in section.lines or ("_none_",)
        )
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": body,
    }
    if buttons:
        card["actions"] = [
            {"type": "Action.Submit", "title": b.label, "data": {"action": b.action_id, "value": b.value}}
            for b in buttons
        ]
    return CardFactory.adaptive_card(card)
