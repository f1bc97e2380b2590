#!/usr/bin/env bash
# The intercepting proxy's cost: GET /api/machines/{id} with keep-alive connections, plain HTTP direct vs HTTPS direct
# vs HTTPS through the proxy (CONNECT + TLS terminated with the emulator's own certificate), one client, one sitting.
#   bench/proxy.sh                       # 10 s per way, 16 connections
#   DURATION=5 CONNECTIONS=8 bench/proxy.sh
# The emulator is pinned to core 0 and the client to core 1 (on a 2-core machine). Not part of `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
HTTP_PORT=5411
HTTPS_PORT=5412
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

dotnet build -c Release src/DefenderApi.Emulator -v q -nologo >/dev/null
dotnet build -c Release bench/DefenderApi.Benchmarks -v q -nologo >/dev/null
data=$(mktemp -d)
# The root the proxy's certificates chain to, created before the emulator starts (it reuses it).
dotnet src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll certs --data-dir "$data" >/dev/null 2>&1
# exec: the PID recorded is the server itself, so the trap stops it.
pin() { local cpus=$1; shift; if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then exec taskset -c "$cpus" "$@"; else exec "$@"; fi; }
( export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  pin 0 dotnet src/DefenderApi.Emulator/bin/Release/net10.0/DefenderApi.Emulator.dll \
    --urls "http://127.0.0.1:$HTTP_PORT;https://127.0.0.1:$HTTPS_PORT" --data-dir "$data" --Emulator:DemoMachines=1000 ) >"$data/emulator.log" 2>&1 &
EMU_PID=$!
trap 'kill $EMU_PID 2>/dev/null || true; wait $EMU_PID 2>/dev/null || true; rm -rf "$data"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/_emulator/health" || true)" = "200" ]; do sleep 0.05; done
curl -s -X PUT "http://127.0.0.1:$HTTP_PORT/_emulator/settings" -H 'content-type: application/json' -d '{"rateLimits":{"enabled":false}}' >/dev/null
( pin 1 dotnet bench/DefenderApi.Benchmarks/bin/Release/net10.0/DefenderApi.Benchmarks.dll \
  proxy "http://127.0.0.1:$HTTP_PORT" "$data/ca/root.pem" "$DURATION" "$CONNECTIONS" "$HTTPS_PORT" )
