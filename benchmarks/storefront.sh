#!/usr/bin/env bash
# The storefront API against a bare endpoint in the same process, with wrk on loopback (docs/benchmarks.md).
# Builds Release, starts the app on the demo store in a temporary data folder, creates an API key with the CLI,
# warms up, then runs ROUNDS rounds alternating the KINDS (default: bare / anonymous / personalized / cart / curation;
# random demo SKUs; customers drawn from C000001..C010000, of which the demo store knows 9,000; cart: POST of 1 to 3
# random SKUs for a random customer; curation: GET /api/v1/lists/{sku} with a curation key; bare-cart: the cart's POST
# to a bare endpoint that binds the body and answers fixed objects, a reference without a goal, which shows what the
# POST itself costs against the GET bare endpoint and what the cart's own work costs) and prints each run, the medians, the ratios to the
# bare endpoint and the server's memory. The bare endpoint gets requests of the same shape from the same Lua script
# (random SKU in the path, the key header), so wrk, which shares the cores, does the same work in every round. It also
# prints the server's CPU time per request (user + system from /proc, over each run): on a machine shared with other
# work, bare-cpu/cpu estimates the throughput ratio the server would reach alone. Exit code 1 when a goal is missed or
# any request failed.
#
#   benchmarks/storefront.sh                 # defaults: -t2 -c64, 10 s rounds, 3 rounds, port 5137
#   DURATION=15s ROUNDS=5 PORT=5200 benchmarks/storefront.sh
#   SKIP_BUILD=1 APP_DLL=/tmp/other/MerchDashboard.dll benchmarks/storefront.sh   # measure another build
#   FIXED_BARE=1 benchmarks/storefront.sh    # bare runs as before 2026-12-01: one fixed URL, no Lua script, no key header
#   KINDS="bare personalized cart" ROUNDS=1 benchmarks/storefront.sh   # some kinds only (bare first: the ratios are to it)
# Goals: anonymous >= 0.85 of bare's requests/s, every other kind >= 0.70; p99 at most 1.5x bare's; no errors.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5137}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5s}
CUSTOMERS=${CUSTOMERS:-10000}
KINDS=${KINDS:-bare anonymous personalized cart curation bare-cart}
[[ $KINDS == bare\ * ]] || { echo "KINDS must start with bare (the ratios are to it)" >&2; exit 2; }
APP_DLL=${APP_DLL:-$ROOT/MerchDashboard/bin/Release/net10.0/MerchDashboard.dll}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "building Release" >&2
  dotnet build "$ROOT/MerchDashboard" -c Release -nologo -v quiet >&2
fi
[[ -f "$APP_DLL" ]] || { echo "no build at $APP_DLL" >&2; exit 2; }

source "$ROOT/benchmarks/storefront-server.sh"

# The server's CPU time so far (user + system) in clock ticks.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# One wrk run; prints "requests/s p99-ms errors server-cpu-us-per-request".
run() {
  local mode=$1 duration=$2 out before after
  before=$(server_ticks)
  if [[ $mode == bare && -n "${FIXED_BARE:-}" ]]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$BASE/bench/bare")
  else
    out=$(BENCH_MODE=$mode wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -H "X-Api-Key: $KEY" -s "$WORK/storefront.lua" "$BASE")
  fi
  after=$(server_ticks)
  awk -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" '
    $2 == "requests" && $3 == "in" { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { v = $2; ms = v + 0; if (v ~ /us$/) ms /= 1000; else if (v ~ /ms$/) ms *= 1; else if (v ~ /s$/) ms *= 1000; p99 = ms }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %d %.1f\n", rps, p99, errors, requests ? ticks / hz * 1e6 / requests : 0 }' <<<"$out"
}

echo "warming up ($WARMUP each)" >&2
for mode in $KINDS; do run "$mode" "$WARMUP" >/dev/null; done

declare -A RPS P99 ERRORS CPU
echo "when: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
printf '%-6s %-13s %12s %9s %7s %12s\n' round endpoint requests/s p99-ms errors cpu-us/req
for round in $(seq 1 "$ROUNDS"); do
  for mode in $KINDS; do
    read -r rps p99 errors cpu < <(run "$mode" "$DURATION")
    RPS[$mode]+="$rps "; P99[$mode]+="$p99 "; CPU[$mode]+="$cpu "; ERRORS[$mode]=$(( ${ERRORS[$mode]:-0} + errors ))
    printf '%-6s %-13s %12s %9s %7s %12s\n' "$round" "$mode" "$rps" "$p99" "$errors" "$cpu"
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
BARE_RPS=$(median "${RPS[bare]}"); BARE_P99=$(median "${P99[bare]}"); BARE_CPU=$(median "${CPU[bare]}")
echo
printf '%-13s %12s %9s %14s %14s %7s %12s %14s\n' endpoint median-rps p99-ms rps/bare p99/bare errors cpu-us/req bare-cpu/cpu
status=0
for mode in $KINDS; do
  rps=$(median "${RPS[$mode]}"); p99=$(median "${P99[$mode]}")
  ratio=$(awk -v a="$rps" -v b="$BARE_RPS" 'BEGIN { printf "%.2f", a / b }')
  p99ratio=$(awk -v a="$p99" -v b="$BARE_P99" 'BEGIN { printf "%.2f", a / b }')
  cpu=$(median "${CPU[$mode]}")
  cpuratio=$(awk -v a="$BARE_CPU" -v b="$cpu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-13s %12s %9s %14s %14s %7s %12s %14s\n' "$mode" "$rps" "$p99" "$ratio" "$p99ratio" "${ERRORS[$mode]}" "$cpu" "$cpuratio"
  goal=$([[ $mode == anonymous ]] && echo 0.85 || echo 0.70)
  if [[ $mode != bare* ]] && awk -v r="$ratio" -v g="$goal" -v p="$p99ratio" 'BEGIN { exit !(r < g || p > 1.5) }'; then
    echo "  goal missed: $mode needs >= $goal of bare's requests/s and <= 1.5x its p99" >&2; status=1
  fi
  [[ ${ERRORS[$mode]} -eq 0 ]] || { echo "  $mode had ${ERRORS[$mode]} failed requests" >&2; status=1; }
done
if [[ -n "${RPS[cart]:-}" && -n "${RPS[bare-cart]:-}" ]]; then
  # The cart against a POST of the same body that does no cart work: what the cart's own work costs.
  awk -v c="$(median "${RPS[cart]}")" -v b="$(median "${RPS[bare-cart]}")" -v cp="$(median "${P99[cart]}")" -v bp="$(median "${P99[bare-cart]}")" \
    -v cc="$(median "${CPU[cart]}")" -v bc="$(median "${CPU[bare-cart]}")" \
    'BEGIN { printf "cart against bare-cart (the same POST body, no cart work): %.2f of its requests/s, p99 %.2fx, %.1f us more CPU a request\n", c / b, cp / bp, cc - bc }'
fi
echo
echo "server memory: $(awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$SERVER_PID/status")"
exit $status
