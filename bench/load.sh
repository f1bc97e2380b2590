#!/usr/bin/env bash
# HTTP load kit: one command from a fresh clone.
#   bench/load.sh            # full run (about 9 minutes on 2 cores)
#   DURATION=5 BIG_MACHINES=0 bench/load.sh # shorter: 5 s per endpoint, no 100,000-machine start
# Builds Release, starts the emulator (SQLite file, 10,000 demo machines, 100,000 demo alerts) and the ceiling app, pins the
# servers and wrk to different cores, warms up, runs wrk with the same settings against both (and against the ceiling
# behind the framework's cheapest authentication, the floor of any authenticated API) and prints
# endpoint | requests/s | p50 | p99 | emulator/ceiling. Then start-to-ready times, RSS and the in-process runs. Not part of
# `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
EMU_PORT=5401
CEIL_PORT=5402
FLOOR_PORT=5403
INC_PORT=5404
OUT=${OUT:-$ROOT/bench/results}
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq; }

CORES=$(nproc)
SERVER_CPUS=0
LOAD_CPUS=$(( CORES > 1 ? 1 : 0 ))
# exec: when backgrounded, the PID recorded is the server itself, so it can be stopped between phases.
pin() { local cpus=$1; shift; if command -v taskset >/dev/null; then exec taskset -c "$cpus" "$@"; else exec "$@"; fi; }

echo "Building Release..."
dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
dotnet build -c Release bench/DefenderApi.Ceiling -v q -nologo >/dev/null
dotnet build -c Release bench/DefenderApi.Benchmarks -v q -nologo >/dev/null
EMU_DLL=src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll
CEIL_DLL=bench/DefenderApi.Ceiling/bin/Release/net10.0/DefenderApi.Ceiling.dll

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
wait_ready() { # url -> prints ms waited
  local start; start=$(now_ms)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "200" ]; do sleep 0.02; done
  echo $(( $(now_ms) - start ))
}

start_emulator() { # machines alerts(0 = the default mix) extra-args... -> sets EMU_PID, READY_MS (PIN_START=0: both cores)
  local machines=$1 alerts=$2; shift 2
  if [ "$alerts" -gt 0 ]; then set -- "$@" --Emulator:DemoAlerts="$alerts"; fi
  local data; data=$(mktemp -d)
  local cpus=$SERVER_CPUS; if [ "${PIN_START:-1}" = 0 ]; then cpus="0-$(( CORES - 1 ))"; fi
  local start; start=$(now_ms)
  ( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    pin "$cpus" dotnet "$EMU_DLL" --urls "http://127.0.0.1:$EMU_PORT" --data-dir "$data" \
      --Emulator:DemoMachines="$machines" "$@" ) >"$OUT/emulator.log" 2>&1 &
  EMU_PID=$!
  PIDS+=("$EMU_PID")
  wait_ready "http://127.0.0.1:$EMU_PORT/_emulator/health" >/dev/null
  READY_MS=$(( $(now_ms) - start ))
}

median() { # numbers on stdin, one per line -> prints their median
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

median_start() { # runs machines extra-args... -> prints the median start-to-ready in ms over runs fresh starts
  local runs=$1; shift
  for _ in $(seq "$runs"); do PIN_START=0 start_emulator "$@"; echo "$READY_MS"; stop_emulator; done | median
}

ceiling_start() { # extra-args... -> prints the ceiling app's start-to-ready in ms (both cores), then stops it
  local start pid; start=$(now_ms)
  ( exec dotnet "$CEIL_DLL" --urls "http://127.0.0.1:$CEIL_PORT" "$@" ) >"$OUT/ceiling.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$CEIL_PORT/api/machines?top=1" >/dev/null
  echo $(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

stop_emulator() { kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; }

# --- start-to-ready ---------------------------------------------------------------------------------------------
echo "Measuring start-to-ready (both cores, median of 3)..."
# The first start of a build records its multicore JIT profile (StartupJitProfile); later starts replay it.
rm -rf "${TMPDIR:-/tmp}/defenderapi-jit"
PIN_START=0 start_emulator 1000 0; READY_FIRST=$READY_MS; stop_emulator
READY_1K=$(median_start 3 1000 0)
READY_NONE=$(median_start 3 0 0 --seed none)
READY_CEIL=$(for _ in 1 2 3; do ceiling_start; done | median)
# The store floor: the ceiling app that first builds the emulator's EF Core model and migrates a fresh SQLite file.
READY_STORE=$(for _ in 1 2 3; do ceiling_start --store "$(mktemp -d)"; done | median)
# BIG_MACHINES=0 skips the large start (over half a minute: see bench/README.md).
if [ "${BIG_MACHINES:-100000}" -gt 0 ]; then PIN_START=0 start_emulator "${BIG_MACHINES:-100000}" 0; READY_100K="$READY_MS ms"; stop_emulator; else READY_100K="skipped"; fi

# --- load -------------------------------------------------------------------------------------------------------
echo "Starting the emulator (10,000 demo machines, 100,000 alerts) and the ceiling app..."
start_emulator 10000 100000
READY_LOAD=$READY_MS
RSS_READY_KB=$(rss_kb "$EMU_PID")
curl -s -X PUT "http://127.0.0.1:$EMU_PORT/_emulator/settings" -H 'content-type: application/json' \
  -d '{"rateLimits":{"enabled":false}}' >/dev/null
( pin "$SERVER_CPUS" dotnet "$CEIL_DLL" --urls "http://127.0.0.1:$CEIL_PORT" ) >"$OUT/ceiling.log" 2>&1 &
CEIL_PID=$!
PIDS+=("$CEIL_PID")
wait_ready "http://127.0.0.1:$CEIL_PORT/api/machines?top=1" >/dev/null
# The authenticated floor: the ceiling behind the framework's cheapest authentication and authorization.
( pin "$SERVER_CPUS" dotnet "$CEIL_DLL" --urls "http://127.0.0.1:$FLOOR_PORT" --authenticated ) >"$OUT/floor.log" 2>&1 &
PIDS+=("$!")

TOKEN=$(curl -s -X POST "http://127.0.0.1:$EMU_PORT/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token" \
  -d grant_type=client_credentials -d client_id=defender-emulator -d client_secret=emulator-secret \
  -d scope=https://api.securitycenter.microsoft.com/.default | jq -r .access_token)
AUTH="Authorization: Bearer $TOKEN"
MACHINE_ID=$(curl -s -H "$AUTH" "http://127.0.0.1:$EMU_PORT/api/machines?\$top=1" | jq -r '.value[0].id')
CEIL_ID=$(curl -s "http://127.0.0.1:$CEIL_PORT/api/machines?top=1" | jq -r '.value[0].id')
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "http://127.0.0.1:$FLOOR_PORT/api/machines/$CEIL_ID" || true)" = "200" ]; do sleep 0.02; done
# The incidents ceiling: the ceiling app serving the emulator's own first page of 100 incidents from memory.
curl -s -H "$AUTH" "http://127.0.0.1:$EMU_PORT/api/incidents?\$top=100" >"$OUT/incidents.json"
( pin "$SERVER_CPUS" dotnet "$CEIL_DLL" --urls "http://127.0.0.1:$INC_PORT" --incidents "$OUT/incidents.json" ) >"$OUT/incidents-ceiling.log" 2>&1 &
PIDS+=("$!")
wait_ready "http://127.0.0.1:$INC_PORT/api/incidents" >/dev/null

post_script() { # name json-body -> path of a wrk lua script that POSTs the body (__N__ varies per request)
  local file="$OUT/$1.lua"
  cat >"$file" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local template = [[$2]]
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, (template:gsub("__N__", string.format("%040x", counter))))
end
LUA
  echo "$file"
}

run_wrk() { # label url [lua-script] -> "rps p50 p99"
  local label=$1 url=$2 script=${3:-}
  local args=(-t1 -c"$CONNECTIONS" --latency -H "$AUTH")
  if [ -n "$script" ]; then args+=(-s "$script"); fi
  ( pin "$LOAD_CPUS" wrk "${args[@]}" -d2s "$url" ) >/dev/null 2>&1 || true   # warm-up
  ( pin "$LOAD_CPUS" wrk "${args[@]}" -d"${DURATION}s" "$url" ) >"$OUT/$label.txt" 2>&1 || true
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$label.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$label.txt")
  echo "${rps:-0} ${p50:-n/a} ${p99:-n/a}"
}

E="http://127.0.0.1:$EMU_PORT"
C="http://127.0.0.1:$CEIL_PORT"
INDICATOR=$(post_script indicator '{"indicatorValue":"__N__","indicatorType":"FileSha1","action":"Alert","title":"load","description":"load test","severity":"Informational","generateAlert":true}')
HUNTING=$(post_script hunting '{"Query":"DeviceProcessEvents | where Timestamp > ago(7d) | summarize count() by DeviceName | top 10 by count_"}')

echo "Running wrk: ${DURATION}s per endpoint, ${CONNECTIONS} connections, server on CPU $SERVER_CPUS, wrk on CPU $LOAD_CPUS..."
read -r C_LIST_RPS C_LIST_P50 C_LIST_P99 <<<"$(run_wrk ceiling-list "$C/api/machines?top=100")"
read -r C_GET_RPS C_GET_P50 C_GET_P99 <<<"$(run_wrk ceiling-get "$C/api/machines/$CEIL_ID")"
read -r C_404_RPS C_404_P50 C_404_P99 <<<"$(run_wrk ceiling-404 "$C/api/machines/no-such-machine")"
F="http://127.0.0.1:$FLOOR_PORT"
read -r F_GET_RPS F_GET_P50 F_GET_P99 <<<"$(run_wrk floor-get "$F/api/machines/$CEIL_ID")"
read -r F_404_RPS F_404_P50 F_404_P99 <<<"$(run_wrk floor-404 "$F/api/machines/no-such-machine")"
read -r C_INC_RPS C_INC_P50 C_INC_P99 <<<"$(run_wrk ceiling-incidents "http://127.0.0.1:$INC_PORT/api/incidents")"
CEIL_RSS_KB=$(rss_kb "$CEIL_PID")

declare -a ROWS
row() { # label emulator-result ceiling-rps ceiling-label
  local label=$1 rps p50 p99; read -r rps p50 p99 <<<"$2"
  local ratio="n/a"
  if [ -n "${3:-}" ] && [ "$3" != "0" ]; then ratio=$(awk -v a="$rps" -v b="$3" 'BEGIN { printf "%.2f", a / b }'); fi
  ROWS+=("$(printf '| %-52s | %10s | %8s | %8s | %6s %s |' "$label" "$rps" "$p50" "$p99" "$ratio" "${4:-}")")
}
row 'GET /api/machines?$top=100' "$(run_wrk list "$E/api/machines?\$top=100")" "$C_LIST_RPS" "(list)"
row "GET /api/machines?\$filter=healthStatus eq 'Active'&\$orderby=lastSeen desc&\$top=100" \
  "$(run_wrk filter "$E/api/machines?\$filter=healthStatus%20eq%20'Active'&\$orderby=lastSeen%20desc&\$top=100")" "$C_LIST_RPS" "(list)"
row 'GET /api/machines/{id}' "$(run_wrk get "$E/api/machines/$MACHINE_ID")" "$C_GET_RPS" "(get)"
row 'GET /api/machines/{unknown} → 404 ResourceNotFound' "$(run_wrk notfound "$E/api/machines/no-such-machine")" "$C_404_RPS" "(404)"
row "GET /api/machines?\$filter=nope eq 1 → 400 ODataError" "$(run_wrk odataerror "$E/api/machines?\$filter=nope%20eq%201")" "$C_404_RPS" "(404)"
row 'GET /api/incidents?$top=100 (alerts, devices, entities)' "$(run_wrk incidents "$E/api/incidents?\$top=100")" "$C_INC_RPS" "(incidents)"
row 'POST /api/indicators' "$(run_wrk indicator "$E/api/indicators" "$INDICATOR")" "" ""
row 'POST /api/advancedqueries/run (summarize by DeviceName)' "$(run_wrk hunting "$E/api/advancedqueries/run" "$HUNTING")" "" ""

RSS_KB=$(rss_kb "$EMU_PID")
stop_emulator

echo "In-process run through the testing kit..."
kit() { # DOTNET_* settings... -- benchmark args... -> the benchmark program's result line
  local settings=(); while [ "$1" != "--" ]; do settings+=("$1"); shift; done; shift
  env "${settings[@]}" dotnet bench/DefenderApi.Benchmarks/bin/Release/net10.0/DefenderApi.Benchmarks.dll "$@" 2>/dev/null \
    | grep -E '^in-process( starts)?:' || echo "in-process: failed ($1)"
}
# As a test project set up the way the README recommends (TieredPGO off, CallCountingDelayMs=0), then with TieredPGO off only.
RECOMMENDED=(DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0)
INPROCESS=$(kit "${RECOMMENDED[@]}" -- inprocess 10000)
INPROCESS_PGO_ONLY=$(kit DOTNET_TieredPGO=0 -- inprocess 10000)
STARTS=$(kit "${RECOMMENDED[@]}" -- starts 5)

{
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), wrk -t1 -c$CONNECTIONS -d${DURATION}s"
  echo
  echo "| endpoint | requests/s | p50 | p99 | emulator/ceiling |"
  echo "|---|---:|---:|---:|---:|"
  for r in "${ROWS[@]}"; do echo "$r"; done
  echo "| ceiling: the same 100 incidents from memory | $C_INC_RPS | $C_INC_P50 | $C_INC_P99 | 1.00 |"
  echo "| ceiling: list / get / 404 | $C_LIST_RPS / $C_GET_RPS / $C_404_RPS | $C_LIST_P50 / $C_GET_P50 / $C_404_P50 | $C_LIST_P99 / $C_GET_P99 / $C_404_P99 | 1.00 |"
  echo "| authenticated floor (ceiling + framework auth only): get / 404 | $F_GET_RPS / $F_404_RPS | $F_GET_P50 / $F_404_P50 | $F_GET_P99 / $F_404_P99 | $(awk -v a="$F_GET_RPS" -v b="$C_GET_RPS" 'BEGIN { printf "%.2f", a / b }') / $(awk -v a="$F_404_RPS" -v b="$C_404_RPS" 'BEGIN { printf "%.2f", a / b }') |"
  echo
  echo "| measure | value |"
  echo "|---|---:|"
  echo "| start to ready, 1,000 machines (SQLite file, both cores, median of 3) | ${READY_1K} ms |"
  echo "| start to ready, 1,000 machines, the build's first start (no JIT profile yet) | ${READY_FIRST} ms |"
  echo "| start to ready, \`--seed none\` (the fixed cost before any data; median of 3) | ${READY_NONE} ms |"
  echo "| start to ready, the ceiling app (an ASP.NET Core app with nothing to prepare; median of 3) | ${READY_CEIL} ms |"
  echo "| start to ready, the store floor (the ceiling app after building our EF Core model and migrating a fresh SQLite file, nothing seeded; median of 3) | ${READY_STORE} ms |"
  echo "| start to ready, 100,000 machines (SQLite file, both cores) | ${READY_100K} |"
  echo "| start to ready, 10,000 machines + 100,000 alerts (+ TVM, hunting; server pinned to one core) | ${READY_LOAD} ms |"
  echo "| RSS when ready, that tenant | $(( RSS_READY_KB / 1024 )) MB |"
  echo "| RSS after load, that tenant | $(( RSS_KB / 1024 )) MB |"
  echo "| RSS after load, the ceiling app (same wrk runs, no data) | $(( CEIL_RSS_KB / 1024 )) MB |"
  echo "| in-process, testing kit, test project as the README recommends: ${INPROCESS#in-process: } | |"
  echo "| the same with the runtime's tier-1 delay (TieredPGO off only): ${INPROCESS_PGO_ONLY#in-process: } | |"
  echo "| testing-kit starts in one process: ${STARTS#in-process starts: } | |"
} | tee "$OUT/summary.md"
