"""The command table parses what help lists, on both platforms, and nothing else."""

from __future__ import annotations

import pytest

from bot.commands import COMMANDS, is_command, parse, split_command, typed


@pytest.mark.parametrize("platform", ["slack", "teams"])
def test_every_form_help_lists_parses_back_to_its_command(platform):
    for command in COMMANDS:
        for form in command.forms:
            as_typed = typed(command, form, platform).removeprefix("@etiquette ")
            parsed = parse(as_typed)
            assert parsed is not None and parsed.command is command, as_typed
            assert parsed.rest == " ".join(filter(None, (form.verb, form.args)))


def test_thread_commands_stay_mentions_and_the_rest_are_commands():
    assert split_command("later tomorrow 9am Send it") == ("later", "tomorrow 9am Send it")
    assert split_command("/digest now") == ("digest", "now")
    assert split_command("Settings") == ("settings", "")
    assert split_command("summarize private") is None and is_command("summarize private", "summarize")
    assert split_command("help") is None and is_command("hi", "help")


def test_ordinary_sentences_are_no_command():
    for text in ("what did we decide?", "hi there, can you look at this", "", "laterally speaking"):
        assert parse(text) is None, text
    assert is_command("tl;dr please", "summarize")
