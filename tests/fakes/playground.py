"""Driver for the Microsoft 365 Agents Playground: install it once, run it, talk to the bot through it."""

from __future__ import annotations

import fcntl
import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

PACKAGE = "@microsoft/m365agentsplayground"
VERSION = "0.2.28"
CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "playground"
_LISTENING = re.compile(r"Listening on (\d+)")


def install(cache_dir: Path = CACHE_DIR) -> Path:
    """`npm install` the pinned Playground into `cache_dir` unless it is there; returns its executable."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    executable = cache_dir / "node_modules" / ".bin" / "agentsplayground"
    manifest = cache_dir / "node_modules" / "@microsoft" / "m365agentsplayground" / "package.json"
    with open(cache_dir / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel test runs must not install over each other
        if not (executable.exists() and _installed_version(manifest) == VERSION):
            (cache_dir / "package.json").write_text('{"name": "playground-cache", "private": true}\n')
            subprocess.run(
                ["npm", "install", "--no-audit", "--no-fund", "--save-exact", "--prefix", str(cache_dir),
                 f"{PACKAGE}@{VERSION}"],
                cwd=cache_dir, check=True, capture_output=True, timeout=600,
            )
    return executable


def _installed_version(manifest: Path) -> str | None:
    return json.loads(manifest.read_text()).get("version") if manifest.exists() else None


@dataclass
class Playground:
    """One running Playground process; its working directory holds its log of the bot's replies."""

    executable: Path
    workdir: Path
    bot_endpoint: str
    port: int
    process: subprocess.Popen | None = None
    base_url: str = ""
    _output: Path = field(init=False)

    def __post_init__(self) -> None:
        self._output = self.workdir / "playground.out"

    def start(self, timeout: float = 120.0) -> None:
        """Start and wait (polling) until it listens; it may pick another port when ours is taken."""
        env = {**os.environ, "TEAMSAPPTESTER_BROWSER": "none"}  # it would try to open a browser otherwise
        command = [str(self.executable), "-e", self.bot_endpoint, "-c", "msteams", "-p", str(self.port),
                   "--disable-telemetry"]
        with open(self._output, "wb") as out:
            self.process = subprocess.Popen(command, cwd=self.workdir, env=env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Playground exited with {self.process.returncode}: {self.output()}")
            found = _LISTENING.search(self.output())
            if found and _answers(f"http://127.0.0.1:{found.group(1)}/"):
                self.base_url = f"http://127.0.0.1:{found.group(1)}"
                return
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"the Playground did not start within {timeout}s: {self.output()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # npx/node may have children of its own
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def output(self) -> str:
        return self._output.read_text(errors="replace") if self._output.exists() else ""

    # ---- its REST surface ------------------------------------------------------------

    async def config(self) -> dict[str, Any]:
        """Tenant, bot, current user, personal chat, group chats and teams (asking also connects the bot)."""
        async with aiohttp.ClientSession() as http:
            async with http.get(self.base_url + "/_internal/v1/config") as response:
                response.raise_for_status()
                return (await response.json())["config"]

    async def send(self, conversation_id: str, text: str, *, user_id: str = "user-id-0",
                   mention: dict[str, Any] | None = None) -> dict[str, Any]:
        """A user message to the bot; `mention` is the bot as `{"id", "name"}` to @-mention it first."""
        body: dict[str, Any] = {"from": {"id": user_id}, "text": text, "textFormat": "plain"}
        if mention:
            tag = f"<at>{mention['name']}</at>"
            body.update(text=f"{tag} {text}", mentions=[{"mentioned": {"id": mention["id"]}, "text": tag}])
        url = f"{self.base_url}/_conversation/v1/conversations/{conversation_id}/messages"
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=body) as response:
                answer = await response.json()
                if response.status >= 300:
                    raise AssertionError(f"the Playground refused the message: {response.status} {answer}")
                return answer

    async def submit(self, conversation_id: str, card_message_id: str, value: dict[str, Any], *,
                     user_id: str = "user-id-0") -> None:
        """Press an Action.Submit on the bot's card `card_message_id`, sending the button's `data` as `value`."""
        body = {"conversation": {"id": conversation_id}, "from": {"id": user_id}, "replyToId": card_message_id,
                "value": value}
        async with aiohttp.ClientSession() as http:
            async with http.post(self.base_url + "/_conversation/v1/submit", json=body) as response:
                if response.status >= 300:
                    raise AssertionError(f"the Playground refused the submit: {response.status} {await response.text()}")

    # ---- what it logged ----------------------------------------------------------------

    def log_entries(self) -> list[dict[str, Any]]:
        """Every JSON payload in devTools/m365agentsplayground.log (one per line, after a text prefix)."""
        path = self.workdir / "devTools" / "m365agentsplayground.log"
        entries = []
        for line in path.read_text(errors="replace").splitlines() if path.exists() else []:
            start = line.find("{")
            if start < 0:
                continue
            try:
                entries.append(json.loads(line[start:]))
            except ValueError:
                continue  # a line that merely contains a brace
        return entries

    def replies(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        """The bot's messages as the Playground received them (`createMessage`), oldest first."""
        return [
            entry for entry in self.log_entries()
            if entry.get("action") == "createMessage"
            and (conversation_id is None or entry.get("actionConversationId") == conversation_id)
        ]

    def exchanges(self, conversation_id: str) -> list[dict[str, Any]]:
        """The HTTP exchanges it logged for a conversation: its requests to the bot and the bot's to it."""
        return [
            entry["log"] for entry in self.log_entries()
            if entry.get("logAction") == "appendLog" and entry["log"].get("conversationId") == conversation_id
            and "request" in entry["log"]
        ]


def readable(message: dict[str, Any]) -> str:
    """What a person reads in one of the bot's messages: its text, else its Adaptive Cards' text blocks."""
    blocks = [block.get("text", "") for attachment in message.get("attachments") or ()
              if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive"
              for block in (attachment.get("content") or {}).get("body", []) if block.get("type") == "TextBlock"]
    return message.get("text") or "\n".join(blocks)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except OSError:
        return False
