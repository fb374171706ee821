"""Structured (JSON-lines) logging so production logs can be queried; secrets never logged."""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import datetime, timezone

# The id of the HTTP request being handled; tasks started while handling it (work after the ack) inherit it.
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
# Libraries that log at DEBUG what we promise never to log: SQL parameters (message text, inbox payloads), Web API
# and Bot Connector request and response bodies. LOG_LEVEL=DEBUG is for our own modules; these stay at INFO.
_TALKATIVE = ("aiosqlite", "asyncpg", "alembic", "slack_sdk", "slack_bolt", "botbuilder", "botframework",
              "msrest", "msal", "azure", "urllib3", "requests", "aiohttp.client", "httpx", "httpcore", "openai")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if (request_id := REQUEST_ID.get()) is not None:
            entry["request_id"] = request_id
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # The scheduler logs every run of every job at INFO: minutes of noise for nothing.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, root.level))
    for name in _TALKATIVE:
        logging.getLogger(name).setLevel(max(logging.INFO, root.level))
    # SQLAlchemy logs every statement with its parameters from INFO on; it sets itself to WARNING, and stays there.
    logging.getLogger("sqlalchemy").setLevel(max(logging.WARNING, root.level))
