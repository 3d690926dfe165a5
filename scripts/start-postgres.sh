#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback from the server binaries in the image
# (/usr/local/bin: initdb, pg_ctl, postgres) for the tests, and print its URL.
#
#   eval "$(scripts/start-postgres.sh DIR [PORT])"
#
# Prints `export AIRLOCK_TEST_POSTGRES_URL=postgres://airlock@127.0.0.1:PORT/postgres` and
# `export AIRLOCK_TEST_POSTGRES_DIR=DIR`; stop it with scripts/stop-postgres.sh DIR.
# PostgreSQL refuses to run as root, so as root the cluster belongs to `nobody`. Trust
# authentication on 127.0.0.1 only: nothing else can reach it.
set -euo pipefail
dir="${1:?usage: start-postgres.sh DIR [PORT]}"
port="${2:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
bin="${AIRLOCK_PG_BIN:-/usr/local/bin}"
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "start-postgres: no PostgreSQL server binaries in $bin (initdb, pg_ctl); set AIRLOCK_PG_BIN" >&2
  exit 1
fi
mkdir -p "$dir"
run=()
if [ "$(id -u)" = 0 ]; then
  chown nobody "$dir"
  run=(runuser -u nobody --)
fi
"${run[@]}" "$bin/initdb" -D "$dir/data" -U airlock --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2; exit 1; }
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100" start >/dev/null || {
  cat "$dir/server.log" >&2; exit 1; }
echo "export AIRLOCK_TEST_POSTGRES_URL=postgres://airlock@127.0.0.1:$port/postgres"
echo "export AIRLOCK_TEST_POSTGRES_DIR=$dir"
