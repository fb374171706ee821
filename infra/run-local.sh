#!/usr/bin/env bash
# `make run`: the bot on SQLite; with no Slack or Teams credentials, also the Agents Playground.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"

.venv/bin/etiquette serve --port "$PORT" &
bot=$!
trap 'kill $bot ${playground:-} 2>/dev/null || true' EXIT INT TERM

if [ -z "${SLACK_BOT_TOKEN:-}${MICROSOFT_APP_ID:-}" ]; then
  mkdir -p .cache/playground-run
  (cd .cache/playground-run && TEAMSAPPTESTER_BROWSER=none \
    ../playground/node_modules/.bin/agentsplayground \
    -e "http://localhost:${PORT}/api/messages" -c msteams -p "$PLAYGROUND_PORT") &
  playground=$!
  echo "Chat with the bot in the Agents Playground: http://localhost:${PLAYGROUND_PORT}"
fi
wait "$bot"
