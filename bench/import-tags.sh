#!/usr/bin/env bash
# Imports N tags through POST /v1/images/scan and compares the time with `skopeo inspect`
# over the same tags, both sequential, against the loopback registry.
#
#   bash bench/import-tags.sh [N=200]
#
# Both sides do the same registry work per tag (manifest + config blob); the ratio
# berth/skopeo is what to compare between runs, not the seconds: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
source scripts/start-peers.sh
trap 'kill $BERTH_PID 2>/dev/null || true; peers_stop' EXIT
peers_start >/dev/null
source .test-run/env.sh

swift build -c release --product berth >/dev/null
BIN=$(swift build -c release --show-bin-path)/berth

work=$(mktemp -d)
python3 Tests/BerthAPITests/Fixtures/make_oci_layout.py "$work/layout" --seed bench >/dev/null
repo="$BERTH_TEST_REGISTRY/bench/app"
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:1.0" "docker://$repo:t0"
echo "pushing $N tags..." >&2
seq 1 $((N - 1)) | xargs -P 4 -I{} skopeo copy -q --retry-times 3 --dest-tls-verify=false "oci:$work/layout:1.0" "docker://$repo:t{}"

port=18399
"$BIN" serve --data-dir "$work/data" --port $port --allow-loopback-endpoints --log-level error >/dev/null 2>&1 &
BERTH_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
token=$(cat "$work/data/admin.token")
auth=(-H "Authorization: Bearer $token")
curl -sf "${auth[@]}" -d "{\"name\":\"bench\",\"type\":\"docker\",\"categories\":[\"REGISTRY\"],\"skipTestIntegration\":true,\"docker\":{\"endpoint\":\"$BERTH_TEST_REGISTRY\",\"insecure\":true}}" \
  "http://127.0.0.1:$port/v1/imageintegrations" >/dev/null

now() { date +%s.%N; }
t0=$(now)
for i in $(seq 0 $((N - 1))); do skopeo inspect --tls-verify=false "docker://$repo:t$i" >/dev/null; done
t1=$(now)
for i in $(seq 0 $((N - 1))); do
  curl -sf "${auth[@]}" -d "{\"imageName\":\"$repo:t$i\",\"force\":true}" "http://127.0.0.1:$port/v1/images/scan" >/dev/null
done
t2=$(now)
count=$(curl -sf "${auth[@]}" "http://127.0.0.1:$port/v1/imagescount")
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v count="$count" 'BEGIN {
  s = b - a; r = c - b
  printf "tags: %d (catalogue after import: %s)\n", n, count
  printf "skopeo inspect: %.2f s (%.1f ms/tag)\n", s, s / n * 1000
  printf "berth scan:     %.2f s (%.1f ms/tag)\n", r, r / n * 1000
  printf "ratio berth/skopeo: %.2f\n", r / s
}'
rm -rf "$work"
