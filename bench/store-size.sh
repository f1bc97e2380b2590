#!/usr/bin/env bash
# What the store holds per demo machine, table by table (bench/README.md, "Store size per demo machine"):
#   bench/store-size.sh            # 5,000 demo machines
#   MACHINES=20000 bench/store-size.sh
# Builds Release, starts the emulator on a fresh data directory with MACHINES demo machines (every feature's demo
# data), stops it once ready (a clean stop checkpoints the WAL), and reads SQLite's dbstat table: bytes per table
# with its indexes, its indexes' share, rows, and bytes per demo machine. Installs sqlite3 from Debian if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
MACHINES=${MACHINES:-5000}
PORT=${PORT:-5431}
for tool in curl sqlite3; do command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool"; }; done
[ -n "${NO_BUILD:-}" ] || dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  exec dotnet src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll --urls "http://127.0.0.1:$PORT" \
    --data-dir "$DATA" --Emulator:DemoMachines="$MACHINES" ) >/dev/null 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/_emulator/health" || true)" = "200" ]; do sleep 0.1; done
kill "$PID"; wait "$PID" 2>/dev/null || true
DB=$(find "$DATA" -name '*.db' | head -1)
echo "store of $MACHINES demo machines: $(du -sb "$DATA" | cut -f1) bytes on disk ($(( $(du -sb "$DATA" | cut -f1) / MACHINES )) per machine)"
ROWS_SQL=$(sqlite3 "$DB" "SELECT group_concat('SELECT ''' || name || ''' AS t, count(*) AS n FROM \"' || name || '\"', ' UNION ALL ') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
sqlite3 -header -column "$DB" "
WITH pages AS (
  SELECT coalesce(m.tbl_name, s.name) AS tbl, sum(s.pgsize) AS bytes,
         sum(CASE WHEN m.type = 'index' OR s.name LIKE 'sqlite_autoindex%' THEN s.pgsize ELSE 0 END) AS index_bytes
  FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY tbl),
counts AS ($ROWS_SQL)
SELECT p.tbl AS \"table\", c.n AS \"rows\", p.bytes AS bytes, p.index_bytes AS \"of which indexes\",
       round(p.bytes * 1.0 / $MACHINES, 0) AS \"bytes/machine\", round(100.0 * p.bytes / (SELECT sum(bytes) FROM pages), 1) AS \"%\"
FROM pages p LEFT JOIN counts c ON c.t = p.tbl ORDER BY p.bytes DESC;"
