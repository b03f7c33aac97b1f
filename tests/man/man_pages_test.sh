#!/usr/bin/env bash
# man_pages_cover_options (issue #14): the man pages keep up with the programs.
#  1. Every option in the "Options:" part of `<program> --help` is an entry (*--option*) of the
#     OPTIONS section of the program's page (docs/man/<program>.1.scd).
#  2. Every INI key of engine/config/process_keys.cpp is an entry (a line starting *group/key*) of
#     fleetdeck.conf(5).
#  3. Every generated page (<build>/docs/man/<page>.gz, what the packages install) renders with
#     `man -l` and a NAME section, without groff warnings, has a whatis entry (lexgrog) and a gzip
#     header without time stamp.
# Each failure names the option, key or page. Usage:
#   man_pages_test.sh SOURCE_DIR MAN_OUTPUT_DIR FLEETDECK FLEETDECK_WORKER FLEETDECKCTL
set -euo pipefail
SRC=${1:?usage: man_pages_test.sh SOURCE_DIR MAN_OUTPUT_DIR FLEETDECK FLEETDECK_WORKER FLEETDECKCTL}
MAN=${2:?}
declare -A BIN=([fleetdeck]=${3:?} [fleetdeck-worker]=${4:?} [fleetdeckctl]=${5:?})
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

for tool in man lexgrog od; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (package man-db; scripts/test.sh installs it)" >&2; exit 1; }
done

# The long options of the "Options:" part of a QCommandLineParser help text (the names before the
# description column; descriptions and the command list are not read).
help_options() {
  awk '/^Options:/ { on = 1; next } /^[A-Z][A-Za-z ]*:$/ { on = 0 }
       on && /^ +-/ { sub(/^ +/, ""); split($0, cols, /  +/); print cols[1] }' |
    grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}

# The entry lines of the OPTIONS section of an scdoc page (the lines starting with *-…*, not the
# descriptions below them).
options_section() { awk '/^# OPTIONS/ { on = 1; next } /^# / { on = 0 } on && /^\*-/' "$1"; }

for prog in fleetdeck fleetdeck-worker fleetdeckctl; do
  page=$SRC/docs/man/$prog.1.scd
  [[ -f $page ]] || { fail "$page is missing"; continue; }
  if ! help=$(env -u DISPLAY -u WAYLAND_DISPLAY "${BIN[$prog]}" --help 2>&1); then
    fail "$prog --help failed: $help"
    continue
  fi
  mapfile -t options < <(help_options <<<"$help")
  ((${#options[@]} >= 5)) || { fail "$prog --help: found only ${#options[@]} options: ${options[*]}"; continue; }
  section=$(options_section "$page")
  for o in "${options[@]}"; do
    grep -qF -- "*$o*" <<<"$section" || fail "$prog --help lists $o, but OPTIONS of docs/man/$prog.1.scd has no *$o* entry"
  done
  echo "$prog: ${#options[@]} options of --help documented: ${options[*]}"
done

conf=$SRC/docs/man/fleetdeck.conf.5.scd
mapfile -t keys < <(grep -oE '^[[:space:]]*\{"[a-z0-9_]+/[a-z0-9_]+"' "$SRC/engine/config/process_keys.cpp" |
  grep -oE '[a-z0-9_]+/[a-z0-9_]+')
((${#keys[@]} >= 20)) || fail "engine/config/process_keys.cpp: found only ${#keys[@]} keys"
for k in "${keys[@]}"; do
  grep -q -- "^\*$k\*" "$conf" || fail "INI key $k (engine/config/process_keys.cpp) has no *$k* entry in docs/man/fleetdeck.conf.5.scd"
done
echo "fleetdeck.conf(5): ${#keys[@]} INI keys documented"

for page in fleetdeck.1 fleetdeck-worker.1 fleetdeckctl.1 fleetdeck.conf.5; do
  gz=$MAN/$page.gz
  [[ -f $gz ]] || { fail "$gz was not generated (target man_pages)"; continue; }
  name=${page%.*}
  if ! out=$(MANWIDTH=80 man -l "$gz" 2>&1) || ! grep -q '^NAME' <<<"$out"; then
    fail "man -l $page.gz does not render a NAME section: $(head -n 5 <<<"$out")"
  elif ! grep -qE "^ +$name - " <<<"$out"; then
    fail "man -l $page.gz: NAME does not read \"$name - …\""
  fi
  warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l -Tutf8 -Z "$gz" 2>&1 >/dev/null) || true
  [[ -z $warnings ]] || fail "man --warnings $page.gz: $warnings"
  whatis=$(lexgrog "$gz" 2>&1) || fail "lexgrog $page.gz (whatis entry): $whatis"
  [[ $(od -An -tx1 -j4 -N4 "$gz" | tr -d ' \n') == 00000000 ]] || fail "$page.gz has a time stamp in its gzip header (gzip -n)"
done

if ((FAILS)); then
  echo "$FAILS check(s) failed" >&2
  exit 1
fi
echo "man pages: every --help option and INI key documented; 4 pages render"
