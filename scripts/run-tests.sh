#!/usr/bin/env bash
# The whole suite: every test on SQLite (the embedded default), and beside it the database tests again on
# PostgreSQL (the scaled deployment), so both stay true to the same models and migrations. The two runs are
# independent (their own database, ports the system picks, their own numbered temporary directories), so they run at
# once, one on each core: 347 s for both on this 2-core machine, against 331 and 335 s for each alone. The
# PostgreSQL run's output is printed when both are done.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
started=$(date +%s)

pg_url=$(scripts/test-postgres.sh start)
pg_log=$(mktemp)
# No cache for the second run: one .pytest_cache, written by two runs at once, would be the last one's.
LIANGBU_TEST_DATABASE_URL="$pg_url" $py -m pytest -q -m db -p no:cacheprovider "$@" >"$pg_log" 2>&1 &
pg_run=$!
# A background job ignores Ctrl-C: pass it on, so pytest tears down what it started (the e2e servers) and stops.
trap 'kill -INT "$pg_run" 2>/dev/null || true; wait "$pg_run" 2>/dev/null || true; rm -f "$pg_log"; exit 130' INT TERM
trap 'rm -f "$pg_log"' EXIT

echo "== tests on SQLite (all tests; the database tests on PostgreSQL run beside them)"
sqlite_status=0
$py -m pytest -q "$@" || sqlite_status=$?

pg_status=0
wait "$pg_run" || pg_status=$?
trap - INT TERM
# 5 is pytest's "no tests collected": the tests asked for (scripts/run-tests.sh tests/ocr) use no database. On
# the whole suite it would mean the `db` marking broke, and PostgreSQL went untested.
if [ "$pg_status" -eq 5 ] && [ $# -gt 0 ]; then pg_status=0; fi
echo "== database tests on PostgreSQL"
cat "$pg_log"

if [ "$sqlite_status" -ne 0 ] || [ "$pg_status" -ne 0 ]; then
  echo "== tests failed (SQLite: exit $sqlite_status, PostgreSQL: exit $pg_status) after $(( $(date +%s) - started )) s"
  exit 1
fi
echo "== all tests passed in $(( $(date +%s) - started )) s"
