#!/usr/bin/env bash
# The project's test command (.ci/run calls it).
#
# Starts the services the tests need (scripts/start-peers.sh: three registries,
# a token issuer, PostgreSQL), exports where they are, builds and runs the
# Swift tests, and stops every service it started on the way out, pass or fail.
#
#   bash scripts/test.sh                    # everything
#   bash scripts/test.sh --filter Registry  # extra arguments go to `swift test`
#
# Environment:
#   BERTH_TEST_KEEP=1      leave the services running afterwards (then
#                          `source .test-run/env.sh` and run `swift test` yourself;
#                          `bash scripts/start-peers.sh stop` stops them)
#   BERTH_TEST_COMMAND=... run this shell command instead of `swift build` and
#                          `swift test` (for checking the harness itself without
#                          a 4-minute build); it sees the same exports, and the
#                          script's extra arguments as "$@"
#   BERTH_TEST_BACKENDS    which stores the API suites run on: "sqlite postgres"
#                          (default: both, one pass each; the store contract suite
#                          covers both backends in every pass), or just one of them
#   BERTH_TEST_*_PORT      see scripts/start-peers.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=start-peers.sh
source scripts/start-peers.sh

# Two runs in one checkout would stop each other's services; refuse the second.
exec 9<.
if ! flock -n 9; then
  echo "[test] ERROR: another scripts/test.sh is running in $PWD" >&2
  exit 1
fi

phase_names=()
phase_secs=()
phase_start=
phase_name=
phase_begin() { phase_name=$1; phase_start=$EPOCHREALTIME; }
phase_end() {
  [[ -n $phase_name ]] || return 0
  phase_names+=("$phase_name")
  phase_secs+=("$(awk -v a="$phase_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')")
  phase_name=
}

setup_done=0
finish() {
  local rc=$?
  trap - EXIT INT TERM
  phase_end
  if [[ ${BERTH_TEST_KEEP:-0} == 1 && $setup_done == 1 ]]; then
    peers_print_env
  else
    peers_stop
  fi
  local i
  echo "[test] timing:" >&2
  for i in "${!phase_names[@]}"; do
    printf '[test]   %-6s %8s s\n' "${phase_names[$i]}" "${phase_secs[$i]}" >&2
  done
  echo "[test] exit code $rc" >&2
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

phase_begin setup
peers_start
setup_done=1
phase_end

rc=0
if [[ -n ${BERTH_TEST_COMMAND:-} ]]; then
  phase_begin test
  bash -c "$BERTH_TEST_COMMAND" berth-test-command "$@" || rc=$?
  phase_end
else
  phase_begin build
  build_rc=0
  swift build --build-tests || build_rc=$?
  rc=$build_rc
  phase_end
  backends=${BERTH_TEST_BACKENDS:-sqlite postgres}
  if (( build_rc == 0 )) && [[ " $backends " == *" sqlite "* ]]; then
    phase_begin test
    # Swift Testing only: XCTest's "Executed 0 tests" block would read as "ran no test".
    swift test --disable-xctest "$@" || rc=$?
    phase_end
  fi
  if (( build_rc == 0 )) && [[ " $backends " == *" postgres "* ]]; then
    # The API suites again, every test server on a PostgreSQL database of its own.
    # Arguments given to the script replace the default filter.
    phase_begin test-pg
    if (( $# > 0 )); then pg_args=("$@"); else pg_args=(--filter BerthAPITests); fi
    BERTH_TEST_BACKEND=postgres swift test --disable-xctest --skip-build "${pg_args[@]}" || rc=$?
    phase_end
  fi
fi
exit "$rc"
