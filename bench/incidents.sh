#!/usr/bin/env bash
# Incidents page bench (issue 18): GET /api/incidents?$top=100 on the load tenant against the incidents ceiling, as
# alternating rounds that hold on a busy machine.
#   bench/incidents.sh                        # about 3 minutes after the build on a quiet VM
#   ROUNDS=5 DURATION=10 CONNECTIONS=8 bench/incidents.sh   # SKIP_BUILD=1 uses the Release builds as they are
# Starts the emulator (SQLite file, 10,000 demo machines, 100,000 demo alerts, rate limits off) and the ceiling app
# serving the emulator's own first page of 100 incidents from memory (`--incidents FILE`), both pinned to CPU 0, wrk on
# CPU 1. Each is warmed up, then ROUNDS rounds run wrk with the same settings against the emulator and then the
# ceiling, so both see the same load within a round; each round prints both rates and their ratio, and the last line
# the median ratio. Each side's CPU time per request (its process's user + system time over the round, from /proc, divided
# by the requests wrk completed) is printed too: on a loaded VM the rates swing with the others' builds, CPU time far less.
# Answers other than 2xx are counted: a round with any is not a measurement. Not part of `dotnet test`.
#   EMU_DLL=path/to/DefenderApi.Emulator.dll   # another build of the emulator (A/B); EMU_PORT, INC_PORT move the ports
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
ROUNDS=${ROUNDS:-3}
TIMEOUT=${TIMEOUT:-10s}
MACHINES=${MACHINES:-10000}
ALERTS=${ALERTS:-100000}
EMU_PORT=${EMU_PORT:-5411}
INC_PORT=${INC_PORT:-5414}
OUT=${OUT:-$ROOT/bench/results}
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq; }
pin() { local cpus=$1; shift; if command -v taskset >/dev/null; then exec taskset -c "$cpus" "$@"; else exec "$@"; fi; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
  dotnet build -c Release bench/DefenderApi.Ceiling -v q -nologo >/dev/null
fi
EMU_DLL=${EMU_DLL:-src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll}
CEIL_DLL=bench/DefenderApi.Ceiling/bin/Release/net10.0/DefenderApi.Ceiling.dll
E=http://127.0.0.1:$EMU_PORT
C=http://127.0.0.1:$INC_PORT
DATA=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  pin 0 dotnet "$EMU_DLL" --urls "$E" --data-dir "$DATA" --Emulator:DemoMachines="$MACHINES" --Emulator:DemoAlerts="$ALERTS" ) >"$OUT/incidents-emulator.log" 2>&1 &
PIDS+=("$!")
EMU_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$E/_emulator/health" || true)" = 200 ]; do sleep 0.2; done
curl -s -X PUT "$E/_emulator/settings" -H 'content-type: application/json' -d '{"rateLimits":{"enabled":false}}' >/dev/null
TOKEN=$(curl -s -X POST "$E/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token" -d grant_type=client_credentials \
  -d client_id=defender-emulator -d client_secret=emulator-secret -d scope=https://api.securitycenter.microsoft.com/.default | jq -r .access_token)
URL="$E/api/incidents?\$top=100"
curl -s -H "Authorization: Bearer $TOKEN" "$URL" >"$OUT/incidents-page.json"
( pin 0 dotnet "$CEIL_DLL" --urls "$C" --incidents "$OUT/incidents-page.json" ) >"$OUT/incidents-ceiling.log" 2>&1 &
PIDS+=("$!")
CEIL_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$C/api/incidents" || true)" = 200 ]; do sleep 0.2; done
curl -s "$C/api/incidents" >"$OUT/incidents-ceiling-page.json"
echo "page: $(jq '.value | length' "$OUT/incidents-page.json") incidents, $(jq '[.value[].alerts | length] | add' "$OUT/incidents-page.json") alerts," \
  "$(wc -c <"$OUT/incidents-page.json") bytes; the ceiling's answer is $(cmp -s "$OUT/incidents-page.json" "$OUT/incidents-ceiling-page.json" && echo identical || echo different)"

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
run_wrk() { # name pid url [header] -> "rps p50 p99 non2xx cpu-ms-per-request"
  local name=$1 pid=$2 url=$3; shift 3
  local before; before=$(cpu_ticks "$pid")
  ( pin 1 wrk -t1 -c"$CONNECTIONS" --timeout "$TIMEOUT" --latency "$@" -d"${DURATION}s" "$url" ) >"$OUT/incidents-$name.txt" 2>&1 || true
  local after; after=$(cpu_ticks "$pid")
  local requests; requests=$(awk '/requests in/ {print $1}' "$OUT/incidents-$name.txt")
  echo "$(awk '/Requests\/sec/ {print $2}' "$OUT/incidents-$name.txt") $(awk '$1=="50%" {print $2}' "$OUT/incidents-$name.txt") $(awk '$1=="99%" {print $2}' "$OUT/incidents-$name.txt") $(awk '/Non-2xx/ {print $5}' "$OUT/incidents-$name.txt" | grep . || echo 0)" \
    "$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="${requests:-0}" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')"
}
( pin 1 wrk -t1 -c"$CONNECTIONS" --timeout "$TIMEOUT" -H "Authorization: Bearer $TOKEN" -d3s "$URL" ) >/dev/null 2>&1 || true
( pin 1 wrk -t1 -c"$CONNECTIONS" --timeout "$TIMEOUT" -d3s "$C/api/incidents" ) >/dev/null 2>&1 || true

echo "| round | emulator requests/s | p50 | p99 | ceiling requests/s | p50 | p99 | emulator/ceiling | non-2xx | CPU ms/request emulator / ceiling | CPU ratio ceiling/emulator |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
RATIOS=()
CPU_RATIOS=()
for round in $(seq "$ROUNDS"); do
  read -r e_rps e_p50 e_p99 e_bad e_cpu <<<"$(run_wrk "emulator-$round" "$EMU_PID" "$URL" -H "Authorization: Bearer $TOKEN")"
  read -r c_rps c_p50 c_p99 c_bad c_cpu <<<"$(run_wrk "ceiling-$round" "$CEIL_PID" "$C/api/incidents")"
  ratio=$(awk -v e="${e_rps:-0}" -v c="${c_rps:-0}" 'BEGIN { printf "%.2f", (c > 0 ? e / c : 0) }')
  cpu_ratio=$(awk -v e="${e_cpu:-0}" -v c="${c_cpu:-0}" 'BEGIN { printf "%.2f", (e > 0 ? c / e : 0) }')
  RATIOS+=("$ratio")
  CPU_RATIOS+=("$cpu_ratio")
  echo "| $round | $e_rps | $e_p50 | $e_p99 | $c_rps | $c_p50 | $c_p99 | $ratio | $e_bad / $c_bad | $e_cpu / $c_cpu | $cpu_ratio |"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo
echo "median emulator/ceiling over $ROUNDS rounds: $(printf '%s\n' "${RATIOS[@]}" | median)"
echo "median CPU ratio (ceiling CPU per request / emulator CPU per request): $(printf '%s\n' "${CPU_RATIOS[@]}" | median)"
