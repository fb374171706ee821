"""Fixtures shared by all tests: settings on a temporary SQLite file, the app on a free port."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'etiquette.db'}"


@pytest.fixture
def make_settings(sqlite_url: str, monkeypatch: pytest.MonkeyPatch):
    """Settings built explicitly (never from the developer's environment or .env)."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)

    def build(**overrides) -> Settings:
        values = {"database_url": sqlite_url, **overrides}
        return Settings(_env_file=None, **values)

    return build


SIGNING_SECRET = "test-signing-secret"


@pytest.fixture
async def slack_api():
    """The loopback Slack Web API, running; yields (fake, base_url)."""
    from tests.fakes.server import serving
    from tests.fakes.slack_api import FakeSlackAPI

    fake = FakeSlackAPI()
    async with serving(fake.app()) as url:
        fake.base_url = url
        yield fake, url + "/api/"


@pytest.fixture
async def slack_bot(slack_api, make_settings):
    """The real app with Slack configured against the fake; yields (fake, bot_base_url, app)."""
    from adapters.app import create_app
    from tests.fakes.server import serving

    fake, api_url = slack_api
    settings = make_settings(
        slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test", slack_api_base_url=api_url
    )
    app = create_app(settings)
    async with serving(app) as url:
        yield fake, url, app


@pytest.fixture(scope="session")
def postgres_server_url():
    """A PostgreSQL server for the session: TEST_POSTGRES_URL if given, else one started here.

    On CI a missing server is a failure, not a skip, so the PostgreSQL path is always tested there.
    """
    import os

    from tests.postgres import PostgresServer

    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    try:
        server = PostgresServer()
        url = server.start()
    except (FileNotFoundError, OSError) as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not available: {error}")
    yield url
    server.stop()


def _in_own_loop(coroutine):
    """Run a coroutine on a private event loop (sync fixtures may not use the test's loop)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _admin(server_url: str, statement: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    admin = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(statement))
    await admin.dispose()


@pytest.fixture
def postgres_url(postgres_server_url):
    """A fresh database per test on the session's server."""
    import uuid

    name = "t_" + uuid.uuid4().hex[:12]
    _in_own_loop(_admin(postgres_server_url, f'CREATE DATABASE "{name}"'))
    yield postgres_server_url.rsplit("/", 1)[0] + "/" + name
    _in_own_loop(_admin(postgres_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, sqlite_url):
    return sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture
async def store(database_url):
    """The store, migrated, on both databases we support."""
    from bot.store import Store

    store = Store.connect(database_url)
    await store.migrate()
    yield store
    await store.close()


@pytest.fixture
async def bot_connector():
    """The loopback Bot Connector, running; yields (fake, service_url)."""
    from tests.fakes.bot_connector import FakeBotConnector
    from tests.fakes.server import serving

    fake = FakeBotConnector()
    async with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture
async def teams_bot(bot_connector, make_settings):
    """The real app with Teams auth off (no MICROSOFT_APP_ID); yields (fake, service_url, bot_url, app)."""
    from adapters.app import create_app
    from tests.fakes.server import serving

    fake, service_url = bot_connector
    app = create_app(make_settings())
    async with serving(app) as url:
        yield fake, service_url, url, app


@pytest.fixture(autouse=True)
def keep_logging_as_it_was():
    """CLI tests run `configure_logging`, which points the root logger at a stream that closes after them."""
    import logging

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(autouse=True)
def pacing_recorded_not_waited():
    """Sends are paced to the platforms' rates (bot/pacing.py); tests record the waits instead of sleeping
    them, so a test posting ten times to one channel stays fast. Yields the list of waits asked for."""
    from bot.pacing import PACER

    waits: list[float] = []
    sleep, PACER.sleep = PACER.sleep, lambda seconds: _record(waits, seconds)
    PACER._next.clear()
    yield waits
    PACER.sleep = sleep
    PACER.share(None)  # an app on PostgreSQL shared it; the next test's database is another


async def _record(waits: list[float], seconds: float) -> None:
    waits.append(seconds)
