#!/usr/bin/env bash
# `make test`: the whole suite. PostgreSQL tests start their own server (pg_ctl must be installed).
set -uo pipefail
cd "$(dirname "$0")/.."
# Lint first (pyflakes errors and import order, [tool.ruff] in pyproject.toml): a minute of CI saved when it fails.
.venv/bin/ruff check . || exit 1
# The dependency arrows (skills and the core import no adapter...): the contracts in [tool.importlinter].
if [ ! -x .venv/bin/lint-imports ]; then
  echo "lint-imports is missing: run 'make install' (import-linter is in pyproject.toml's test extra)" >&2
  exit 1
fi
.venv/bin/lint-imports --no-cache || exit 1
.venv/bin/pytest -q "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: treating that as a failure, not a pass" >&2
  exit 1
fi
exit "$status"
