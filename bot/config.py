"""Settings, all from the environment (names are the contract in README)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    port: int = 3978
    database_url: str = "sqlite+aiosqlite:///./etiquette.db"
    log_level: str = "INFO"

    slack_signing_secret: SecretStr | None = None
    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_token_encryption_key: SecretStr | None = None  # Fernet key for tokens stored by the OAuth flow
    slack_api_base_url: str = "https://slack.com/api/"

    microsoft_app_id: str = ""
    microsoft_app_password: SecretStr = SecretStr("")
    microsoft_app_tenant_id: str = ""
    microsoft_app_type: str = "MultiTenant"
    # Where the Bot Framework's OpenID metadata (and so its token signing keys) is fetched; tests use a fake.
    microsoft_openid_metadata_url: str = "https://login.botframework.com/v1/.well-known/openidconfiguration"
    graph_base_url: str = "https://graph.microsoft.com/v1.0"
    teams_admins: str = Field("", description="Entra object ids (or Teams user ids), comma-separated, who may "
                                              "change any Teams channel's settings")

    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None

    event_dedupe_hours: int = Field(24, description="How long Slack event ids are remembered")
    nudge_cooldown_hours: float = Field(24.0, description="At most one nudge per person per kind in this window")
    meeting_rescore_seconds: float = Field(120.0, description="How often a busy thread is re-scored for a call")
    hello_follow_up_seconds: float = Field(60.0, description="How long a hello may wait for its question")
    digest_poll_seconds: float = Field(60.0, description="How often due weekly digests are looked for")
    message_retention_days: float = Field(35.0, description="How long the message store keeps a message")
    slack_history_tier: Literal["standard", "limited"] | None = Field(
        None, description="Slack's rate tier for conversations.history/replies; default: limited with OAuth")
    backfill_poll_seconds: float = Field(15.0, description="How often partial summaries look for their missing pages")
    inbox_poll_seconds: float = Field(10.0, description="How often failed or orphaned inbox items are looked for")
    inbox_lease_seconds: float = Field(300.0, description="After this, work a process took is taken over by another")
    outbox_poll_seconds: float = Field(5.0, description="How often due scheduled messages are looked for")

    @property
    def history_tier(self) -> str:
        """A distributed (OAuth) app outside the Marketplace gets 1 history call a minute; a single
        workspace's own (internal) app keeps Tier 3."""
        return self.slack_history_tier or ("limited" if self.slack_oauth else "standard")

    @property
    def message_key(self) -> str | None:
        """The Fernet key stored message text is sealed with: the one that protects Slack tokens."""
        key = self.slack_token_encryption_key
        return key.get_secret_value() if key else None

    @property
    def slack_oauth(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_enabled(self) -> bool:
        """A signing secret and either one workspace's bot token or the OAuth install flow."""
        return self.slack_signing_secret is not None and (self.slack_bot_token is not None or self.slack_oauth)

    @property
    def teams_admin_ids(self) -> frozenset[str]:
        return frozenset(part.strip().lower() for part in self.teams_admins.split(",") if part.strip())

    @property
    def teams_authenticated(self) -> bool:
        return bool(self.microsoft_app_id)

    @property
    def async_database_url(self) -> str:
        """Accept the usual `postgresql://` and `sqlite:///` spellings and pick the async driver."""
        url = self.database_url
        for plain, driver in (
            ("postgres://", "postgresql+asyncpg://"),
            ("postgresql://", "postgresql+asyncpg://"),
            ("sqlite://", "sqlite+aiosqlite://"),
        ):
            if url.startswith(plain):
                return driver + url[len(plain) :]
        return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
