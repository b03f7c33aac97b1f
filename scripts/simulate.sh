#!/usr/bin/env bash
# Runs seeded simulations of a whole cluster (tests/sim/README.md) on every core and prints a summary.
#   scripts/simulate.sh [--seeds N] [--from S] [--jobs J] [--postgres DSN] [--fault-seconds S]
# Builds tests/sim/fleetdeck-sim in build/ci (or $FLEETDECK_BUILD_DIR) first. Exit 0 when every
# seed ran clean; 1 when any seed violated an invariant (its replay command is printed).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${FLEETDECK_BUILD_DIR:-$ROOT/build/ci}
SEEDS=300 FROM=1 JOBS=$(nproc) EXTRA=()
while (($#)); do
  case $1 in
    --seeds) SEEDS=$2; shift 2 ;;
    --from) FROM=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --postgres) EXTRA+=(--postgres "$2"); shift 2 ;;
    --fault-seconds) EXTRA+=(--fault-seconds "$2"); shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "simulate.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake --preset ci -S "$ROOT" >/dev/null
fi
cmake --build "$BUILD" --target fleetdeck-sim >/dev/null
SIM="$BUILD/tests/sim/fleetdeck-sim"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
START=$(date +%s)
# Each job runs a contiguous slice of the range in one process; slices run in parallel.
SLICE=$(( (SEEDS + JOBS * 4 - 1) / (JOBS * 4) ))
seq "$FROM" "$SLICE" $((FROM + SEEDS - 1)) |
  xargs -P "$JOBS" -I{} bash -c 'n=$(( '"$FROM"' + '"$SEEDS"' - {} )); (( n > '"$SLICE"' )) && n='"$SLICE"'; "$0" --from {} --seeds $n "${@}" > "'"$OUT"'/{}.log" 2>&1 || true' "$SIM" "${EXTRA[@]}"
cat "$OUT"/*.log | grep -E '^seed |^  ' | sort -t' ' -k2,2n > "$OUT/all"
RUN=$(grep -c '^seed ' "$OUT/all" || true)
BAD=$(grep -c '^seed .*VIOLATED\|SET-UP FAILED' "$OUT/all" || true)
WALL=$(( $(date +%s) - START ))
echo
echo "simulation summary"
printf '  %-28s %s\n' "seeds run" "$RUN (of $SEEDS, from $FROM)"
printf '  %-28s %s\n' "seeds violated" "$BAD"
{ grep -oE 'violation [a-z-]+' "$OUT/all" || true; } | sort | uniq -c | awk '{printf "  %-28s %s\n", "violations: " $3, $1}'
awk '/^seed / { for (i = 1; i <= NF; i++) { if ($i == "events") ev += $(i+1); if ($i == "simulated") sim += $(i+1) } }
     END { if (sim > 0) printf "  %-28s %.1f\n  %-28s %d s\n", "events per simulated second", ev / sim, "simulated time", sim }' "$OUT/all"
printf '  %-28s %s s on %s jobs\n' "wall time" "$WALL" "$JOBS"
if ((BAD > 0)); then
  echo
  grep -E 'VIOLATED|SET-UP FAILED|^  violation|^  replay' "$OUT/all" | head -60
  exit 1
fi
((RUN == SEEDS)) || { echo "simulate.sh: only $RUN of $SEEDS seeds reported" >&2; exit 1; }
