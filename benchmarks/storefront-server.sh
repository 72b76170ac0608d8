# Sourced by storefront.sh and storefront-trace.sh: starts the app on the demo store in a temporary data folder
# (Production, bare endpoint on, per-key rate limit lifted), creates API keys (storefront; curation) with the CLI, waits until lists are
# served and writes the wrk Lua script. Expects ROOT, PORT, CUSTOMERS, APP_DLL and BASE; sets WORK, SERVER_PID, KEY and CURATION_KEY.
WORK=$(mktemp -d /tmp/storefront-bench.XXXXXX)
SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production
export Database__DataFolder="$WORK/data"
export Database__SeedFolder="$ROOT/seed-data"
export Database__SeedDemoStore=true
export StorefrontApi__PermitLimit=1000000000
export Benchmark__BareEndpoint=true
export Logging__LogLevel__Default=Warning
mkdir -p "$WORK/data"

echo "starting the app on $BASE (demo store into $WORK/data)" >&2
(cd "$ROOT/MerchDashboard" && exec dotnet "$APP_DLL" --urls "$BASE" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the app stopped:" >&2; cat "$WORK/server.log" >&2; exit 2; }
  sleep 0.5
done

KEY=$(cd "$ROOT/MerchDashboard" && dotnet "$APP_DLL" api-key create --name "bench-$$" --data-folder "$WORK/data")
# The curation kind's key (GET /api/v1/lists/{sku} needs the curation scope).
CURATION_KEY=$(cd "$ROOT/MerchDashboard" && dotnet "$APP_DLL" api-key create --name "bench-curation-$$" --scope curation --data-folder "$WORK/data")
SKU=$(awk -F, 'NR == 2 { print $1 }' "$ROOT/seed-data/products.csv")
for _ in $(seq 1 600); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" "$BASE/api/v1/products/$SKU/frequently-bought-with") == 200 ]] \
    && curl -s -H "X-Api-Key: $KEY" "$BASE/api/v1/products/$SKU/frequently-bought-with" | grep -q '"items":\[{' && break
  sleep 0.5
done

# The Lua script: every request a random demo SKU; personalized requests a random customer among $CUSTOMERS. The cart
# kind posts a cart of 1 to 3 random SKUs for a random customer (POST /api/v1/cart/recommendations); the curation kind
# reads a product's curated list with the curation key (GET /api/v1/lists/{sku}); bare-cart posts the cart kind's body
# to the bare POST endpoint (/bench/bare/cart), which binds it and answers the bare endpoint's fixed objects.
{
  printf 'local skus = {'
  awk -F, 'NR > 1 { printf "\"%s\",", $1 }' "$ROOT/seed-data/products.csv"
  printf '}\n'
  cat <<LUA
local mode = os.getenv("BENCH_MODE")
local curationKey = "$CURATION_KEY"
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("id", counter) end
init = function(args) math.randomseed(os.time() * 7919 + id) end
request = function()
  if mode == "bare" then return wrk.format(nil, "/bench/bare/" .. skus[math.random(#skus)]) end
  if mode == "curation" then
    return wrk.format(nil, "/api/v1/lists/" .. skus[math.random(#skus)], { ["X-Api-Key"] = curationKey })
  end
  if mode == "cart" or mode == "bare-cart" then
    local lines = {}
    for i = 1, math.random(3) do lines[i] = string.format('{"sku":"%s","quantity":1}', skus[math.random(#skus)]) end
    local body = string.format('{"lines":[%s],"customerId":"C%06d"}', table.concat(lines, ","), math.random($CUSTOMERS))
    local headers = { ["Content-Type"] = "application/json" }
    for name, value in pairs(wrk.headers) do headers[name] = value end
    local path = mode == "cart" and "/api/v1/cart/recommendations" or "/bench/bare/cart"
    return wrk.format("POST", path, headers, body)
  end
  local path = "/api/v1/products/" .. skus[math.random(#skus)] .. "/frequently-bought-with"
  if mode == "personalized" then path = path .. string.format("?customerId=C%06d", math.random($CUSTOMERS)) end
  return wrk.format(nil, path)
end
LUA
} >"$WORK/storefront.lua"

