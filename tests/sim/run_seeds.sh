#!/usr/bin/env bash
# Runs the listed seeds (one process each): run_seeds.sh <fleetdeck-sim> <seed>...
set -uo pipefail
SIM=$1; shift
status=0
for seed in "$@"; do
  "$SIM" --seed "$seed" | grep -v ' seeds, ' || status=1
done
exit $status
