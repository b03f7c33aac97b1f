#!/usr/bin/env bash
# Builds the Linux packages of this build tree with cpack (DEB, RPM, TGZ), checks their contents,
# installs the three .debs with apt-get (fleetdeck-server, fleetdeck, fleetdeck-doc), runs
# fleetdeck, fleetdeck-worker and fleetdeckctl --version from /usr/bin, verifies the installed
# units, desktop entry, metainfo, man pages and bash completion, and purges the packages again
# (also when a check fails).
# It needs root, or sudo without a password: CI runs it as root on a throwaway machine. It must not
# run next to tests that use /usr/bin/fleetdeck* (CTest: RUN_SERIAL).
# Usage: package_test.sh BUILD_DIR VERSION
set -euo pipefail
BUILD=$(cd "${1:?usage: package_test.sh BUILD_DIR VERSION}" && pwd)
VERSION=${2:?usage: package_test.sh BUILD_DIR VERSION}
OUT="$BUILD/packaging-test"
PACKAGES=(fleetdeck fleetdeck-server fleetdeck-doc)
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

if [[ $EUID -eq 0 ]]; then
  AS_ROOT=()
elif sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  die "installing the .deb needs root or password-less sudo (CI runs as root)"
fi
root() { "${AS_ROOT[@]}" "$@"; }
apt_get() { root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
for tool in cpack dpkg-deb dpkg-shlibdeps rpm rpmbuild apt-get systemd-analyze desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || die "$tool is not installed (scripts/test.sh installs it)"
done
installed() { dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
purge() {
  local present=() p
  for p in "${PACKAGES[@]}"; do installed "$p" && present+=("$p"); done
  ((${#present[@]} == 0)) || apt_get purge -y "${present[@]}" >/dev/null
}

step "cpack DEB RPM TGZ into $OUT"
rm -rf "$OUT"
mkdir -p "$OUT"
(cd "$BUILD" && cpack --config CPackConfig.cmake -G "DEB;RPM;TGZ" -B "$OUT") >"$OUT/cpack.log" 2>&1 \
  || { cat "$OUT/cpack.log" >&2; die "cpack failed"; }
grep -E 'CPack: - package: .* generated' "$OUT/cpack.log" || true

deb() { compgen -G "$OUT/$1_${VERSION}_*.deb" | head -n 1; }
SERVER_DEB=$(deb fleetdeck-server) || true
GUI_DEB=$(deb fleetdeck) || true
DOC_DEB=$(deb fleetdeck-doc) || true
[[ -f "$SERVER_DEB" && -f "$GUI_DEB" && -f "$DOC_DEB" ]] || die "missing .deb files: $(ls "$OUT")"
compgen -G "$OUT/fleetdeck-server-${VERSION}*.rpm" >/dev/null || fail "no fleetdeck-server RPM"
compgen -G "$OUT/fleetdeck-${VERSION}*.rpm" >/dev/null || fail "no fleetdeck (gui) RPM"
compgen -G "$OUT/fleetdeck-doc-${VERSION}*.rpm" >/dev/null || fail "no fleetdeck-doc RPM"
TGZ=$(compgen -G "$OUT/fleetdeck-${VERSION}-*.tar.gz" | head -n 1) || true
[[ -f "$TGZ" ]] || fail "no .tar.gz"

step "package contents"
has() { # listing file path...
  local list=$1 p; shift
  for p in "$@"; do grep -qE "(^|/)${p#/}\$" "$list" || fail "$(basename "$list" .txt) lacks $p"; done
}
dpkg-deb -c "$SERVER_DEB" | awk '{print $NF}' >"$OUT/server.txt"
dpkg-deb -c "$GUI_DEB" | awk '{print $NF}' >"$OUT/gui.txt"
dpkg-deb -c "$DOC_DEB" | awk '{print $NF}' >"$OUT/doc.txt"
has "$OUT/server.txt" /usr/bin/fleetdeck /usr/bin/fleetdeck-worker /usr/bin/fleetdeckctl \
  /usr/lib/systemd/system/fleetdeck-headless.service /usr/lib/systemd/system/fleetdeck-worker.service \
  /usr/lib/sysusers.d/fleetdeck.conf /etc/fleetdeck/fleetdeck.conf /etc/fleetdeck/worker.conf \
  /etc/default/fleetdeck-worker /etc/default/fleetdeck-headless
# Man pages and completion (issue #14) go with the programs, in fleetdeck-server.
MAN_FILES=(/usr/share/man/man1/fleetdeck.1.gz /usr/share/man/man1/fleetdeck-worker.1.gz
  /usr/share/man/man1/fleetdeckctl.1.gz /usr/share/man/man5/fleetdeck.conf.5.gz
  /usr/share/bash-completion/completions/fleetdeckctl /usr/share/zsh/vendor-completions/_fleetdeckctl)
has "$OUT/server.txt" "${MAN_FILES[@]}"
has "$OUT/gui.txt" /usr/share/applications/org.fleetdeck.Fleetdeck.desktop \
  /usr/share/metainfo/org.fleetdeck.Fleetdeck.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/org.fleetdeck.Fleetdeck.svg
for n in 16 22 24 32 48 64 128 256 512; do
  has "$OUT/gui.txt" "/usr/share/icons/hicolor/${n}x${n}/apps/org.fleetdeck.Fleetdeck.png"
done
has "$OUT/doc.txt" /usr/share/doc/fleetdeck/README.md /usr/share/doc/fleetdeck/LICENSE /usr/share/doc/fleetdeck/metrics.md \
  /usr/share/doc/fleetdeck/examples/prometheus.yml /usr/share/doc/fleetdeck/examples/fleetdeck.rules.yml \
  /usr/share/doc/fleetdeck/examples/fleetdeck.json
grep -q '/usr/bin/fleetdeck$' "$OUT/gui.txt" && fail "the gui package must not hold /usr/bin/fleetdeck (it is in fleetdeck-server)"

depends() { dpkg-deb -f "$1" Depends; }
for d in libqt6sql6-psql libqt6sql6-sqlite libqt6core6 libqt6httpserver6; do
  depends "$SERVER_DEB" | grep -q "$d" || fail "fleetdeck-server does not depend on $d: $(depends "$SERVER_DEB")"
done
for d in "fleetdeck-server (= $VERSION)" libqt6svg6 qt6-translations-l10n; do
  depends "$GUI_DEB" | grep -qF "$d" || fail "fleetdeck does not depend on $d: $(depends "$GUI_DEB")"
done
dpkg-deb -I "$SERVER_DEB" conffiles | grep -qx /etc/fleetdeck/worker.conf || fail "worker.conf is not a conffile"

rpm -qpl "$(compgen -G "$OUT/fleetdeck-server-${VERSION}*.rpm" | head -n 1)" >"$OUT/server-rpm.txt" 2>/dev/null || true
has "$OUT/server-rpm.txt" /usr/bin/fleetdeck /usr/bin/fleetdeck-worker /usr/lib/systemd/system/fleetdeck-worker.service \
  /etc/fleetdeck/worker.conf
grep -qxE '/usr/lib/systemd/system|/usr/share/icons|/etc/default|/usr/share/man(/man[15])?|/usr/share/bash-completion(/completions)?|/usr/share/zsh(/vendor-completions)?' "$OUT/server-rpm.txt" \
  && fail "the RPM claims a directory of the distribution"
if [[ -f "$TGZ" ]]; then
  tar -tzf "$TGZ" >"$OUT/tgz.txt"
  has "$OUT/tgz.txt" usr/bin/fleetdeck usr/bin/fleetdeckctl etc/fleetdeck/worker.conf \
    usr/share/applications/org.fleetdeck.Fleetdeck.desktop usr/share/man/man1/fleetdeckctl.1.gz
fi

step "apt-get install the .debs"
trap 'purge || echo "could not purge ${PACKAGES[*]}" >&2' EXIT
purge # an earlier run's packages: apt-get would keep them instead of installing ours
for b in fleetdeck fleetdeck-worker fleetdeckctl; do
  [[ ! -e /usr/bin/$b ]] || die "/usr/bin/$b exists and belongs to no fleetdeck package"
done
apt_get install -y --no-install-recommends "$SERVER_DEB" "$GUI_DEB" "$DOC_DEB" >"$OUT/apt.log" 2>&1 \
  || { cat "$OUT/apt.log" >&2; die "apt-get install failed"; }
for p in "${PACKAGES[@]}"; do installed "$p" || fail "$p is not installed"; done

step "run the installed programs"
for b in fleetdeck fleetdeck-worker fleetdeckctl; do
  [[ -x /usr/bin/$b ]] || { fail "/usr/bin/$b is missing"; continue; }
  if ldd "/usr/bin/$b" | grep 'not found'; then fail "/usr/bin/$b: unresolved libraries"; fi
  # No display here: the offscreen platform lets a GUI build print its version too.
  if ! out=$(cd / && env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "/usr/bin/$b" --version 2>&1); then
    fail "/usr/bin/$b --version failed: $out"
  elif ! grep -qF "$VERSION" <<<"$out"; then
    fail "/usr/bin/$b --version does not print $VERSION: $out"
  else
    echo "/usr/bin/$b --version: $out"
  fi
done
[[ -f /usr/lib/x86_64-linux-gnu/qt6/plugins/sqldrivers/libqsqlpsql.so || -n "$(compgen -G '/usr/lib/*/qt6/plugins/sqldrivers/libqsqlpsql.so')" ]] \
  || fail "the PostgreSQL driver was not installed with fleetdeck-server"
[[ -f /usr/share/qt6/translations/qtbase_de.qm ]] || fail "Qt's own translations (qtbase_de.qm) were not installed with fleetdeck"
getent passwd fleetdeck >/dev/null || fail "postinst did not create the fleetdeck user"
if ! out=$(systemd-analyze verify --man=no /usr/lib/systemd/system/fleetdeck-headless.service \
    /usr/lib/systemd/system/fleetdeck-worker.service 2>&1) || [[ -n "$out" ]]; then
  fail "systemd-analyze verify of the installed units: $out"
fi
out=$(desktop-file-validate /usr/share/applications/org.fleetdeck.Fleetdeck.desktop 2>&1) && [[ -z "$out" ]] \
  || fail "installed desktop entry: $out"
out=$(appstreamcli validate --no-net --no-color /usr/share/metainfo/org.fleetdeck.Fleetdeck.metainfo.xml 2>&1) \
  && ! grep -qE '^[EW]:' <<<"$out" || fail "installed metainfo: $out"
# The installed man pages and completion: man finds and renders each page, bash loads the completion.
for f in "${MAN_FILES[@]}"; do [[ -f $f ]] || fail "$f was not installed"; done
for p in 1:fleetdeck 1:fleetdeck-worker 1:fleetdeckctl 5:fleetdeck.conf; do
  out=$(MANWIDTH=80 man "${p%%:*}" "${p#*:}" 2>&1) && grep -q '^NAME' <<<"$out" \
    || fail "man ${p%%:*} ${p#*:} after installing: $(head -n 3 <<<"$out")"
done
out=$(bash -c 'source /usr/share/bash-completion/completions/fleetdeckctl && complete -p fleetdeckctl' 2>&1) \
  && grep -q -- '-F _fleetdeckctl' <<<"$out" || fail "the installed bash completion does not load: $out"
# The example worker.conf parses: its only error is the missing node name, a configuration error.
rc=0
out=$(cd / && /usr/bin/fleetdeck-worker --config /etc/fleetdeck/worker.conf 2>&1) || rc=$?
[[ $rc -eq 2 ]] && grep -q 'worker/name' <<<"$out" || fail "fleetdeck-worker with the example worker.conf: exit $rc: $out"

step "purge"
purge
trap - EXIT
for b in fleetdeck fleetdeck-worker fleetdeckctl; do
  [[ ! -e /usr/bin/$b ]] || fail "/usr/bin/$b is still there after the purge"
done
[[ ! -e /etc/fleetdeck/worker.conf ]] || fail "/etc/fleetdeck/worker.conf is still there after the purge"
for f in "${MAN_FILES[@]}"; do [[ ! -e $f ]] || fail "$f is still there after the purge"; done

if ((FAILS)); then
  echo "$FAILS check(s) failed" >&2
  exit 1
fi
echo "packages of $VERSION: built, installed, run and removed: OK"
