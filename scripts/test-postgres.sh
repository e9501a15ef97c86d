#!/usr/bin/env bash
# Starts (or reuses) a PostgreSQL cluster for this checkout's tests and prints its SQLAlchemy URL.
# The cluster lives under /tmp, owned by the `postgres` user (initdb refuses root), listens only on a
# Unix socket in its own directory (no port to collide with), and trusts local connections: it holds
# nothing but synthetic test data. Usage: scripts/test-postgres.sh [start|stop]
set -euo pipefail
action=${1:-start}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ]; then
  echo "PostgreSQL is not installed (run make test, which installs it)" >&2
  exit 1
fi
key=$(pwd -P | sha1sum | cut -c1-10)
base=/tmp/liangbu-pg-$key
data=$base/data

if [ "$(id -u)" -eq 0 ]; then
  as_pg=(runuser -u postgres --)
else
  as_pg=()
fi

if [ "$action" = stop ]; then
  [ -d "$data" ] && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$base"
  chmod 755 "$base"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$base"
  "${as_pg[@]}" "$pgbin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
    || { cat "$base/initdb.log" >&2; exit 1; }
fi
if ! "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -w -l "$base/server.log" \
    -o "-c listen_addresses='' -k $base -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$base/server.log" >&2; exit 1; }
fi
"${as_pg[@]}" "$pgbin/psql" -h "$base" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='liangbu_test'" | grep -q 1 ||
  "${as_pg[@]}" "$pgbin/psql" -h "$base" -U postgres -d postgres -qc "CREATE DATABASE liangbu_test" >/dev/null
echo "postgresql+psycopg://postgres@/liangbu_test?host=$base"
