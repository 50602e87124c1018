#!/usr/bin/env bash
# Matching time: an image with N (2,000) dpkg packages against R (200,000) synthetic
# Debian:12 OSV records, against the same scan with an empty database (the baseline: the
# same layer read, inventory and report, no advisories). Each best of 3.
#
#   bash bench/match.sh [PACKAGES=2000] [RECORDS=200000]
#
# The records are imported once with `berth vulndb import` (time printed) into a data
# directory; the scans read them through the store's (ecosystem, package) index.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
R=${2:-200000}
swift build -c release --product berth >/dev/null
BIN=$(swift build -c release --show-bin-path)/berth
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_bench_layout.py packages "$work/layout" "$N" >/dev/null
python3 bench/make_bench_layout.py osv "$work/osv.zip" "$R" "$N"
mkdir -p "$work/full" "$work/empty"
t0=$(date +%s.%N)
"$BIN" vulndb import --data-dir "$work/full" "$work/osv.zip"
t1=$(date +%s.%N)
echo '[]' >"$work/none.json"
"$BIN" vulndb import --data-dir "$work/empty" "$work/none.json" >/dev/null

best() {
  local best=999999 t0 t1 t
  for _ in 1 2 3; do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc); (( $(echo "$t < $best" | bc) )) && best=$t
  done
  echo "$best"
}
te=$(best "$BIN" scan "oci:$work/layout:bench" --data-dir "$work/empty" --format json)
tf=$(best "$BIN" scan "oci:$work/layout:bench" --data-dir "$work/full" --format json)
cves=$("$BIN" scan "oci:$work/layout:bench" --data-dir "$work/full" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["cves"])')
printf 'import of %s records: %.1f s\n' "$R" "$(echo "$t1 - $t0" | bc)"
printf 'scan, empty database:   %.2f s\n' "$te"
printf 'scan, %s records: %.2f s (%s CVEs matched)\n' "$R" "$tf" "$cves"
printf 'matching %s packages: %.2f s; ratio full/empty: %.2f\n' "$N" "$(echo "$tf - $te" | bc)" "$(echo "$tf/$te" | bc -l)"
