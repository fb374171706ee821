"""Microsoft Graph for Teams: a person's time zone and working hours from their mailbox settings.

Switched on when the bot has Entra ID app credentials (MICROSOFT_APP_ID, _PASSWORD, _TENANT_ID) and
the tenant granted `MailboxSettings.Read`; without it, profiles fall back to the Teams client's zone
and the default working hours, and the `/later` reply says so.
"""

from __future__ import annotations

import html
import logging
import re
import uuid
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiota_abstractions.authentication import AuthenticationProvider

from bot.config import Settings
from bot.model import Conversation, Message, User, WorkingHours

log = logging.getLogger(__name__)
GRAPH_SCOPE = "https://graph.microsoft.com/.default"
_HTML_TAG = re.compile(r"<[^>]+>")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _message(item, where: Conversation) -> Message:
    """A Graph chatMessage as the core sees it: plain text, author, time and its Teams link."""
    body = item.body.content if item.body and item.body.content else ""
    return Message(
        id=item.id or "",
        author=User(id=item.from_.user.id or "", name=item.from_.user.display_name or ""),
        text=" ".join(html.unescape(_HTML_TAG.sub(" ", body)).split()),
        sent_at=item.created_date_time,
        conversation=where,
        link=item.web_url,
    )


def _graph_time(moment: datetime):
    """A moment as Graph's dateTimeTimeZone, in UTC."""
    from msgraph.generated.models.date_time_time_zone import DateTimeTimeZone

    return DateTimeTimeZone(date_time=moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"), time_zone="UTC")


def _from_graph_time(value) -> datetime:
    """Graph answers `2026-11-24T09:00:00.0000000` with a zone name beside it (UTC when we asked in UTC)."""
    moment = datetime.fromisoformat(value.date_time[:19])
    try:
        zone = ZoneInfo(value.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.replace(tzinfo=zone).astimezone(timezone.utc)


def _value(enum_or_text) -> str:
    return str(getattr(enum_or_text, "value", enum_or_text)).lower()


class GraphDirectory:
    def __init__(self, auth_provider: AuthenticationProvider, base_url: str) -> None:
        from msgraph import GraphRequestAdapter, GraphServiceClient

        adapter = GraphRequestAdapter(auth_provider)
        adapter.base_url = base_url.rstrip("/")
        self.client = GraphServiceClient(request_adapter=adapter)

    @classmethod
    def from_settings(cls, settings: Settings) -> GraphDirectory | None:
        """A client-credentials Graph client, or None when the app has no tenant credentials."""
        secret = settings.microsoft_app_password.get_secret_value()
        if not (settings.microsoft_app_id and secret and settings.microsoft_app_tenant_id):
            return None
        from azure.identity.aio import ClientSecretCredential
        from kiota_authentication_azure.azure_identity_authentication_provider import (
            AzureIdentityAuthenticationProvider,
        )

        credential = ClientSecretCredential(settings.microsoft_app_tenant_id, settings.microsoft_app_id, secret)
        return cls(AzureIdentityAuthenticationProvider(credential, scopes=[GRAPH_SCOPE]), settings.graph_base_url)

    async def channel_thread(self, team_group_id: str, where: Conversation) -> list[Message] | None:
        """A channel reply chain, root first, all pages (`ChannelMessage.Read.All`); None when Graph says no."""
        root = self.client.teams.by_team_id(team_group_id).channels.by_channel_id(where.channel_id) \
            .messages.by_chat_message_id(where.thread_id or "")
        try:
            first = await root.get()
            page = await root.replies.get()
            replies = list(page.value or []) if page else []
            while page is not None and page.odata_next_link:
                page = await root.replies.with_url(page.odata_next_link).get()
                replies.extend(page.value or [])
        except Exception as error:  # no permission or not found: the caller falls back to what it saw
            log.warning("graph channel thread unavailable", extra={"error": type(error).__name__})
            return None
        chain = ([first] if first else []) + sorted(replies, key=lambda m: m.created_date_time)
        return [_message(m, where) for m in chain if m.deleted_date_time is None and m.from_ and m.from_.user]

    async def create_meeting(self, organizer_id: str, subject: str, start: datetime, end: datetime,
                             attendee_emails: list[str]) -> str | None:
        """A calendar event with a Teams meeting; returns its join URL, or None when Graph refuses."""
        from msgraph.generated.models.attendee import Attendee
        from msgraph.generated.models.attendee_type import AttendeeType
        from msgraph.generated.models.email_address import EmailAddress
        from msgraph.generated.models.event import Event
        from msgraph.generated.models.online_meeting_provider_type import OnlineMeetingProviderType

        event = Event(
            subject=subject, start=_graph_time(start), end=_graph_time(end), is_online_meeting=True,
            online_meeting_provider=OnlineMeetingProviderType.TeamsForBusiness,
            attendees=[Attendee(email_address=EmailAddress(address=a), type=AttendeeType.Required)
                       for a in attendee_emails],
        )
        try:
            created = await self.client.users.by_user_id(organizer_id).events.post(event)
        except Exception as error:  # no permission or no mailbox: the caller says it could not
            log.warning("graph meeting creation failed", extra={"error": type(error).__name__})
            return None
        meeting = created.online_meeting if created else None
        return meeting.join_url if meeting else None

    async def busy_times(self, asker_id: str, mailboxes: list[str], start: datetime,
                         end: datetime) -> list[tuple[datetime, datetime]] | None:
        """Busy, tentative and out-of-office intervals of these mailboxes (getSchedule); None when Graph refuses.

        `findMeetingTimes` would do more, but it takes delegated permissions only; a bot has none.
        """
        from msgraph.generated.users.item.calendar.get_schedule.get_schedule_post_request_body import (
            GetSchedulePostRequestBody,
        )

        body = GetSchedulePostRequestBody(schedules=mailboxes, start_time=_graph_time(start),
                                          end_time=_graph_time(end), availability_view_interval=15)
        try:
            answer = await self.client.users.by_user_id(asker_id).calendar.get_schedule.post(body)
        except Exception as error:  # no permission or no mailbox: slots from working hours alone
            log.warning("graph getSchedule failed", extra={"error": type(error).__name__})
            return None
        return sorted(
            (_from_graph_time(item.start), _from_graph_time(item.end))
            for schedule in (answer.value if answer else None) or []
            for item in schedule.schedule_items or []
            if item.start and item.end and _value(item.status) not in ("free", "workingelsewhere")
        )

    async def is_team_owner(self, team_group_id: str, aad_object_id: str) -> bool:
        """Whether the person owns the team (`TeamMember.Read.Group`, granted with the app, or `TeamMember.Read.All`);
        False when Graph says no or cannot tell."""
        from kiota_abstractions.base_request_configuration import RequestConfiguration
        from msgraph.generated.teams.item.members.members_request_builder import MembersRequestBuilder

        try:
            person = str(uuid.UUID(aad_object_id))  # a GUID and nothing else goes into the filter
        except ValueError:
            return False
        query = MembersRequestBuilder.MembersRequestBuilderGetQueryParameters(
            filter=f"(microsoft.graph.aadUserConversationMember/userId eq '{person}')")
        try:
            page = await self.client.teams.by_team_id(team_group_id).members.get(
                RequestConfiguration(query_parameters=query))
        except Exception as error:  # no permission, not found, Graph down: not an owner as far as we know
            log.warning("graph team members unavailable", extra={"error": type(error).__name__})
            return False
        return any(getattr(member, "user_id", None) == person and "owner" in (member.roles or [])
                   for member in (page.value if page else None) or [])

    async def working_clock(self, aad_object_id: str) -> tuple[str | None, WorkingHours | None]:
        """(time zone as Graph names it — often a Windows name —, working hours); Nones when unknown."""
        try:
            settings = await self.client.users.by_user_id(aad_object_id).mailbox_settings.get()
        except Exception as error:  # no permission, no mailbox, Graph down: the caller uses defaults
            log.warning("graph mailboxSettings unavailable", extra={"error": type(error).__name__})
            return None, None
        if settings is None:
            return None, None
        hours = settings.working_hours
        zone = settings.time_zone or (hours.time_zone.name if hours and hours.time_zone else None)
        if hours is None or hours.start_time is None or hours.end_time is None:
            return zone, None
        days = tuple(sorted(_DAYS.index(_value(d)) for d in hours.days_of_week or () if _value(d) in _DAYS))
        start, end = hours.start_time, hours.end_time
        working = WorkingHours(start=time(start.hour, start.minute), end=time(end.hour, end.minute),
                               days=days or WorkingHours().days)
        # Working hours are stated in their own zone, which Outlook keeps equal to the mailbox's.
        if hours.time_zone and hours.time_zone.name:
            zone = zone or hours.time_zone.name
        return zone, working
