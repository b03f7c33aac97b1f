#!/usr/bin/env bash
# Validates the Linux desktop integration and the systemd units in the source tree:
#   desktop-file-validate and appstreamcli validate --no-net: no error, no warning, no hint
#   (AppStream "I:" infos are allowed: <developer> is unknown to AppStream 0.16);
#   systemd-analyze verify of both units (ExecStart pointed at an existing program: the real one is
#   checked after installing the package by package_test.sh);
#   every hicolor PNG is a PNG of its directory's size.
# Usage: lint_test.sh SOURCE_DIR
set -euo pipefail
SRC=${1:?usage: lint_test.sh SOURCE_DIR}
LINUX="$SRC/packaging/linux"
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is not installed (package $2)" >&2; exit 1; }; }
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need systemd-analyze systemd
need python3 python3

desktop="$LINUX/org.fleetdeck.Fleetdeck.desktop"
if ! out=$(desktop-file-validate "$desktop" 2>&1) || [[ -n "$out" ]]; then
  fail "desktop-file-validate $desktop: $out"
fi

metainfo="$LINUX/org.fleetdeck.Fleetdeck.metainfo.xml"
if ! out=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1); then
  fail "appstreamcli validate $metainfo: $out"
elif grep -E '^[EW]:' <<<"$out"; then
  fail "appstreamcli validate $metainfo reports errors or warnings: $out"
fi
grep -q '<release version="0.1.0" date="2026-11-26"' "$metainfo" || fail "metainfo: release 0.1.0 of 2026-11-26 missing"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for unit in fleetdeck-headless fleetdeck-worker; do
  sed -E 's#^ExecStart=/usr/bin/[a-z-]+#ExecStart=/bin/true#' "$LINUX/systemd/$unit.service" >"$tmp/$unit.service"
done
if ! out=$(cd "$tmp" && systemd-analyze verify --man=no fleetdeck-headless.service fleetdeck-worker.service 2>&1) \
    || [[ -n "$out" ]]; then
  fail "systemd-analyze verify: $out"
fi
grep -q '^RestartPreventExitStatus=2 3$' "$LINUX/systemd/fleetdeck-worker.service" \
  || fail "fleetdeck-worker.service must not restart on exit 2 (config) and 3 (auth)"

python3 - "$LINUX/icons/hicolor" <<'PY' || fail "hicolor icons"
import os, struct, sys
root, bad = sys.argv[1], 0
sizes = [16, 22, 24, 32, 48, 64, 128, 256, 512]
for n in sizes:
    path = os.path.join(root, f"{n}x{n}", "apps", "org.fleetdeck.Fleetdeck.png")
    try:
        data = open(path, "rb").read(24)
    except OSError as e:
        print(f"missing {path}: {e}"); bad += 1; continue
    if data[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", data[16:24]) != (n, n):
        print(f"{path} is not a {n}x{n} PNG"); bad += 1
sys.exit(1 if bad else 0)
PY

if ((FAILS)); then
  echo "$FAILS check(s) failed" >&2
  exit 1
fi
echo "desktop entry, metainfo, systemd units and icons: OK"
