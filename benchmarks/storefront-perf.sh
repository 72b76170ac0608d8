#!/usr/bin/env bash
# Where a storefront request's CPU time goes, measured on the CPU: starts the app as storefront.sh does (with the
# runtime writing a perf map of its JIT-compiled code), warms up, then for each kind records the server's on-CPU stacks
# with Linux perf (`perf record -g`, cpu-clock at 999 Hz) while wrk drives that kind, and prints the CPU time per request
# (user + kernel, from the samples) and, per request, the inclusive microseconds of the request's main parts
# (docs/benchmarks.md, "On-CPU profile"). Unlike storefront-trace.sh (EventPipe thread-time sampling, which also
# counts a managed thread that is runnable but preempted), every sample here is a CPU actually running the server.
# Needs perf: apt-get install -y linux-perf.
#
#   benchmarks/storefront-perf.sh                       # KINDS="bare personalized cart", 10 s each
#   KINDS="bare cart" DURATION=15 SKIP_BUILD=1 benchmarks/storefront-perf.sh
#   KEEP=/tmp/prof benchmarks/storefront-perf.sh        # keeps /tmp/prof-<kind>.data for `perf report -i`
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5140}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10s}
FREQUENCY=${FREQUENCY:-999}
CUSTOMERS=${CUSTOMERS:-10000}
KINDS=${KINDS:-bare personalized cart}
APP_DLL=${APP_DLL:-$ROOT/MerchDashboard/bin/Release/net10.0/MerchDashboard.dll}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 2; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "building Release" >&2
  dotnet build "$ROOT/MerchDashboard" -c Release -nologo -v quiet >&2
fi
[[ -f "$APP_DLL" ]] || { echo "no build at $APP_DLL" >&2; exit 2; }

# perf names JIT-compiled methods from /tmp/perf-<pid>.map; with W^X on, the code lives in a memfd mapping that perf
# does not resolve through the map, so it is switched off for this process only.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
source "$ROOT/benchmarks/storefront-server.sh"
trap 'rm -f "/tmp/perf-$SERVER_PID.map"; cleanup' EXIT

drive() { BENCH_MODE=$1 wrk -t2 -c64 -d"$2" --latency -H "X-Api-Key: $KEY" -s "$WORK/storefront.lua" "$BASE"; }

# Long enough for tiered compilation to reach the optimized code (5 s of one kind alone left a cart at 4x its cost).
echo "warming up ($WARMUP each)" >&2
for kind in $KINDS; do drive "$kind" "$WARMUP" >/dev/null; done

# The parts reported, as label and a pattern of the method's name in perf's symbol (inclusive: with what it calls).
PARTS=(
  "kestrel request (all middleware)|HttpProtocol\+<ProcessRequests>d__[0-9]+\`1\[System.__Canon\]::MoveNext"
  "authorization (key, rate limit, endpoint)|AuthorizationMiddleware\+<Invoke>d__[0-9]+::MoveNext"
  "  endpoint filters, handler and result|EndpointMiddleware::Invoke\\("
  "  request body (JSON)|HttpRequestJsonExtensions\+<ReadFromJsonAsync>"
  "  frequently-bought-with endpoint|RecommendationEndpoints::FrequentlyBoughtWith"
  "  cart endpoint|CartEndpoints::Recommend"
  "    cart composition|CartComposer::Compose\("
  "  answer written (JSON)|FrequentlyBoughtWithJson::WriteTo|CartRecommendationsJson::WriteTo|Utf8JsonResult::ExecuteAsync|WriteAsJsonAsync>g__WriteAsJsonAsyncSlow"
  "socket sends|SocketConnection\+<DoSend>"
)

echo "when: $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores; wrk -t2 -c64 -d${DURATION}s; perf cpu-clock at $FREQUENCY Hz"
for kind in $KINDS; do
  data=${KEEP:+$KEEP-$kind.data}
  data=${data:-$WORK/$kind.data}
  drive "$kind" "$((DURATION + 3))s" >"$WORK/$kind.wrk" &
  wrk_pid=$!
  sleep 1
  perf record -F "$FREQUENCY" -g -p "$SERVER_PID" -o "$data" -- sleep "$DURATION" >"$WORK/perf.log" 2>&1
  wait "$wrk_pid"
  rps=$(awk '/Requests\/sec/ { print $2 }' "$WORK/$kind.wrk")
  # Every sample is one period of the cpu-clock (1/FREQUENCY s of a CPU running the server).
  samples=$(perf script -i "$data" -F period 2>/dev/null | wc -l)
  requests=$(awk -v rps="$rps" -v d="$DURATION" 'BEGIN { printf "%.0f", rps * d }')
  us_per_request=$(awk -v s="$samples" -v f="$FREQUENCY" -v r="$requests" 'BEGIN { printf "%.1f", s / f * 1e6 / r }')
  perf report -i "$data" --stdio --children -g none --sort sym 2>/dev/null | grep -v '^#' | grep -v '^$' >"$WORK/$kind.report"
  perf report -i "$data" --stdio --no-children -g none --sort dso 2>/dev/null | grep -v '^#' | grep -v '^$' >"$WORK/$kind.dso"
  kernel=$(awk '/\[kernel.kallsyms\]/ { gsub("%", "", $1); print $1; exit }' "$WORK/$kind.dso")
  echo
  printf '%s: %s requests/s, %s samples, %s us of CPU per request (kernel %s%%)\n' "$kind" "$rps" "$samples" "$us_per_request" "${kernel:-0}"
  for part in "${PARTS[@]}"; do
    label=${part%%|*} pattern=${part#*|}
    # The largest inclusive share among the matching methods (nested frames of one part are not added twice).
    share=$( (grep -E "$pattern" "$WORK/$kind.report" || true) | awk '{ gsub("%", "", $1); if ($1 > m) m = $1 } END { print m + 0 }')
    awk -v l="$label" -v s="$share" -v u="$us_per_request" 'BEGIN { if (s > 0) printf "  %-44s %6.1f us  %5.1f%%\n", l, s * u / 100, s }'
  done
  echo "  top methods by own time:"
  (perf report -i "$data" --stdio --no-children -g none --sort sym 2>/dev/null || true) | grep -v -e '^#' -e '^$' | head -12 \
    | awk -v u="$us_per_request" '{ s = $1; gsub("%", "", s); $1 = ""; $2 = ""; printf "    %5.1f us  %s\n", s * u / 100, substr($0, 3, 130) }' || true
done
