#!/usr/bin/env bash
# A/B of the existing hunting benchmark queries: another commit's engine against this checkout's, on the same
# 1M-event file, in alternating processes (ROUNDS pairs). Usage: bench/hunting-ab.sh BASE_COMMIT
# Needs the file HuntingBenchmarks generates (run its filter once). Not part of `dotnet test`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:?usage: bench/hunting-ab.sh BASE_COMMIT}
ROUNDS=${ROUNDS:-2}
DATA=${DATA:-${TMPDIR:-/tmp}/defenderapi-hunting-bench-1000000-v2.db}
[ -f "$DATA" ] || { echo "no $DATA: run the HuntingBenchmarks filter once first" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git -C "$ROOT" worktree add -q --detach "$WORK/base" "$BASE"
for side in base head; do
  project=$([ $side = base ] && echo "$WORK/base" || echo "$ROOT")/src/DefenderApi.Hunting/DefenderApi.Hunting.csproj
  mkdir -p "$WORK/$side"
  sed "s#__PROJECT__#$project#; s#__LABEL__#$side#" "$ROOT/bench/hunting-ab/Compare.cs.template" > "$WORK/$side/Compare.cs"
done
for _ in $(seq "$ROUNDS"); do
  for side in base head; do (cd "$WORK/$side" && dotnet run -c Release Compare.cs -- "$DATA"); done
done
