"""Who may change what a channel shares: its settings and its weekly digest."""

from __future__ import annotations

from bot.context import Context
from bot.model import ActionClicked, CommandInvoked, HomeOpened

# Who `may_manage` lets in, as a refusal names them (TEAMS_ADMINS are "the bot's admins").
MANAGERS = {"slack": "workspace admins",
            "teams": "the team's owners, whoever added me to the team and the bot's admins"}


def managers(event: CommandInvoked | ActionClicked | HomeOpened) -> str:
    return MANAGERS.get(event.conversation.platform, "admins")


async def may_change_channel(event: CommandInvoked | ActionClicked | HomeOpened, context: Context) -> bool:
    """Each platform knows its managers: Slack's workspace admins, a Teams team's owners (see the adapters)."""
    return await context.platform.may_manage(event.conversation, event.user.id)
