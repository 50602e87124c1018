#!/usr/bin/env bash
# Import and list throughput of one Berth replica versus two on one PostgreSQL database.
#
#   bash bench/replicas.sh [N=200] [CLIENTS=8]
#
# Each phase gets a fresh database. Import: N distinct images scanned through
# POST /v1/images/scan by CLIENTS concurrent clients (spread over the replicas). List:
# CLIENTS clients each reading GET /v1/images (100 per page, all pages) 10 times. The
# baseline is the one-replica phase of the same run; compare the ratios, not seconds.
# BERTH_BENCH_CONFIG=debug uses the debug build (default release).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
CLIENTS=${2:-8}
source scripts/start-peers.sh
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; peers_stop' EXIT
peers_start >/dev/null
source .test-run/env.sh

config=${BERTH_BENCH_CONFIG:-release}
swift build -c "$config" --product berth >/dev/null
BIN=$(swift build -c "$config" --show-bin-path)/berth
work=$(mktemp -d)
repo=bench/replicas
echo "pushing $N distinct images..." >&2
python3 bench/push_distinct.py "$BERTH_TEST_REGISTRY" "$repo" "$N"

now() { date +%s.%N; }

# $1 replicas; prints "import_seconds list_seconds"
phase() {
  local replicas=$1 db url key ports=() i
  db="bench_r${replicas}_$RANDOM"
  psql "$BERTH_TEST_POSTGRES_URL" -X -q -c "CREATE DATABASE $db"
  url="${BERTH_TEST_POSTGRES_URL%/*}/$db?sslmode=disable"
  key="$work/secret.key"
  for i in $(seq 1 "$replicas"); do
    local port=$((18400 + i))
    "$BIN" serve --data-dir "$work/data-$db-$i" --port $port --database "$url" --secret-key-file "$key" \
      --allow-loopback-endpoints --log-level error >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
    ports+=($port)
  done
  local token
  token=$(cat "$work/data-$db-1/admin.token")
  export TOKEN=$token
  # The import: N scans, client k sends to replica k mod replicas.
  local t0 t1 t2
  t0=$(now)
  seq 0 $((N - 1)) | xargs -P "$CLIENTS" -I{} bash -c '
    ports=('"${ports[*]}"'); port=${ports[$(( {} % ${#ports[@]} ))]}
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -d "{\"imageName\":\"'"$BERTH_TEST_REGISTRY/$repo"':t{}\"}" \
      "http://127.0.0.1:$port/v1/images/scan" || echo "scan {} failed" >&2'
  t1=$(now)
  local count
  count=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:${ports[0]}/v1/imagescount")
  [[ $count == "{\"count\":$N}" ]] || echo "catalogue holds $count, expected $N" >&2
  # The list: every client reads the whole catalogue 10 times, 100 images a page.
  seq 0 $((CLIENTS * 10 - 1)) | xargs -P "$CLIENTS" -I{} bash -c '
    ports=('"${ports[*]}"'); port=${ports[$(( {} % ${#ports[@]} ))]}
    for offset in $(seq 0 100 '"$((N - 1))"'); do
      curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/v1/images?pagination.limit=100&pagination.offset=$offset"
    done'
  t2=$(now)
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  pids=()
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.3f %.3f\n", b - a, c - b }'
}

read -r one_import one_list < <(phase 1)
read -r two_import two_list < <(phase 2)
pages=$(( (N + 99) / 100 * CLIENTS * 10 ))
awk -v n="$N" -v c="$CLIENTS" -v p="$pages" -v i1="$one_import" -v l1="$one_list" -v i2="$two_import" -v l2="$two_list" 'BEGIN {
  printf "images: %d, clients: %d, list pages: %d\n", n, c, p
  printf "1 replica:  import %.2f s (%.1f images/s), list %.2f s (%.1f pages/s)\n", i1, n / i1, l1, p / l1
  printf "2 replicas: import %.2f s (%.1f images/s), list %.2f s (%.1f pages/s)\n", i2, n / i2, l2, p / l2
  printf "throughput ratio 2/1: import %.2f, list %.2f\n", i1 / i2, l1 / l2
}'
rm -rf "$work"
