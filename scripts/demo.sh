#!/usr/bin/env bash
# The demo on a fresh Debian 12, in one command:   sudo bash scripts/demo.sh
# Installs what is missing (apt-get, only when needed), builds `fleetdeck` (preset dev) and starts
# `fleetdeck --demo`: an offline cluster of six nodes with a scripted tour. Nothing is written
# outside the demo's temporary directory (besides the build tree). Extra arguments go to
# fleetdeck, e.g. `bash scripts/demo.sh --no-tour` or `--theme dark`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${FLEETDECK_JOBS:-2}
# shellcheck source=scripts/apt_packages.sh
source "$ROOT/scripts/apt_packages.sh"

apt_install_missing \
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools \
  qt6-l10n-tools qt6-svg-dev libgl1-mesa-dev qtkeychain-qt6-dev libnats-dev libarchive-dev \
  cmake ninja-build g++ pkg-config ccache scdoc qt6-translations-l10n

cd "$ROOT"
cmake --preset dev -B build/app -DFLEETDECK_BUILD_TESTS=OFF >/dev/null
cmake --build build/app -j "$JOBS" --target fleetdeck
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "demo.sh: no display; run it from a desktop session, or try: xvfb-run -a bash scripts/demo.sh --screenshot demo.png" >&2
fi
exec "$ROOT/build/app/app/fleetdeck" --demo "$@"
