#!/usr/bin/env bash
# Puts each injected bug of tests/sim/mutations back into the tree, builds fleetdeck-sim, runs the
# seeds that docs/testing.md names for it, and checks that a seed reports a violation; the tree is
# restored after each mutation (also on failure or Ctrl-C).
#   tests/sim/mutation_check.sh [--build-dir DIR] [MUTATION.patch SEED...]...
# Without arguments it checks every mutation with the seeds in tests/sim/mutations/SEEDS.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$ROOT/build/ci
if [[ ${1:-} == --build-dir ]]; then BUILD=$2; shift 2; fi
cd "$ROOT"
applied=""
restore() {
  # An if, not `[[ … ]] && …`: as the EXIT trap's last command a false test would be the exit status.
  if [[ -n "$applied" ]]; then git apply -R "$applied" && applied=""; fi
}
trap restore EXIT INT TERM
check() {
  local patch=$1; shift
  # check() runs in an `||` list, where set -e does not apply: every step is checked by hand.
  if ! git apply "$patch"; then
    echo "DOES NOT APPLY: $(basename "$patch") (regenerate it against the tree)" >&2
    return 1
  fi
  applied=$patch
  if ! cmake --build "$BUILD" --target fleetdeck-sim >/dev/null; then
    echo "BUILD FAILED with $(basename "$patch")" >&2
    restore
    return 1
  fi
  local caught=""
  for seed in "$@"; do
    if ! "$BUILD/tests/sim/fleetdeck-sim" --seed "$seed" >"/tmp/mutation-$seed.log"; then
      caught=$seed
      break
    fi
  done
  restore
  if [[ -n "$caught" ]]; then
    echo "caught: $(basename "$patch") by seed $caught: $(grep -m1 'violation' "/tmp/mutation-$caught.log" | cut -c1-160)"
  else
    echo "NOT CAUGHT: $(basename "$patch") by seeds $*" >&2
    return 1
  fi
}
status=0
if (($#)); then
  patch=$1; shift
  check "$patch" "$@" || status=1
else
  while read -r name seeds; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    # shellcheck disable=SC2086
    check "tests/sim/mutations/$name" $seeds || status=1
  done <tests/sim/mutations/SEEDS
fi
cmake --build "$BUILD" --target fleetdeck-sim >/dev/null
exit $status
