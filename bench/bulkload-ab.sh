#!/usr/bin/env bash
# The admin API's bulk load as A/B pairs against another checkout (e.g. main), for a VM that is not quiet:
#   git worktree add /tmp/base main && bench/bulkload-ab.sh /tmp/base
#   PAIRS=3 MACHINES=20000 ROWS=60000 bench/bulkload-ab.sh /tmp/base
# Builds both emulators in Release, then PAIRS times: starts the baseline (--seed none, file store), runs
# `DefenderApi.Benchmarks -- bulkload` (a new seed-none tenant, MACHINES machines and ROWS DeviceProcessEvents rows
# posted in batches), stops it, and does the same with this checkout (this checkout first in even pairs). Prints each run and the median ratios
# (this checkout's rate over the baseline's). Not part of `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BASE=$(cd "${1:?usage: bench/bulkload-ab.sh BASELINE_CHECKOUT}" && pwd)
PAIRS=${PAIRS:-3}
MACHINES=${MACHINES:-100000}
ROWS=${ROWS:-300000}
PORT=${PORT:-5421}
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

if [ -z "${NO_BUILD:-}" ]; then # NO_BUILD=1: both Release builds are there already
  for tree in "$BASE" "$ROOT"; do dotnet build -c Release "$tree/src/DefenderApi.Emulator" -v q -nologo >/dev/null; done
  dotnet build -c Release bench/DefenderApi.Benchmarks -v q -nologo >/dev/null
fi
BENCH_DLL=bench/DefenderApi.Benchmarks/bin/Release/net10.0/DefenderApi.Benchmarks.dll

run() { # tree -> prints "machines/s rows/s"
  local data pid line; data=$(mktemp -d)
  ( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    exec dotnet "$1/src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll" --urls "http://127.0.0.1:$PORT" \
      --data-dir "$data" --seed none ) >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/_emulator/health" || true)" = "200" ]; do sleep 0.05; done
  line=$(dotnet "$BENCH_DLL" bulkload "http://127.0.0.1:$PORT" "$MACHINES" "$ROWS" 2>&1 | grep '^bulk load:' || echo "bulk load: failed")
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$data"
  echo "$line" >&2
  echo "$line" | sed -E 's/.*= ([0-9,]+) machines\/s.*= ([0-9,]+) rows\/s/\1 \2/; s/,//g'
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
RATIOS=()
for pair in $(seq "$PAIRS"); do
  echo "pair $pair, load average $(cut -d' ' -f1 /proc/loadavg)" >&2
  # The order alternates, so that a load rising or falling during a pair favours neither side.
  if [ $((pair % 2)) -eq 1 ]; then
    read -r bm br < <(run "$BASE"); read -r m r < <(run "$ROOT")
  else
    read -r m r < <(run "$ROOT"); read -r bm br < <(run "$BASE")
  fi
  RATIOS+=("$(awk -v a="$m" -v b="$bm" -v c="$r" -v d="$br" 'BEGIN { printf "%.2f %.2f", a / b, c / d }')")
done
printf '%s\n' "${RATIOS[@]}" >&2
echo "bulk load A/B ($PAIRS pairs, $MACHINES machines, $ROWS rows): machines/s $(printf '%s\n' "${RATIOS[@]}" | cut -d' ' -f1 | median)x the baseline, rows/s $(printf '%s\n' "${RATIOS[@]}" | cut -d' ' -f2 | median)x (medians)"
