"""Adaptive Cards (1.5) for Teams, built in one place so every skill's output looks the same."""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

from bot.actions import Button, Chart, OpenDialog, Section

_SLACK_BOLD = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)\|([^>]+)>")
_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def teams_markdown(text: str) -> str:
    """Skills write Slack mrkdwn (`*bold*`, `<url|label>`, a line per line break); Teams reads `*x*` as italics
    and runs single line breaks together, so each becomes a paragraph break."""
    text = _SLACK_LINK.sub(r"[\2](\1)", text)
    return _LINE_BREAK.sub("\n\n", _SLACK_BOLD.sub(r"**\1**", text))


def adaptive_card(text: str, sections: tuple[Section, ...], buttons: tuple[Button, ...],
                  chart: Chart | None = None) -> Attachment:
    body: list[dict[str, Any]] = [{"type": "TextBlock", "text": teams_markdown(text), "wrap": True}]
    for section in sections:
        body.append({"type": "TextBlock", "text": section.title, "weight": "Bolder", "wrap": True,
                     "separator": True})
        body.extend(
            {"type": "TextBlock", "text": f"- {teams_markdown(line)}", "wrap": True, "spacing": "None"}
            for line in section.lines or ("_none_",)
        )
    if chart is not None:
        body += chart_elements(chart)
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


def chart_elements(chart: Chart) -> list[dict[str, Any]]:
    """Teams draws bar charts in cards itself (`Chart.VerticalBar`): no image to host, and it follows the theme.

    Clients without chart support show the fallback: the busiest hours as text.
    """
    busiest = sorted((b for b in chart.bars if b.value), key=lambda b: -b.value)[:3]
    fallback = f"{chart.title}: busiest hours " + ", ".join(f"{b.label}:00 ({b.value})" for b in busiest)
    elements: list[dict[str, Any]] = [{
        "type": "Chart.VerticalBar",
        "title": chart.title,
        "xAxisTitle": chart.x_title,
        "yAxisTitle": chart.y_title,
        "data": [{"x": b.label, "y": b.value, "color": "good" if b.highlight else "neutral"} for b in chart.bars],
        "fallback": {"type": "TextBlock", "text": fallback, "wrap": True},
    }]
    if chart.caption:
        elements.append({"type": "TextBlock", "text": chart.caption, "isSubtle": True, "size": "Small", "wrap": True})
    return elements


def form_card(dialog: OpenDialog) -> Attachment:
    """A dialog as a card with inputs; Teams sends the inputs back with the submit's data."""
    body: list[dict[str, Any]] = [{"type": "TextBlock", "text": dialog.title, "weight": "Bolder", "wrap": True}]
    if dialog.intro:
        body.append({"type": "TextBlock", "text": teams_markdown(dialog.intro), "wrap": True})
    for field in dialog.fields:
        body.append({"type": "Input.Text", "id": field.name, "label": field.label, "value": field.value,
                     "placeholder": field.hint, "isMultiline": field.multiline})
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": body,
        "actions": [{"type": "Action.Submit", "title": dialog.submit_label,
                     "data": {"action": dialog.callback_id, "state": dialog.state}}],
    }
    return CardFactory.adaptive_card(card)
