#!/usr/bin/env bash
# The one test command, for a fresh Debian 12 machine:   sudo bash scripts/test.sh
#
#  1. installs the packages the build and the tests need (apt-get only when one is missing);
#  2. configures, builds and tests the `ci` preset (warnings are errors) with `ctest --preset ci`;
#  3. configures and builds the `tsan` preset (ThreadSanitizer, no GUI) and runs the tests labelled
#     `concurrency` with `ctest --preset tsan`.
# Exits non-zero when a package, a build or a test fails, and when any test was skipped or not run.
# PostgreSQL and nats-server are started by the CTest fixtures (tests/support/*_fixture.sh) on free
# loopback ports; servers left behind in build/ci or build/tsan are stopped at start and on exit.
#
# Environment: FLEETDECK_JOBS (default 2) build parallelism; FLEETDECK_SKIP_TSAN=1 skips step 3 with
# a warning (development only: CI runs all three steps); FLEETDECK_TSAN_FULL_BUILD=1 builds every
# target of the tsan preset instead of only the executables of the `concurrency` tests (a test that
# starts another program of the project must depend on it: add_dependencies).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${FLEETDECK_JOBS:-2}

PACKAGES=(
  qt6-base-dev qt6-base-dev-tools libqt6sql6-psql libqt6sql6-sqlite
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl1-mesa-dev
  libnats-dev nats-server postgresql libarchive-dev xvfb xauth imagemagick
  cmake ninja-build g++ pkg-config python3 openssl ccache qtkeychain-qt6-dev
  rpm dpkg-dev desktop-file-utils appstream systemd scdoc man-db
  qt6-httpserver-dev qt6-websockets-dev prometheus qt6-translations-l10n
)

FAILURES=()

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "test.sh: $*" >&2; FAILURES+=("$*"); }
die() { echo "test.sh: $*" >&2; exit 1; }

# shellcheck source=scripts/apt_packages.sh
source "$ROOT/scripts/apt_packages.sh"
install_packages() { apt_install_missing "${PACKAGES[@]}" || die "package installation failed"; }

# Stops every PostgreSQL / nats-server that a CTest fixture left in the build trees of this script
# (build/ci, build/tsan). Other trees (build/dev, …) may belong to a test run going on right now.
BUILD_TREES=(ci tsan)
stop_test_servers() {
  local d t
  for t in "${BUILD_TREES[@]}"; do
    d="$ROOT/build/$t/test-servers"
    [[ -d "$d" ]] || continue
    if [[ -d "$d/pg" && -f "$ROOT/tests/support/pg_fixture.sh" ]]; then
      bash "$ROOT/tests/support/pg_fixture.sh" stop "$d/pg" >/dev/null 2>&1 || echo "test.sh: could not stop PostgreSQL in $d/pg" >&2
    fi
    if [[ -d "$d/nats" && -f "$ROOT/tests/support/nats_fixture.sh" ]]; then
      bash "$ROOT/tests/support/nats_fixture.sh" stop "$d/nats" >/dev/null 2>&1 || echo "test.sh: could not stop nats-server in $d/nats" >&2
    fi
  done
}

# The executables of the tests the tsan preset runs (label concurrency): test names are target names.
# Building only these (and what they depend on) keeps the slow TSan build short.
tsan_test_targets() {
  local dir="$ROOT/build/tsan" name
  ctest --preset tsan -N 2>/dev/null | sed -nE 's/^ *Test +#[0-9]+: +([A-Za-z0-9_.-]+)$/\1/p' |
    while read -r name; do
      if ninja -C "$dir" -t query "$name" >/dev/null 2>&1; then echo "$name"; fi
    done
}

configure_and_build() {
  local preset=$1
  local launcher=() targets=()
  # ccache only when it is already there: a clean CI clone gains nothing from a cold cache.
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # Paths relative to the clone, so another clone of the same commit (a CI run after a local
    # build) finds the objects already compiled.
    export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=1
  else
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=)
  fi
  step "configure ($preset)"
  cmake --preset "$preset" "${launcher[@]}" || die "configure ($preset) failed"
  if [[ "$preset" == tsan && "${FLEETDECK_TSAN_FULL_BUILD:-0}" != 1 ]]; then
    mapfile -t targets < <(tsan_test_targets)
    ((${#targets[@]})) || die "ctest --preset tsan lists no test executables"
    echo "building the ${#targets[@]} test executables labelled concurrency: ${targets[*]}"
    targets=(--target "${targets[@]}")
  fi
  step "build ($preset, -j$JOBS)"
  local t=$SECONDS
  cmake --build --preset "$preset" -j "$JOBS" "${targets[@]}" || die "build ($preset) failed"
  echo "build ($preset) took $((SECONDS - t)) s"
}

# Reports tests that were skipped or not run: CTest's "Not Run"/"Skipped" lines in its log, and,
# from the JUnit file, CTest's skipped/not-run/disabled cases and QtTest runs that skipped
# functions (QSKIP shows only in the test's own "Totals: … N skipped" line).
find_skips() {
  local log=$1 junit=$2
  grep -E 'Not Run|\*\*\*Skipped|tests did not run|[1-9][0-9]* tests? skipped' "$log" || true
  [[ -f "$junit" ]] || { echo "no JUnit report $junit"; return 0; }
  python3 - "$junit" <<'PY'
import re, sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception as e:  # an unreadable report must not pass silently
    print(f"cannot read JUnit report {sys.argv[1]}: {e}")
    sys.exit(0)
for case in root.iter("testcase"):
    name = case.get("name", "?")
    status = case.get("status", "")
    if case.find("skipped") is not None or status in ("notrun", "disabled"):
        print(f"{name}: not run ({status or 'skipped'})")
        continue
    out = "".join(e.text or "" for e in case.iter("system-out"))
    for m in re.finditer(r"Totals: \d+ passed, \d+ failed, (\d+) skipped", out):
        if int(m.group(1)) > 0:
            print(f"{name}: {m.group(1)} QtTest function(s) skipped")
    for m in re.finditer(r"^SKIP\s*:\s*(.*)$", out, re.M):
        print(f"{name}: SKIP {m.group(1)[:160]}")
PY
}

run_ctest() {
  local preset=$1
  local dir="$ROOT/build/$preset"
  local log="$dir/ctest.log" junit="$dir/ctest-junit.xml"
  rm -f "$log" "$junit"
  step "ctest --preset $preset"
  local rc=0 prefix=()
  # gcc 12's ThreadSanitizer aborts ("unexpected memory mapping") with more than 28 bits of mmap
  # randomisation, as newer kernels may use: run the TSan tests without ASLR there.
  if [[ "$preset" == tsan && $(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 28) -gt 28 ]]; then
    prefix=(setarch "$(uname -m)" -R)
  fi
  "${prefix[@]}" ctest --preset "$preset" --output-junit "$junit" \
    --test-output-size-passed 262144 --test-output-size-failed 1048576 --test-output-truncation tail \
    2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
  local summary
  summary=$(grep -E '^[0-9]+% tests passed' "$log" | tail -n 1 || true)
  echo "ctest --preset $preset: ${summary:-no summary line} (exit $rc)"
  ((rc == 0)) || fail "ctest --preset $preset failed (exit $rc): ${summary:-no summary}"
  [[ -n "$summary" ]] || fail "ctest --preset $preset printed no summary line"
  local skips
  skips=$(find_skips "$log" "$junit")
  if [[ -n "$skips" ]]; then
    printf '%s\n' "$skips" >&2
    fail "ctest --preset $preset: tests were skipped or not run (0 allowed)"
  fi
}

on_exit() {
  local rc=$?
  stop_test_servers
  exit "$rc"
}

main() {
  local start=$SECONDS
  cd "$ROOT"
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  step "packages"
  install_packages
  stop_test_servers # left over from an interrupted earlier run

  configure_and_build ci
  run_ctest ci

  if [[ "${FLEETDECK_SKIP_TSAN:-0}" == 1 ]]; then
    echo "test.sh: WARNING: FLEETDECK_SKIP_TSAN=1: the ThreadSanitizer run was skipped" >&2
  else
    configure_and_build tsan
    run_ctest tsan
  fi

  step "done in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
  if ((${#FAILURES[@]})); then
    printf 'FAILED: %s\n' "${FAILURES[@]}" >&2
    exit 1
  fi
  echo "ALL PASSED"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
