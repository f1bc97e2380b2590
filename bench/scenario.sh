#!/usr/bin/env bash
# Scenario bench (issue 19): how long a day of scenarios takes to fast-forward on a 1,000-device tenant, and what a
# running scenario costs the reads.
#   bench/scenario.sh                    # about 2 minutes after the build
#   DURATION=5 DEVICES=1000 bench/scenario.sh   # SKIP_BUILD=1 uses the Release build as it is
#   READS=0 EMU_DLL=/tmp/base/DefenderApi.Emulator.dll bench/scenario.sh   # only the day, of another build (A/B pairs)
# Starts the emulator (SQLite file, DEVICES demo machines, --virtual-clock, rate limits off) pinned to CPU 0, starts
# every scenario (background on every active Windows device, the devices scenarios play on), then advances the virtual
# clock by one day in one call and times it: wall time, and the emulator's own CPU time (steadier on a loaded VM).
# Then measures two reads with wrk on CPU 1, quiet and while scenarios play (every scenario started again, the clock
# advanced by 60 s every 200 ms, so steps run during the measurement; a fresh token before each wrk, as the clock
# passes a token's hour otherwise), alternating quiet / busy twice. Answers other than 2xx are counted and shown: a
# run with any is not a measurement. Not part of `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10}
DEVICES=${DEVICES:-1000}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-5405}
OUT=${OUT:-$ROOT/bench/results}
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq; }
pin() { local cpus=$1; shift; if command -v taskset >/dev/null; then exec taskset -c "$cpus" "$@"; else exec "$@"; fi; }

[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
EMU_DLL=${EMU_DLL:-src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll}
E=http://127.0.0.1:$PORT
TENANT=00000000-0000-0000-0000-000000000001
DATA=$(mktemp -d)
( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  pin 0 dotnet "$EMU_DLL" --urls "$E" --data-dir "$DATA" --virtual-clock --Emulator:DemoMachines="$DEVICES" ) >"$OUT/scenario-emulator.log" 2>&1 &
EMU_PID=$!
ADVANCER=
trap 'kill $EMU_PID $ADVANCER 2>/dev/null || true; wait $EMU_PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$E/_emulator/health" || true)" = 200 ]; do sleep 0.2; done
curl -s -X PUT "$E/_emulator/settings" -H 'content-type: application/json' -d '{"rateLimits":{"enabled":false}}' >/dev/null
token() {
  TOKEN=$(curl -s -X POST "$E/$TENANT/oauth2/v2.0/token" -d grant_type=client_credentials -d client_id=defender-emulator \
    -d client_secret=emulator-secret -d scope=https://api.securitycenter.microsoft.com/.default | jq -r .access_token)
}
token

# Background plays on every device scenarios play on: the active Windows devices (a run is refused more than those).
BG_DEVICES=$(curl -s -H "Authorization: Bearer $TOKEN" "$E/api/machines?\$filter=healthStatus%20eq%20'Active'&\$top=10000" |
  jq '[.value[] | select(.osPlatform | startswith("Windows"))] | length')
[ "$BG_DEVICES" -le 1000 ] || BG_DEVICES=1000

start_all() { # seed -> starts every scenario; background on every active Windows device
  local s=$1
  for body in "{\"name\":\"background\",\"devices\":$BG_DEVICES,\"hours\":24,\"seed\":$s}" "{\"name\":\"ransomware\",\"devices\":50,\"seed\":$s}" \
      "{\"name\":\"phishing\",\"seed\":$s}" "{\"name\":\"commodity-malware\",\"seed\":$s}" "{\"name\":\"false-positive-burst\",\"devices\":100,\"seed\":$s}" \
      "{\"name\":\"device-inactive\",\"seed\":$s}"; do
    curl -s -o /dev/null -X POST "$E/_emulator/tenants/$TENANT/scenarios" -H 'content-type: application/json' -d "$body"
  done
}

alerts_before=$(curl -s -H "Authorization: Bearer $TOKEN" "$E/api/alerts?\$count=true&\$top=1" | jq '."@odata.count"')
start_all 1
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$EMU_PID/stat"; }
c0=$(cpu_ms); t0=$(date +%s%3N)
curl -s -o /dev/null -X POST "$E/_emulator/clock/advance" -H 'content-type: application/json' -d '{"seconds":86400}'
t1=$(date +%s%3N); c1=$(cpu_ms)
DAY_MS=$((t1 - t0))
DAY_CPU_MS=$((c1 - c0))  # the emulator's own CPU time: on a loaded VM a steadier A/B figure than the wall time
token  # the day outlived the token
alerts_after=$(curl -s -H "Authorization: Bearer $TOKEN" "$E/api/alerts?\$count=true&\$top=1" | jq '."@odata.count"')
steps=$(curl -s "$E/_emulator/tenants/$TENANT/scenarios" | jq '[.[].stepsDone] | add')
failed=$(curl -s "$E/_emulator/tenants/$TENANT/scenarios" | jq '[.[] | select(.status == "Failed")] | length')

run_wrk() { # label url -> "rps p50 p99"
  ( pin 1 wrk -t1 -c"$CONNECTIONS" -H "Authorization: Bearer $TOKEN" -d2s "$2" ) >/dev/null 2>&1 || true
  ( pin 1 wrk -t1 -c"$CONNECTIONS" --latency -H "Authorization: Bearer $TOKEN" -d"${DURATION}s" "$2" ) >"$OUT/scenario-$1.txt" 2>&1 || true
  echo "$(awk '/Requests\/sec/ {print $2}' "$OUT/scenario-$1.txt") $(awk '$1=="50%" {print $2}' "$OUT/scenario-$1.txt") $(awk '$1=="99%" {print $2}' "$OUT/scenario-$1.txt") $(awk '/Non-2xx/ {print $5}' "$OUT/scenario-$1.txt" | grep . || echo 0)"
}
busy_start() { start_all "$1"; ( while true; do curl -s -o /dev/null -X POST "$E/_emulator/clock/advance" -H 'content-type: application/json' -d '{"seconds":60}'; sleep 0.2; done ) & ADVANCER=$!; }
busy_stop() { kill "$ADVANCER" 2>/dev/null || true; wait "$ADVANCER" 2>/dev/null || true; ADVANCER=; }

if [ "${READS:-1}" = 1 ]; then
echo "| round | read | quiet requests/s | p50 | p99 | while scenarios run | p50 | p99 | busy/quiet | non-2xx (quiet / busy) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in 1 2; do
  for read in machines alerts; do
    url="$E/api/$read?\$top=100"
    token; read -r q_rps q_p50 q_p99 q_bad <<<"$(run_wrk "$read-quiet-$round" "$url")"
    busy_start $((round * 10 + ${#read})); token
    read -r b_rps b_p50 b_p99 b_bad <<<"$(run_wrk "$read-busy-$round" "$url")"
    busy_stop
    echo "| $round | GET /api/$read?\$top=100 | $q_rps | $q_p50 | $q_p99 | $b_rps | $b_p50 | $b_p99 | $(awk -v b="$b_rps" -v q="$q_rps" 'BEGIN { printf "%.2f", (q > 0 ? b / q : 0) }') | $q_bad / $b_bad |"
  done
done
echo
fi
echo "| measure | value |"
echo "|---|---:|"
echo "| one day fast-forwarded ($DEVICES devices; every scenario, background on its $BG_DEVICES active Windows devices) | $DAY_MS ms (emulator CPU $DAY_CPU_MS ms) |"
echo "| scenario steps run in that day | $steps ($(awk -v d="$DAY_MS" -v s="$steps" 'BEGIN { printf "%.1f", (s > 0 ? d / s : 0) }') ms a step) |"
echo "| alerts before / after the day | $alerts_before / $alerts_after |"
echo "| failed runs | $failed |"
