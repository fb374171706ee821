"""The kill test: `etiquette serve` acks signed events, is killed with SIGKILL mid-work, restarts: each event's reply once."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp

from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, free_port, serving
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackAPI, event_body
from tests.test_slack_e2e import post_signed


def mention(i: int, fake: FakeSlackAPI | None = None) -> str:
    """Event i: a mention in its own channel (so no reply waits for another's pacing), the root of its thread."""
    ts = f"1700001{i:03d}.000100"
    event = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER_ID}> help", "ts": ts, "thread_ts": ts,
             "channel": f"C{i}", "event_ts": ts}
    if fake is not None:
        fake.threads[(event["channel"], ts)] = [{k: v for k, v in event.items() if k != "channel"}]
    return event_body(event, event_id=f"EvKill{i}")


async def start_bot(tmp: Path, api_url: str, stderr: Any = subprocess.DEVNULL, **env_overrides: str
                    ) -> tuple[subprocess.Popen, str]:
    """`etiquette serve` as a process of its own; `env_overrides` change or add to its environment."""
    port = free_port()
    # A lease longer than a live run takes even on a busy machine; the dead process's work is taken over after it.
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp), "DATABASE_URL": f"sqlite:///{tmp / 'bot.db'}",
           "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_BASE_URL": api_url,
           "INBOX_POLL_SECONDS": "0.2", "INBOX_LEASE_SECONDS": "3", "LOG_LEVEL": "WARNING", **env_overrides}
    etiquette = Path(sys.executable).with_name("etiquette")
    process = subprocess.Popen([str(etiquette), "serve", "--port", str(port)], cwd=tmp, env=env,
                               stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{port}"

    async def healthy() -> bool:
        try:
            async with aiohttp.ClientSession() as http, http.get(url + "/healthz") as response:
                return response.status == 200
        except aiohttp.ClientError:
            return False

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while not await healthy():
        assert process.poll() is None and loop.time() < deadline, "etiquette serve did not start"
        await asyncio.sleep(0.2)
    return process, url


def statuses(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT event_key, status FROM inbox WHERE source = 'slack'").fetchall())


async def test_events_acked_before_a_sigkill_are_each_answered_once_after_the_restart(tmp_path):
    fake = FakeSlackAPI()
    async with serving(fake.app(), handler_cancellation=True) as api:
        first, url = await start_bot(tmp_path, api + "/api/")
        try:
            for i in range(3):  # done before the kill
                assert (await post_signed(url, mention(i, fake)))[0] == 200
            await eventually(lambda: len(fake.calls_to("chat.postMessage")) == 3, timeout=30)
            await eventually(lambda: list(statuses(tmp_path / "bot.db").values()).count("done") == 3, timeout=30)

            fake.held["chat.postMessage"] = gate = asyncio.Event()  # the replies now hang in mid-air
            for i in range(3, 8):
                assert (await post_signed(url, mention(i, fake)))[0] == 200  # acknowledged...
            await eventually(lambda: fake.holding == 5, timeout=30)
        finally:
            first.send_signal(signal.SIGKILL)  # ...and the process dies before doing them
            first.wait()
        await eventually(lambda: fake.holding == 0)  # the killed process's replies never reached Slack
        del fake.held["chat.postMessage"]
        gate.set()
        assert len(fake.calls_to("chat.postMessage")) == 3
        assert list(statuses(tmp_path / "bot.db").values()).count("working") == 5

        second, url = await start_bot(tmp_path, api + "/api/")
        try:
            await eventually(lambda: set(statuses(tmp_path / "bot.db").values()) == {"done"}, timeout=30)
            assert (await post_signed(url, mention(5), **{"X-Slack-Retry-Num": "1"}))[0] == 200  # Slack's retry
            await eventually(lambda: set(statuses(tmp_path / "bot.db").values()) == {"done"}, timeout=30)
        finally:
            second.terminate()
            second.wait()
    replies = sorted(call["thread_ts"] for call in fake.calls_to("chat.postMessage"))
    assert replies == [f"1700001{i:03d}.000100" for i in range(8)]  # every event once, none twice


async def test_a_reply_slack_took_just_before_a_sigkill_is_not_posted_again_after_the_restart(tmp_path):
    """SIGKILL after Slack took the reply but before the bot heard back (so nothing of it is recorded): the
    restarted bot finds the reply by the delivery key in its metadata and does not post it again."""
    fake = FakeSlackAPI()
    async with serving(fake.app(), handler_cancellation=True) as api:
        first, url = await start_bot(tmp_path, api + "/api/")
        try:
            fake.answer_held["chat.postMessage"] = gate = asyncio.Event()
            assert (await post_signed(url, mention(0, fake)))[0] == 200
            await eventually(lambda: len(fake.posted) == 1, timeout=30)  # in Slack; the answer hangs
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()
        del fake.answer_held["chat.postMessage"]
        gate.set()
        assert list(statuses(tmp_path / "bot.db").values()) == ["working"]

        second, url = await start_bot(tmp_path, api + "/api/")
        try:
            await eventually(lambda: set(statuses(tmp_path / "bot.db").values()) == {"done"}, timeout=30)
        finally:
            second.terminate()
            second.wait()
    assert len(fake.posted) == 1 and len(fake.calls_to("chat.postMessage")) == 1
    assert any(call.get("include_all_metadata") for call in fake.calls_to("conversations.replies"))
