"""Multi-workspace Slack: the OAuth v2 install flow, with installations stored encrypted in our database."""

from __future__ import annotations

import copy
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import (
    AsyncSQLAlchemyInstallationStore,
)
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import desc, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings

# What the bot asks for when installed; equal to manifests/slack/manifest.yml (a test checks).
BOT_SCOPES = (
    "app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "files:write", "groups:history",
    "groups:read", "im:history", "im:write", "mpim:history", "reactions:read", "users:read",
)
# Asked of each person who installs for themselves: lets "Move it there" delete their original message.
USER_SCOPES = ("chat:write",)
_TOKEN_FIELDS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")


class EncryptedInstallationStore(AsyncSQLAlchemyInstallationStore):
    """slack_sdk's installation store, with every token Fernet-encrypted at rest (key from the environment)."""

    def __init__(self, client_id: str, engine: AsyncEngine, key: str) -> None:
        super().__init__(client_id=client_id, engine=engine)
        self.fernet = Fernet(key)

    def _mapped(self, entity: Any, transform) -> Any:
        if entity is None:
            return None
        mapped = copy.copy(entity)
        for name in _TOKEN_FIELDS:
            if getattr(mapped, name, None):
                setattr(mapped, name, transform(getattr(mapped, name)))
        return mapped

    def _encrypt(self, token: str) -> str:
        return self.fernet.encrypt(token.encode()).decode()

    def _decrypt(self, token: str) -> str:
        if token.startswith("xox"):
            # Already plain: slack_sdk's find_installation merges in the bot row it read through
            # our (decrypting) find_bot. Slack tokens all start with "xox"; Fernet tokens never do.
            return token
        try:
            return self.fernet.decrypt(token.encode()).decode()
        except InvalidToken as error:  # a wrong key must not pass garbage to Slack
            raise RuntimeError("stored Slack token cannot be decrypted: is SLACK_TOKEN_ENCRYPTION_KEY right?") from error

    async def async_save(self, installation) -> None:
        # The parent also writes the bot row from this (already encrypted) installation; Bolt saves
        # only through here (installation_store_bot_only stays off), so save_bot needs no override.
        await super().async_save(self._mapped(installation, self._encrypt))

    async def async_find_bot(self, **kwargs):
        return self._mapped(await super().async_find_bot(**kwargs), self._decrypt)

    async def async_find_installation(self, **kwargs):
        """slack_sdk matches `enterprise_id` exactly, so work that knows a workspace by its team id alone (a
        scheduled delivery, a digest, a person's token) would not find an Enterprise Grid workspace's row,
        stored under its org: that lookup falls back to the org the team was installed under."""
        found = self._mapped(await super().async_find_installation(**kwargs), self._decrypt)
        team_id = kwargs.get("team_id")
        if found is not None or kwargs.get("enterprise_id") is not None or kwargs.get("is_enterprise_install") \
                or not team_id:
            return found
        c = self.installations.c
        query = (select(c.enterprise_id)
                 .where(c.client_id == self.client_id, c.team_id == team_id, c.enterprise_id.is_not(None))
                 .order_by(desc(c.installed_at)).limit(1))
        async with self.engine.connect() as conn:
            org = (await conn.execute(query)).scalar()
        return None if org is None else await self.async_find_installation(**{**kwargs, "enterprise_id": org})


def oauth_settings(settings: Settings, engine: AsyncEngine) -> AsyncOAuthSettings | None:
    """OAuth is on when a client id and secret are configured; it then needs the encryption key too."""
    if not (settings.slack_client_id and settings.slack_client_secret):
        return None
    if settings.slack_token_encryption_key is None:
        raise ValueError("SLACK_CLIENT_ID is set: set SLACK_TOKEN_ENCRYPTION_KEY too "
                         "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')")
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        user_scopes=list(USER_SCOPES),
        installation_store=EncryptedInstallationStore(
            settings.slack_client_id, engine, settings.slack_token_encryption_key.get_secret_value()),
        state_store=AsyncSQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine),
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
        token_rotation_expiration_minutes=120,
    )
