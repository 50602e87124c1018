#!/usr/bin/env bash
# Layer-scan throughput: `berth scan oci:LAYOUT` on one gzip layer of real files from this
# machine, against `gzip -dc BLOB | tar -t` over the same blob, each best of 3.
#
#   bash bench/scan-layers.sh [DIR...]   (default: /usr/lib/python3 /usr/share/doc /usr/include)
#
# berth decompresses, parses every tar header, hashes the blob (digest check) and reads
# the files its analyzers want; the baseline only decompresses and lists. Compare the ratio
# between runs, not the seconds: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
(( ${#dirs[@]} )) || dirs=(/usr/lib/python3 /usr/share/doc /usr/include)
swift build -c release --product berth >/dev/null
BIN=$(swift build -c release --show-bin-path)/berth
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
blob=$(python3 bench/make_bench_layout.py layer "$work/layout" "${dirs[@]}" 2>/dev/null)
echo '[]' >"$work/empty.json"
size=$(stat -c %s "$blob")
raw=$(gzip -dc "$blob" | wc -c)

best() { # best wall time of 3 runs of "$@"
  local best=999999 t0 t1 t
  for _ in 1 2 3; do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc); (( $(echo "$t < $best" | bc) )) && best=$t
  done
  echo "$best"
}
baseline() { gzip -dc "$blob" | tar -t >/dev/null; }
tb=$(best baseline)
ts=$(best "$BIN" scan "oci:$work/layout:bench" --vulndb "$work/empty.json" --format json)
packages=$("$BIN" scan "oci:$work/layout:bench" --vulndb "$work/empty.json" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["components"])')
printf 'layer: %.1f MB gzip, %.1f MB tar, %s components found\n' "$(echo "$size/1000000" | bc -l)" "$(echo "$raw/1000000" | bc -l)" "$packages"
printf 'gzip -dc | tar -t: %.2f s (%.0f MB/s of tar)\n' "$tb" "$(echo "$raw/1000000/$tb" | bc -l)"
printf 'berth scan:        %.2f s (%.0f MB/s of tar)\n' "$ts" "$(echo "$raw/1000000/$ts" | bc -l)"
printf 'ratio berth/baseline: %.2f\n' "$(echo "$ts/$tb" | bc -l)"
