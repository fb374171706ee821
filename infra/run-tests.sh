#!/usr/bin/env bash
# `make test`: the whole suite. PostgreSQL tests start their own server (pg_ctl must be installed).
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pytest -q "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: treating that as a failure, not a pass" >&2
  exit 1
fi
exit "$status"
