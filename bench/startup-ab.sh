#!/usr/bin/env bash
# Start-up A/B (bench/README.md, "Start-up, compiled model"): this checkout's Release build against another build,
# started alternately under the same load so that their ratio holds on a busy VM:
#   BASE_DLL=/path/to/base/DefenderApi.Emulator.dll bench/startup-ab.sh
#   PAIRS=5 SEED=demo MACHINES=1000 BASE_DLL=... bench/startup-ab.sh
# Each start gets a new data directory (a new SQLite store, as every CI start meets), both cores, health polled every
# 10 ms. Prints, per start, start-to-ready wall time and the process's CPU time (user + system) when ready, and the
# time from start until a token request (sent as soon as the emulator is ready, as a client would) is answered, then
# the medians and the ratios this/base. The first start of each build records its multicore JIT profile and is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE_DLL:?set BASE_DLL to the DefenderApi.Emulator.dll of the build to compare with}"
PAIRS=${PAIRS:-5}
SEED=${SEED:-none}
MACHINES=${MACHINES:-1000}
PORT=${EMU_PORT:-5421}
THIS_DLL=${THIS_DLL:-src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll}
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
TICKS=$(getconf CLK_TCK)

now_ms() { date +%s%3N; }
one_start() { # dll -> "wall_ms cpu_ms token_ms"
  local dll=$1 data start pid wall cpu token
  data=$(mktemp -d)
  start=$(now_ms)
  ( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    exec dotnet "$dll" --urls "http://127.0.0.1:$PORT" --data-dir "$data" --seed "$SEED" --Emulator:DemoMachines="$MACHINES" ) >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/_emulator/health" || true)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the emulator ($dll) exited before it was ready" >&2; exit 1; }
    sleep 0.01
  done
  wall=$(( $(now_ms) - start ))
  cpu=$(awk -v t="$TICKS" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$pid/stat")
  curl -s -f -o /dev/null -X POST "http://127.0.0.1:$PORT/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token" \
    -d grant_type=client_credentials -d client_id=defender-emulator -d client_secret=emulator-secret \
    -d scope=https://api.securitycenter.microsoft.com/.default
  token=$(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "$wall $cpu $token"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

one_start "$BASE_DLL" >/dev/null
one_start "$THIS_DLL" >/dev/null
BASE=(); THIS=()
for i in $(seq "$PAIRS"); do
  b=$(one_start "$BASE_DLL"); t=$(one_start "$THIS_DLL")
  BASE+=("$b"); THIS+=("$t")
  read -r bw bc bt <<<"$b"; read -r tw tc tt <<<"$t"
  echo "pair $i (load $(cut -d' ' -f1 /proc/loadavg)): base ready $bw ms, $bc ms CPU, token $bt ms; this ready $tw ms, $tc ms CPU, token $tt ms"
done
col() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
bw=$(col 1 "${BASE[@]}"); bc=$(col 2 "${BASE[@]}"); bt=$(col 3 "${BASE[@]}")
tw=$(col 1 "${THIS[@]}"); tc=$(col 2 "${THIS[@]}"); tt=$(col 3 "${THIS[@]}")
echo "seed $SEED (machines $MACHINES), median of $PAIRS pairs: ready base $bw ms / this $tw ms ($(ratio "$tw" "$bw")×);" \
  "CPU when ready base $bc ms / this $tc ms ($(ratio "$tc" "$bc")×); first token base $bt ms / this $tt ms ($(ratio "$tt" "$bt")×)"
