"""The `etiquette` command line (sub-commands and options are a contract, see README)."""

from __future__ import annotations

import sys
from pathlib import Path

# click, not typer: typer 0.2x builds a pydantic adapter for every option at each start (about 0.15 s of CPU,
# a third of a small digest's); each command imports what it needs only when it runs.
import click

PATH = click.Path(path_type=Path)  # as given: each command says what is wrong with the file it reads


@click.group(no_args_is_help=True)
def app() -> None:
    """Async Etiquette: kinder async habits for Slack and Teams."""


@app.command()
@click.option("--port", type=int, default=None, help="Port to listen on (default: $PORT or 3978).")
def serve(port: int | None) -> None:
    """Run the bot: Slack at /slack/events, Teams at /api/messages, /healthz and /metrics."""
    from aiohttp import web

    from adapters.app import create_app
    from bot.app import AccessLog, freeze_startup_objects
    from bot.config import get_settings  # pydantic-settings: only the commands that read the environment
    from bot.logs import configure_logging

    settings = get_settings()
    configure_logging(settings.log_level)
    application = create_app(settings)
    application.on_startup.append(freeze_startup_objects)
    web.run_app(application, port=port or settings.port, print=None, access_log_class=AccessLog)


@app.command()
def migrate() -> None:
    """Bring the database ($DATABASE_URL) to the latest schema (serve also does this on start)."""
    import asyncio

    from bot.config import get_settings
    from bot.logs import configure_logging
    from bot.store import Store

    settings = get_settings()
    configure_logging(settings.log_level)

    async def run() -> None:
        store = Store.connect(settings.async_database_url)
        try:
            await store.migrate()
        finally:
            await store.close()

    asyncio.run(run())
    click.echo("database is at the latest schema")


@app.command()
@click.argument("expr")  # e.g. 'tomorrow 9am'; empty means the next working moment
@click.option("--tz", required=True, help="Recipient's IANA time zone")
@click.option("--now", default=None, help="ISO 8601 'now' (default: the current time)")
@click.option("--hours", default="09:00-17:00", show_default=True)
@click.option("--days", default="mon-fri", show_default=True)
def when(expr: str, tz: str, now: str | None, hours: str, days: str) -> None:
    """When a message written now would be delivered to someone in TZ.

    EXPR is e.g. 'tomorrow 9am'; empty means the next working moment.
    """
    import json

    from skills.later.when import when_report

    try:
        report = when_report(expr, tz, now, hours, days)
    except ValueError as error:  # bad zone, hours, days, --now, or an unreadable/past phrase
        click.echo(f"etiquette when: {error}", err=True)
        sys.exit(2)
    click.echo(json.dumps(report, ensure_ascii=False, indent=2))


@app.command()
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("--json", "json_out", is_flag=True, help="One JSON object per file, one per line.")
@click.option("--engine", default="extractive", show_default=True, help="extractive (offline) or llm")
@click.option("--users", type=PATH, default=None, help="users.json naming people (default: the export's own)")
@click.option("--channel", default=None, help="In an export: only this channel (name, #name or id)")
def summarize(files: tuple[Path, ...], json_out: bool, engine: str, users: Path | None, channel: str | None) -> None:
    """Summarize Slack thread file(s): TL;DR, decisions, action items, open questions, participants.

    FILES are thread or day files (JSON), or Slack exports (.zip or folder).
    """
    from adapters.slack.export_summarize import summarize_files

    sys.exit(summarize_files(list(files), as_json=json_out, engine=engine, users_file=users, channel=channel))


@app.command()
@click.argument("file", type=PATH)
@click.option("--json", "json_out", is_flag=True)
@click.option("--channel", default=None, help="In an export: the channel (name, #name or id)")
@click.option("--users", type=PATH, default=None,
              help="users.json (default: the export's own); its bots are not people")
def analyze(file: Path, json_out: bool, channel: str | None, users: Path | None) -> None:
    """Reply links, nudges and meeting suggestions for one channel's messages.

    FILE is one channel's messages (JSON), or a Slack export (.zip or folder).
    """
    from adapters.slack.export_analyze import analyze_file

    sys.exit(analyze_file(file, as_json=json_out, channel=channel, users_file=users))


@app.command()
@click.argument("export", type=PATH)
@click.option("--channel", required=True, help="Channel name, #name or id")
@click.option("--week", default=None, help="ISO week, e.g. 2026-W48")
@click.option("--json", "json_out", is_flag=True)
@click.option("--chart", type=PATH, default=None, help="Also write the activity chart to this PNG file")
def digest(export: Path, channel: str, week: str | None, json_out: bool, chart: Path | None) -> None:
    """A channel's weekly digest from a Slack export (.zip or folder).

    EXPORT is the .zip Slack delivers, or its folder.
    """
    from adapters.slack.export_digest import digest_export

    sys.exit(digest_export(export, channel, week, as_json=json_out, chart=chart))


@app.command("package-teams")
@click.option("--out", type=PATH, default=Path("etiquette-teams.zip"), show_default=True,
              help="Where to write the app package")
@click.option("--app-id", envvar="MICROSOFT_APP_ID", default=None, help="Azure Bot app id")
@click.option("--domain", envvar="BOT_DOMAIN", default=None, help="Public host of `etiquette serve`")
def package_teams(out: Path, app_id: str | None, domain: str | None) -> None:
    """Zip the Teams app package (manifest + icons) for sideloading or the admin centre."""
    from bot.teams_package import build_package

    try:
        build_package({"MICROSOFT_APP_ID": app_id or "", "BOT_DOMAIN": domain or ""}, out)
    except ValueError as error:
        click.echo(f"etiquette package-teams: {error}", err=True)
        sys.exit(2)
    click.echo(f"wrote {out}")


if __name__ == "__main__":
    app()
