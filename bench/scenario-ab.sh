#!/usr/bin/env bash
# A/B of the scenario day (issue 19): `bench/scenario.sh` with READS=0 against another build, alternating, PAIRS times.
#   BASE_DLL=/tmp/base/DefenderApi.Emulator.dll bench/scenario-ab.sh     # PAIRS=3; SKIP_BUILD=1 uses the Release build as it is
# The other build is a Release output folder copied aside (e.g. main's: `git worktree add /tmp/main main && dotnet build -c
# Release /tmp/main/src/DefenderApi.Emulator`, then BASE_DLL=/tmp/main/src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll).
# Each pair starts the base first, then this tree's build, one after the other under the same load; printed: wall time and
# the emulator's own CPU time of the day (steadier than wall time on a loaded VM), and their ratios (this build / base).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE_DLL:?BASE_DLL=the DefenderApi.Emulator.dll of the other build}"
PAIRS=${PAIRS:-3}
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
# One day of scenarios on a build ("" = this tree's): prints "wall_ms cpu_ms".
day() {
  local line
  line=$(env SKIP_BUILD=1 READS=0 EMU_DLL="${1:-src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll}" bench/scenario.sh | grep 'one day fast-forwarded')
  echo "$line" | sed -E 's/.*[|] ([0-9]+) ms [(]emulator CPU ([0-9]+) ms[)].*/\1 \2/'
}

echo "| pair | load average | base: day (wall) | CPU | this build: day (wall) | CPU | wall ratio | CPU ratio |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for pair in $(seq 1 "$PAIRS"); do
  l0=$(cut -d' ' -f1 /proc/loadavg)
  read -r bw bc < <(day "$BASE_DLL")
  read -r tw tc < <(day "")
  l1=$(cut -d' ' -f1 /proc/loadavg)
  wall=$(awk -v a="$tw" -v b="$bw" 'BEGIN { printf "%.2f", a / b }')
  cpu=$(awk -v a="$tc" -v b="$bc" 'BEGIN { printf "%.2f", a / b }')
  echo "| $pair | $l0 to $l1 | $bw ms | $bc ms | $tw ms | $tc ms | ${wall}x | ${cpu}x |"
done
