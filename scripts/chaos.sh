#!/usr/bin/env bash
# Process-level chaos run (issue #11, item 7; tests/chaos/README.md):
#   scripts/chaos.sh --rounds N [--seed S] [--steps K] [more tests/chaos/chaos.py options]
# Uses the binaries of an existing build tree (default build/ci, or FLEETDECK_BUILD_DIR); builds
# nothing. Needs python3, nats-server and PostgreSQL (server binaries and psql). Everything runs
# on 127.0.0.1 under a private temporary directory that is removed at the end. Exit 0: every
# round clean; 1: an invariant was violated (the report prints the seed and the replay command).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${FLEETDECK_BUILD_DIR:-$ROOT/build/ci}
[[ "$BUILD" = /* ]] || BUILD=$ROOT/$BUILD

if [[ $# -eq 0 ]]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  echo
  exec python3 "$ROOT/tests/chaos/chaos.py" --help
fi

find_bin() {
  local name=$1 p
  for p in "$BUILD/app/$name" "$BUILD/$name"; do
    [[ -x "$p" ]] && { echo "$p"; return 0; }
  done
  p=$(find "$BUILD" -maxdepth 3 -type f -name "$name" -perm -u+x 2>/dev/null | head -n 1)
  [[ -n "$p" ]] && { echo "$p"; return 0; }
  echo "chaos.sh: $name not found in $BUILD (build it first, or set FLEETDECK_BUILD_DIR)" >&2
  return 1
}

FLEETDECK=$(find_bin fleetdeck) || exit 2
WORKER=$(find_bin fleetdeck-worker) || exit 2
CTL=$(find_bin fleetdeckctl) || exit 2

exec python3 "$ROOT/tests/chaos/chaos.py" --fleetdeck "$FLEETDECK" --worker "$WORKER" --ctl "$CTL" "$@"
