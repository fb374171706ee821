"""Fixtures shared by all tests: settings on a temporary SQLite file, the app on a free port."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'etiquette.db'}"


@pytest.fixture
def make_settings(sqlite_url: str):
    """Settings built explicitly (never from the developer's environment or .env)."""

    def build(**overrides) -> Settings:
        values = {"database_url": sqlite_url, **overrides}
        return Settings(_env_file=None, **values)

    return build
