#!/usr/bin/env bash
# Start-up and data at scale, every row of the goals in one run (bench/README.md, "Start-up and data at scale"):
#   bench/startup.sh                      # about 5 minutes on 2 cores
#   BIG_MACHINES=20000 bench/startup.sh   # a smaller "large" tenant
# Builds Release; times start-to-ready (process start until /_emulator/health answers 200, both cores, median of
# RUNS fresh starts) of the emulator with 1,000 demo machines, with --seed none, and of WireMock.Net
# (bench/DefenderApi.WireMockPeer, polled the same way) in the same run; starts 100,000 demo machines once (ready time
# and the store's bytes per machine against a seed-none store); times the admin API's bulk load; compares the same
# filtered, ordered page on the 100,000- and a 1,000-machine tenant with wrk; runs the testing kit's starts and new
# tenants in one process. Not part of `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
BIG=${BIG_MACHINES:-100000}
READ_SECONDS=${READ_SECONDS:-5}
EMU_PORT=${EMU_PORT:-5411}
PEER_PORT=${PEER_PORT:-5412}
OUT=${OUT:-$ROOT/bench/results}
mkdir -p "$OUT"

for tool in wrk curl jq; do command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool"; }; done

echo "Building Release..."
dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
dotnet build -c Release bench/DefenderApi.WireMockPeer -v q -nologo >/dev/null
dotnet build -c Release bench/DefenderApi.Benchmarks -v q -nologo >/dev/null
EMU_DLL=src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll
PEER_DLL=bench/DefenderApi.WireMockPeer/bin/Release/net10.0/DefenderApi.WireMockPeer.dll
BENCH_DLL=bench/DefenderApi.Benchmarks/bin/Release/net10.0/DefenderApi.Benchmarks.dll

PIDS=()
DIRS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for d in "${DIRS[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
wait_ready() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "200" ]; do sleep 0.01; done; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

start_emulator() { # machines extra-args... -> sets EMU_PID, EMU_DATA, READY_MS
  local machines=$1; shift
  EMU_DATA=$(mktemp -d); DIRS+=("$EMU_DATA")
  local start; start=$(now_ms)
  ( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    exec dotnet "$EMU_DLL" --urls "http://127.0.0.1:$EMU_PORT" --data-dir "$EMU_DATA" --Emulator:DemoMachines="$machines" "$@" ) >"$OUT/startup-emulator.log" 2>&1 &
  EMU_PID=$!; PIDS+=("$EMU_PID")
  wait_ready "http://127.0.0.1:$EMU_PORT/_emulator/health"
  READY_MS=$(( $(now_ms) - start ))
}
stop_emulator() { kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; rm -rf "$EMU_DATA"; }
start_peer() { # -> prints WireMock.Net's start-to-ready in ms
  local start pid; start=$(now_ms)
  ( exec dotnet "$PEER_DLL" "$PEER_PORT" ) >"$OUT/startup-wiremock.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$PEER_PORT/_emulator/health"
  echo $(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
median_start() { for _ in $(seq "$RUNS"); do start_emulator "$@"; echo "$READY_MS"; stop_emulator; done | median; }
store_bytes() { du -sb "$EMU_DATA" | cut -f1; }
token() {
  curl -s -X POST "http://127.0.0.1:$EMU_PORT/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token" \
    -d grant_type=client_credentials -d client_id=defender-emulator -d client_secret=emulator-secret \
    -d scope=https://api.securitycenter.microsoft.com/.default | jq -r .access_token
}
FILTER="/api/machines?\$filter=healthStatus%20eq%20'Active'&\$orderby=lastSeen%20desc&\$top=100"
read_rps() { # -> requests/s of the filtered page on the running emulator (rate limits off, 2 s warm-up)
  curl -s -X PUT "http://127.0.0.1:$EMU_PORT/_emulator/settings" -H 'content-type: application/json' -d '{"rateLimits":{"enabled":false}}' >/dev/null
  local auth; auth="Authorization: Bearer $(token)"
  wrk -t1 -c8 -d2s -H "$auth" "http://127.0.0.1:$EMU_PORT$FILTER" >/dev/null 2>&1 || true
  wrk -t1 -c8 -d"${READ_SECONDS}s" -H "$auth" "http://127.0.0.1:$EMU_PORT$FILTER" 2>&1 | awk '/Requests\/sec/ {print $2}'
}

echo "Start-to-ready, median of $RUNS (the first start of a build records its JIT profile and is not counted)..."
start_emulator 1000; stop_emulator
start_peer >/dev/null
READY_1K=$(median_start 1000)
READY_NONE=$(median_start 0 --seed none)
READY_PEER=$(for _ in $(seq "$RUNS"); do start_peer; done | median)
echo "  1,000 machines ${READY_1K} ms, seed none ${READY_NONE} ms, WireMock.Net ${READY_PEER} ms"

echo "A 1,000-machine tenant: the read peer..."
start_emulator 1000
RPS_1K=$(read_rps)
echo "  filtered page, 1,000 machines: ${RPS_1K} req/s"
stop_emulator

echo "Seed none: store floor and bulk load through the admin API..."
start_emulator 0 --seed none
BYTES_NONE=$(store_bytes)
BULK=$(dotnet "$BENCH_DLL" bulkload "http://127.0.0.1:$EMU_PORT" "${BULK_MACHINES:-100000}" "${BULK_ROWS:-300000}" 2>&1 | grep '^bulk load:' || echo "bulk load: failed")
echo "  $BULK"
stop_emulator

echo "$BIG demo machines..."
start_emulator "$BIG"
READY_BIG=$READY_MS
BYTES_BIG=$(store_bytes)
RPS_BIG=$(read_rps)
echo "  ready ${READY_BIG} ms, store ${BYTES_BIG} bytes (seed none ${BYTES_NONE}), filtered page ${RPS_BIG} req/s"
stop_emulator

echo "The testing kit in one process..."
KIT=$(DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 dotnet "$BENCH_DLL" starts 5 2>/dev/null | grep '^in-process starts:' || echo "in-process starts: failed")
echo "$KIT"
IMAGE=$(DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 dotnet "$BENCH_DLL" image-starts 3 2>/dev/null | grep '^demo image' || echo "demo image: failed")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
{
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version)"
  echo
  echo "| measure | this run | goal |"
  echo "|---|---:|---:|"
  echo "| start to ready, 1,000 demo machines, file store (median of $RUNS) | ${READY_1K} ms ($(ratio "$READY_1K" "$READY_PEER")× WireMock.Net) | ≤ 1,000 ms, ≤ 1.4× |"
  echo "| start to ready, WireMock.Net, one mapping (median of $RUNS, same run) | ${READY_PEER} ms | peer |"
  echo "| start to ready, \`--seed none\` (median of $RUNS) | ${READY_NONE} ms | ≤ 600 ms |"
  echo "| start to ready, $BIG demo machines, every feature's demo data | ${READY_BIG} ms | ≤ 6,000 ms |"
  echo "| store size per demo machine ((store − seed-none store) / $BIG, db + WAL) | $(awk -v a="$BYTES_BIG" -v b="$BYTES_NONE" -v n="$BIG" 'BEGIN { printf "%.1f KB", (a - b) / n / 1024 }') | ≤ 4 KB |"
  echo "| ${BULK#bulk load: } | | ≥ 100,000 machines/s, ≥ 300,000 rows/s |"
  echo "| reads, \`\$filter\`+\`\$orderby\`+\`\$top=100\` (wrk -c8 ${READ_SECONDS}s): $BIG machines $RPS_BIG req/s, 1,000 machines $RPS_1K req/s | $(ratio "$RPS_BIG" "$RPS_1K")× | ≥ 0.5× |"
  echo "| ${KIT#in-process starts: } | | later start ≤ 100 ms; tenant ≤ 10 ms (none), ≤ 100 ms (demo) |"
  echo "| ${IMAGE} | | later start ≤ 100 ms; tenant ≤ 100 ms (demo) |"
} | tee "$OUT/startup-summary.md"
