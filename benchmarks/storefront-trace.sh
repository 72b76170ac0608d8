#!/usr/bin/env bash
# Where a storefront request's CPU time goes: starts the app as storefront.sh does, warms up, then samples the server's
# stacks with dotnet-trace (cpu-sampling) while wrk drives one kind of request, and prints the methods with the most
# inclusive and exclusive samples (docs/benchmarks.md). Needs dotnet-trace: dotnet tool install -g dotnet-trace.
#
#   benchmarks/storefront-trace.sh                       # anonymous, 10 s of samples, top 40
#   MODE=personalized TOP=60 benchmarks/storefront-trace.sh
#   MODE=bare SKIP_BUILD=1 benchmarks/storefront-trace.sh
#   KEEP_TRACE=/tmp/anonymous.nettrace benchmarks/storefront-trace.sh   # then benchmarks/trace-callers.py on it
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5138}
MODE=${MODE:-anonymous}
DURATION=${DURATION:-10}
TOP=${TOP:-40}
CUSTOMERS=${CUSTOMERS:-10000}
APP_DLL=${APP_DLL:-$ROOT/MerchDashboard/bin/Release/net10.0/MerchDashboard.dll}
BASE="http://127.0.0.1:$PORT"
TRACE=${TRACE:-$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[[ -x "$TRACE" ]] || { echo "dotnet-trace is missing: dotnet tool install -g dotnet-trace" >&2; exit 2; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "building Release" >&2
  dotnet build "$ROOT/MerchDashboard" -c Release -nologo -v quiet >&2
fi
[[ -f "$APP_DLL" ]] || { echo "no build at $APP_DLL" >&2; exit 2; }

source "$ROOT/benchmarks/storefront-server.sh"

drive() {
  if [[ $MODE == bare ]]; then
    wrk -t2 -c64 -d"$1" "$BASE/bench/bare"
  else
    BENCH_MODE=$MODE wrk -t2 -c64 -d"$1" -H "X-Api-Key: $KEY" -s "$WORK/storefront.lua" "$BASE"
  fi
}

echo "warming up $MODE (10 s)" >&2
drive 10s >/dev/null
echo "tracing $MODE for $DURATION s; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
drive "$((DURATION + 4))s" >"$WORK/wrk.txt" &
WRK_PID=$!
sleep 1
"$TRACE" collect -p "$SERVER_PID" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' "$DURATION")" -o "$WORK/trace.nettrace" >/dev/null
wait "$WRK_PID"
[[ -z "${KEEP_TRACE:-}" ]] || cp "$WORK/trace.nettrace" "$KEEP_TRACE"
grep -E "Requests/sec|Latency" "$WORK/wrk.txt" >&2
echo "== inclusive"
"$TRACE" report "$WORK/trace.nettrace" topN -n "$TOP" --inclusive
echo "== exclusive"
"$TRACE" report "$WORK/trace.nettrace" topN -n "$TOP"
