#!/usr/bin/env bash
# The whole suite: every test on SQLite (the embedded default), then the database tests again on
# PostgreSQL (the scaled deployment), so both stay true to the same models and migrations.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
started=$(date +%s)

echo "== tests on SQLite (all tests)"
$py -m pytest -q "$@"

echo "== database tests on PostgreSQL"
pg_url=$(scripts/test-postgres.sh start)
LIANGBU_TEST_DATABASE_URL="$pg_url" $py -m pytest -q -m db "$@"

echo "== all tests passed in $(( $(date +%s) - started )) s"
