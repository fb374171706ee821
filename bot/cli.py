"""The `etiquette` command line (sub-commands and options are a contract, see README)."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="Async Etiquette: kinder async habits for Slack and Teams.", no_args_is_help=True)


@app.command()
def serve(port: int = typer.Option(None, help="Port to listen on (default: $PORT or 3978).")) -> None:
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
    typer.echo("database is at the latest schema")


@app.command()
def when(
    expr: str = typer.Argument(..., help="e.g. 'tomorrow 9am'; empty means the next working moment"),
    tz: str = typer.Option(..., "--tz", help="Recipient's IANA time zone"),
    now: str = typer.Option(None, "--now", help="ISO 8601 'now' (default: the current time)"),
    hours: str = typer.Option("09:00-17:00", "--hours"),
    days: str = typer.Option("mon-fri", "--days"),
) -> None:
    """When a message written now would be delivered to someone in TZ."""
    import json

    from skills.later.when import when_report

    try:
        report = when_report(expr, tz, now, hours, days)
    except ValueError as error:  # bad zone, hours, days, --now, or an unreadable/past phrase
        typer.echo(f"etiquette when: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2))


@app.command()
def summarize(
    files: list[Path] = typer.Argument(..., help="Thread or day files (JSON), or Slack exports (.zip or folder)"),
    json_out: bool = typer.Option(False, "--json", help="One JSON object per file, one per line."),
    engine: str = typer.Option("extractive", "--engine", help="extractive (offline) or llm"),
    users: Path = typer.Option(None, "--users", help="users.json naming people (default: the export's own)"),
    channel: str = typer.Option(None, "--channel", help="In an export: only this channel (name, #name or id)"),
) -> None:
    """Summarize Slack thread file(s): TL;DR, decisions, action items, open questions, participants."""
    from adapters.slack.export_summarize import summarize_files

    raise typer.Exit(summarize_files(files, as_json=json_out, engine=engine, users_file=users, channel=channel))


@app.command()
def analyze(
    file: Path = typer.Argument(..., help="One channel's messages (JSON), or a Slack export (.zip or folder)"),
    json_out: bool = typer.Option(False, "--json"),
    channel: str = typer.Option(None, "--channel", help="In an export: the channel (name, #name or id)"),
    users: Path = typer.Option(None, "--users", help="users.json (default: the export's own); its bots are not people"),
) -> None:
    """Reply links, nudges and meeting suggestions for one channel's messages."""
    from adapters.slack.export_analyze import analyze_file

    raise typer.Exit(analyze_file(file, as_json=json_out, channel=channel, users_file=users))


@app.command()
def digest(
    export: Path = typer.Argument(..., help="A Slack export: the .zip Slack delivers, or its folder"),
    channel: str = typer.Option(..., "--channel", help="Channel name, #name or id"),
    week: str = typer.Option(None, "--week", help="ISO week, e.g. 2026-W48"),
    json_out: bool = typer.Option(False, "--json"),
    chart: Path = typer.Option(None, "--chart", help="Also write the activity chart to this PNG file"),
) -> None:
    """A channel's weekly digest from a Slack export (.zip or folder)."""
    from adapters.slack.export_digest import digest_export

    raise typer.Exit(digest_export(export, channel, week, as_json=json_out, chart=chart))


@app.command("package-teams")
def package_teams(
    out: Path = typer.Option(Path("etiquette-teams.zip"), "--out", help="Where to write the app package"),
    app_id: str = typer.Option(None, "--app-id", envvar="MICROSOFT_APP_ID", help="Azure Bot app id"),
    domain: str = typer.Option(None, "--domain", envvar="BOT_DOMAIN", help="Public host of `etiquette serve`"),
) -> None:
    """Zip the Teams app package (manifest + icons) for sideloading or the admin centre."""
    from bot.teams_package import build_package

    try:
        build_package({"MICROSOFT_APP_ID": app_id or "", "BOT_DOMAIN": domain or ""}, out)
    except ValueError as error:
        typer.echo(f"etiquette package-teams: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(f"wrote {out}")


if __name__ == "__main__":
    app()
