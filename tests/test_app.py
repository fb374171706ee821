"""Health and metrics routes of the real app."""

from __future__ import annotations

import aiohttp
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.app import create_app
from bot.app import STORE
from tests.fakes.bot_connector import personal_message, post_activity
from tests.fakes.server import eventually, serving


async def test_healthz_reports_the_database(bot_connector, make_settings):
    app = create_app(make_settings())
    async with serving(app) as url, aiohttp.ClientSession() as http:
        async with http.get(url + "/healthz") as ok:
            assert ok.status == 200 and (await ok.json())["database"] == "ok"
        working = app[STORE].engine
        app[STORE].engine = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:9/none")
        try:
            async with http.get(url + "/healthz") as down:
                assert down.status == 503 and (await down.json())["database"] == "unreachable"
        finally:
            await app[STORE].engine.dispose()
            app[STORE].engine = working


async def test_metrics_count_events_and_requests(bot_connector, make_settings):
    fake, service_url = bot_connector
    async with serving(create_app(make_settings())) as url, aiohttp.ClientSession() as http:
        await post_activity(url, personal_message(service_url, "help"))
        await eventually(lambda: fake.sent)
        async with http.get(url + "/metrics") as response:
            text = await response.text()
    assert response.status == 200
    assert 'etiquette_events_total{kind="Mentioned",platform="teams"}' in text
    assert 'etiquette_request_seconds_count{route="/api/messages"}' in text
    assert 'etiquette_skill_seconds_count{skill="skills.help"}' in text
    for name in ("etiquette_outbox_due", "etiquette_outbox_lateness_seconds", "etiquette_platform_errors_total"):
        assert f"# TYPE {name}" in text


async def test_every_request_gets_an_id_that_log_lines_carry(make_settings):
    import json
    import logging

    from bot.logs import JsonFormatter

    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(JsonFormatter().format(record))

    keep = Keep(level=logging.INFO)
    logging.getLogger("bot.app").addHandler(keep)
    try:
        app = create_app(make_settings())
        working = app[STORE].engine
        async with serving(app) as url, aiohttp.ClientSession() as http:
            async with http.get(url + "/healthz", headers={"X-Request-Id": "req-42"}) as response:
                assert response.headers["X-Request-Id"] == "req-42"
            app[STORE].engine = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:9/none")
            try:
                async with http.get(url + "/healthz", headers={"X-Request-Id": "req-43"}) as failing:
                    assert failing.status == 503
            finally:
                await app[STORE].engine.dispose()
                app[STORE].engine = working
            async with http.get(url + "/healthz") as generated:
                assert len(generated.headers["X-Request-Id"]) == 16
            for odd in ("x" * 65, "a b", '"},{"level":"error'):  # too long, or not an id: not logged, replaced
                async with http.get(url + "/healthz", headers={"X-Request-Id": odd}) as replaced:
                    assert len(replaced.headers["X-Request-Id"]) == 16 and replaced.headers["X-Request-Id"] != odd
    finally:
        logging.getLogger("bot.app").removeHandler(keep)
    logged = [json.loads(line) for line in lines if "health check failed" in line]
    assert logged and logged[0]["request_id"] == "req-43"
