#!/usr/bin/env bash
# Stop a PostgreSQL started by scripts/start-postgres.sh DIR, and remove DIR.
set -uo pipefail
dir="${1:?usage: stop-postgres.sh DIR}"
bin="${AIRLOCK_PG_BIN:-/usr/local/bin}"
run=()
if [ "$(id -u)" = 0 ]; then run=(runuser -u nobody --); fi
[ -d "$dir/data" ] && "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$dir"
