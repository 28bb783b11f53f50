#!/usr/bin/env bash
# Reads every read route of a living hub through a validating proxy (Prism) that compares each
# answer with docs/openapi.yaml; a violation fails. Needs the built jar and Node 18.20 or later.
# Usage: .ci/validate-api.sh [SPEC]   (default docs/openapi.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-docs/openapi.yaml}
prism=${PRISM:-npx --yes @stoplight/prism-cli@5.12.0}
data=$(mktemp -d)
hub_port=18717
proxy_port=14010
pids=()
stop() {
  # each in a session of its own (setsid): its process group goes whole, npx's node child included
  for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT

# an afternoon of the storm day lived at once, then ten simulated minutes a second
setsid java -jar app/target/shanzhi-cockpit.jar hub --data "$data" --port $hub_port --hours-lived 12 --speed 600 \
  >"$data/hub.out" 2>&1 &
pids+=($!)
setsid $prism proxy "$spec" http://127.0.0.1:$hub_port --errors --port $proxy_port >"$data/prism.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:$hub_port/api/v1/health >/dev/null && grep -q "listening" "$data/prism.out" && break
  sleep 1
done
curl -sf http://127.0.0.1:$proxy_port/api/v1/health >/dev/null || { cat "$data/hub.out" "$data/prism.out"; exit 1; }
sleep 10 # let the hub live some minutes more: orders, cases and disputes in every state

token() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" "$data/tokens.json"; }
viewer=$(token viewer)
failed=0
check() { # role path
  local code
  code=$(curl -s -o "$data/body" -w '%{http_code}' -H "Authorization: Bearer $(token "$1")" \
    "http://127.0.0.1:$proxy_port$2")
  if grep -q 'prism/errors#' "$data/body"; then
    echo "VIOLATION $2: $(head -c 2000 "$data/body")"
    failed=1
  else
    echo "$code $2"
  fi
}
check viewer /api/v1/health
check viewer /api/v1/snapshot
check viewer /api/v1/kpis
check viewer "/api/v1/events?since=0&limit=10000"
check leader "/api/v1/audit?limit=1000"
# every family the description lists with an entry by id (a photo is an image by id, with no list)
for family in $(sed -n 's|^  /api/v1/\([a-z-]*\)/{id}:$|\1|p' "$spec" | grep -vx photos); do
  check viewer "/api/v1/$family?limit=1000"
  id=$(curl -s -H "Authorization: Bearer $viewer" "http://127.0.0.1:$hub_port/api/v1/$family?limit=1" \
    | sed -n 's/.*"items":\[{"[A-Za-z]*":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] && check viewer "/api/v1/$family/$id"
done
check viewer /api/v1/incidents/no-such-case
exit $failed
