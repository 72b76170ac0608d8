#!/usr/bin/env bash
# Allocations and garbage collections per storefront request, per kind of request (docs/benchmarks.md, "Garbage
# collection"): starts the app as storefront.sh does, warms up, then for each kind runs wrk while dotnet-counters
# records the runtime's counters, and prints bytes allocated per request, gen 0/1/2 collections per 10,000 requests
# the share of time in GC pauses and lock contentions per 10,000 requests. Allocation figures depend on the code, not on the machine's load.
# Needs dotnet-counters: dotnet tool install -g dotnet-counters.
#
#   benchmarks/storefront-gc.sh                         # 10 s per kind
#   DURATION=20 SKIP_BUILD=1 benchmarks/storefront-gc.sh
#   KINDS="bare cart" benchmarks/storefront-gc.sh       # the kinds of storefront.sh (default: all five)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5139}
DURATION=${DURATION:-10}
CUSTOMERS=${CUSTOMERS:-10000}
APP_DLL=${APP_DLL:-$ROOT/MerchDashboard/bin/Release/net10.0/MerchDashboard.dll}
BASE="http://127.0.0.1:$PORT"
KINDS=${KINDS:-bare anonymous personalized cart curation}
COUNTERS=${COUNTERS:-$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[[ -x "$COUNTERS" ]] || { echo "dotnet-counters is missing: dotnet tool install -g dotnet-counters" >&2; exit 2; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "building Release" >&2
  dotnet build "$ROOT/MerchDashboard" -c Release -nologo -v quiet >&2
fi
[[ -f "$APP_DLL" ]] || { echo "no build at $APP_DLL" >&2; exit 2; }

source "$ROOT/benchmarks/storefront-server.sh"

drive() { BENCH_MODE=$1 wrk -t2 -c64 -d"$2" -H "X-Api-Key: $KEY" -s "$WORK/storefront.lua" "$BASE"; }

echo "warming up (10 s each)" >&2
for mode in $KINDS; do drive "$mode" 10s >/dev/null; done
echo "when: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-13s %10s %14s %8s %8s %8s %10s %12s\n' endpoint requests bytes/request gen0/10k gen1/10k gen2/10k gc-pause-% locks/10k
for mode in $KINDS; do
  rm -f "$WORK/counters.csv"
  "$COUNTERS" collect -p "$SERVER_PID" --counters System.Runtime --format csv --refresh-interval 1 \
    --duration "00:00:$(printf '%02d' "$((DURATION + 2))")" -o "$WORK/counters.csv" >/dev/null 2>&1 &
  COLLECT_PID=$!
  sleep 1
  requests=$(drive "$mode" "${DURATION}s" | awk '$2 == "requests" && $3 == "in" { print $1 }')
  wait "$COLLECT_PID" || true
  # The runtime's counters are rates (an increment per 1 s interval): their sum over the run, per request.
  awk -F, -v requests="$requests" -v mode="$mode" -v seconds="$DURATION" '
    NR > 1 && $4 == "Rate" {
      name = $3; value = $NF + 0
      if (name ~ /^dotnet.gc.heap.total_allocated/) sum["alloc"] += value
      else if (name ~ /^dotnet.gc.collections.*gen0/) sum["gen0"] += value
      else if (name ~ /^dotnet.gc.collections.*gen1/) sum["gen1"] += value
      else if (name ~ /^dotnet.gc.collections.*gen2/) sum["gen2"] += value
      else if (name ~ /^dotnet.gc.pause.time/) sum["pause"] += value
      else if (name ~ /^dotnet.monitor.lock_contentions/) sum["locks"] += value
    }
    END {
      printf "%-13s %10d %14.0f %8.1f %8.1f %8.1f %10.2f %12.1f\n", mode, requests, sum["alloc"] / requests,
        sum["gen0"] * 1e4 / requests, sum["gen1"] * 1e4 / requests, sum["gen2"] * 1e4 / requests, sum["pause"] * 100 / seconds,
        sum["locks"] * 1e4 / requests
    }' "$WORK/counters.csv"
  cp "$WORK/counters.csv" "${KEEP_COUNTERS:-/dev/null}" 2>/dev/null || true
done
