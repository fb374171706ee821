"""Who may change what a channel shares: its settings and its weekly digest."""

from __future__ import annotations

from bot.context import Context
from bot.model import ActionClicked, CommandInvoked, HomeOpened


async def may_change_channel(event: CommandInvoked | ActionClicked | HomeOpened, context: Context) -> bool:
    """Slack tells us who the workspace admins are; Teams does not without Graph, so anyone may there."""
    if event.conversation.platform != "slack":
        return True
    profile = await context.platform.user_profile(event.conversation, event.user.id)
    return profile.is_admin
