"""Routes platform-neutral events to skills and performs the actions they return."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from bot.actions import Action, NotifyPrivately
from bot.context import Context
from bot.deliveries import CURRENT_RUN, ActionFailed, ExactlyOnce
from bot.metrics import PLATFORM_ERRORS, SKILL_SECONDS, error_kind
from bot.model import (
    ActionClicked,
    CommandInvoked,
    DialogSubmitted,
    Event,
    HomeOpened,
    Installed,
    Mentioned,
    MessagePosted,
)
from bot.platform import Refused
from skills import help as help_skill
from skills import settings as settings_skill
from skills import summarize
from skills.digest import handler as digest
from skills.later import handler as later
from skills.meetings import handler as meetings
from skills.threads import handler as threads

log = logging.getLogger(__name__)


Handler = Callable[[Event, Context], Awaitable[list[Action]]]
Predicate = Callable[[Event], bool]

# A mention, command or click has one answer; a posted message may interest several skills.
_FIRST_MATCH_ONLY = (Mentioned, CommandInvoked, ActionClicked, DialogSubmitted, HomeOpened, Installed)


@dataclass(frozen=True)
class Route:
    event_type: type
    handler: Handler
    when: Predicate | None = None
    name: str = ""


class Router:
    def __init__(self) -> None:
        self.routes: list[Route] = []

    def on(self, event_type: type, handler: Handler, when: Predicate | None = None) -> None:
        self.routes.append(Route(event_type, handler, when, getattr(handler, "__module__", "")))

    def matching(self, event: Event) -> list[Route]:
        found = [
            route
            for route in self.routes
            if isinstance(event, route.event_type) and (route.when is None or route.when(event))
        ]
        return found[:1] if isinstance(event, _FIRST_MATCH_ONLY) else found

    async def dispatch(self, event: Event, context: Context) -> list[Action]:
        """Run every matching skill, then perform what they asked for, in order.

        A platform failure a retry may fix propagates (the inbox tries the event again, and the actions
        already performed are not repeated: bot/deliveries.py); one refused for good is logged and
        the other actions go on.
        """
        if (run := CURRENT_RUN.get()) is not None:
            context = replace(context, platform=ExactlyOnce(context.platform, run))
        routes = self.matching(event)
        actions: list[Action] = []
        for route in routes:
            try:
                with SKILL_SECONDS.labels(route.name).time():
                    actions.extend(await route.handler(event, context))
            except ActionFailed:
                raise  # a post the skill made itself failed: retried like the others
            except Exception:  # one skill failing must not silence the others
                log.exception("skill failed", extra={"skill": route.name, "event": type(event).__name__})
        if not routes and isinstance(event, CommandInvoked):
            actions.append(unknown_command(event))
        for action in actions:
            try:
                await context.platform.perform(action)
            except Exception as error:
                cause = error.__cause__ if isinstance(error, ActionFailed) and error.__cause__ else error
                PLATFORM_ERRORS.labels(context.platform.name, error_kind(cause)).inc()
                if not isinstance(error, Refused):
                    raise
                log.warning("action refused by the platform", extra={"action": type(action).__name__,
                                                                     "error": str(error)})
        log.info(
            "event handled",
            extra={"event": type(event).__name__, "skills": [r.name for r in routes],
                   "actions": [type(a).__name__ for a in actions]},
        )
        return actions


def unknown_command(event: CommandInvoked) -> NotifyPrivately:
    return NotifyPrivately(
        user=event.user,
        conversation=event.conversation,
        text=f"Sorry, `{event.command}` is not available yet. Mention me with `help` to see what I can do.",
    )


def default_router() -> Router:
    """The product's routing table: one line per skill, read top to bottom."""
    router = Router()
    router.on(Installed, help_skill.welcome)
    router.on(Mentioned, help_skill.handle, when=help_skill.wants)
    router.on(Mentioned, summarize.handle, when=summarize.wants)
    router.on(Mentioned, summarize.handle_mention, when=summarize.wants_mention)
    router.on(CommandInvoked, later.handle_command, when=later.wants_command)
    router.on(ActionClicked, later.handle_click, when=later.wants_click)
    router.on(DialogSubmitted, later.handle_form, when=later.wants_form)
    router.on(CommandInvoked, settings_skill.handle, when=settings_skill.wants)
    router.on(CommandInvoked, digest.handle, when=digest.wants)
    router.on(HomeOpened, settings_skill.handle_home, when=settings_skill.wants_home)
    router.on(ActionClicked, settings_skill.handle_home, when=settings_skill.wants_home)
    router.on(MessagePosted, threads.handle_message, when=threads.wants_message)
    router.on(MessagePosted, meetings.handle_reply, when=meetings.wants_reply)
    router.on(MessagePosted, meetings.handle_announcement, when=meetings.wants_top_level)
    router.on(MessagePosted, meetings.handle_burst, when=meetings.wants_top_level)
    router.on(ActionClicked, meetings.handle_click, when=meetings.wants_click)
    router.on(ActionClicked, threads.handle_click, when=threads.wants_click)
    return router
