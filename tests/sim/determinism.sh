#!/usr/bin/env bash
# Same seed, same run: runs a few seeds twice, each time in a separate process, and compares the
# trace hashes. Usage: determinism.sh <fleetdeck-sim> <first seed> <count>
set -euo pipefail
SIM=$1 FROM=$2 COUNT=$3
a=$("$SIM" --from "$FROM" --seeds "$COUNT" --fault-seconds 300 | grep -oE '^seed [0-9]+: [A-Za-z-]+ hash [0-9a-f]+' || true)
b=$("$SIM" --from "$FROM" --seeds "$COUNT" --fault-seconds 300 | grep -oE '^seed [0-9]+: [A-Za-z-]+ hash [0-9a-f]+' || true)
echo "$a"
n=$(printf '%s\n' "$a" | grep -c hash || true)
if [[ "$n" -ne "$COUNT" ]]; then
  echo "determinism: expected $COUNT runs, got $n" >&2
  exit 1
fi
if [[ "$a" != "$b" ]]; then
  echo "determinism: the second processes gave other traces:" >&2
  diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") >&2 || true
  exit 1
fi
echo "determinism: $COUNT seeds gave the same trace hash in two processes"
