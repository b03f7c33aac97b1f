#!/usr/bin/env bash
# Runs every benchmark of tests/bench at full size in a release tree and writes docs/benchmarks.md:
# the table of figures (target, measured, same-run baseline, ratio), the machine it ran on, each
# benchmark's own output, and the tick → screen latency chart (gnuplot PNG).
#   scripts/bench.sh [--quick] [--out FILE]
# --quick runs every benchmark at its smoke size (a check of this script, not figures to keep).
# Needs the packages of scripts/test.sh plus gnuplot; starts its own nats-server and PostgreSQL on
# loopback (tests/support/*_fixture.sh) and stops them on exit. Run it on a quiet machine: the
# figures are wall-clock and CPU times. Each benchmark line `figure: key | what | target | measured
# | baseline | ratio` becomes a row of the table.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${FLEETDECK_BENCH_BUILD:-$ROOT/build/bench}
OUT=$ROOT/docs/benchmarks.md
QUICK=0
while (($#)); do
  case $1 in
    --quick) QUICK=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v gnuplot >/dev/null || { echo "bench.sh: gnuplot is missing (apt-get install gnuplot-nox)" >&2; exit 1; }

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
BENCHES=(bench_live_latency bench_gui_load bench_gui_demo_start bench_fanout bench_opcache bench_reconcile)
targets=()
for b in "${BENCHES[@]}"; do
  ninja -C "$BUILD" -t query "$b" >/dev/null 2>&1 && targets+=("$b")
done
cmake --build "$BUILD" --target "${targets[@]}" fleetdeck >/dev/null

SERVERS=$(mktemp -d)
chmod 755 "$SERVERS" # the PostgreSQL server runs as the postgres user when this runs as root
RESULTS=$BUILD/bench-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
cleanup() {
  bash "$ROOT/tests/support/pg_fixture.sh" stop "$SERVERS/pg" >/dev/null 2>&1 || true
  bash "$ROOT/tests/support/nats_fixture.sh" stop "$SERVERS/nats" >/dev/null 2>&1 || true
  rm -rf "$SERVERS"
}
trap cleanup EXIT
bash "$ROOT/tests/support/nats_fixture.sh" start "$SERVERS/nats" >/dev/null
bash "$ROOT/tests/support/pg_fixture.sh" start "$SERVERS/pg" >/dev/null
export FLEETDECK_TEST_SERVERS_DIR=$SERVERS QT_QPA_PLATFORM=offscreen

# name | arguments at full size | arguments at smoke size
RUNS=(
  "bench_live_latency|--path both --rate 2000 --ops 500 --seconds 5 --cdf $RESULTS/latency-2000|--ops 20 --rate 200 --seconds 0.5"
  "bench_live_latency|--path b --rate 20000 --ops 5000 --seconds 5 --cdf $RESULTS/latency-20000|--path b --ops 20 --rate 400 --seconds 0.5"
  "bench_gui_load|--nodes 1000 --backends 200 --ops 5000 --history 10000 --rate 20000 --seconds 5|--nodes 50 --backends 20 --ops 30 --rate 200 --seconds 0.5"
  "bench_gui_demo_start|--runs 5|--runs 1"
  "bench_fanout|--nodes 1000 --download-ms 400 --idle-seconds 20|--nodes 20 --download-ms 100 --idle-seconds 1"
  "bench_opcache|--ops 10000 --readers 8 --seconds 5|--ops 500 --readers 2 --seconds 0.3 --writes 2000"
  "bench_reconcile|--pending 100000 --nodes 1000 --backend both|--pending 1000 --nodes 20 --backend both"
)
i=0
for run in "${RUNS[@]}"; do
  IFS='|' read -r name full smoke <<<"$run"
  i=$((i + 1))
  log="$RESULTS/$i-$name.txt"
  if [[ ! -x "$BUILD/tests/bench/$name" ]]; then
    echo "(not built)" >"$log"
    continue
  fi
  args=$full
  ((QUICK)) && args=$smoke
  echo "==> $name $args" >&2
  # shellcheck disable=SC2086
  if ! (cd "$BUILD/tests/bench" && ./"$name" $args) >"$log" 2>&1; then
    echo "bench.sh: $name $args failed; its output: $log" >&2
    echo "(failed, exit status $?)" >>"$log"
  fi
done

# The chart: tick → GUI model latency distributions (bench_live_latency --cdf writes one file per
# series, "latency_ms fraction" lines), against one-second polling (uniform staleness 0–1000 ms).
CHART=$ROOT/docs/benchmarks-latency.png
series=()
for f in "$RESULTS"/latency-2000.*.dat "$RESULTS"/latency-20000.*.dat; do
  [[ -f "$f" ]] && series+=("$f")
done
if ((${#series[@]})); then
  {
    echo "set terminal pngcairo size 900,520 font 'DejaVu Sans,10'"
    echo "set output '$CHART'"
    echo "set title 'Progress tick → GUI model: latency distribution (same run)'"
    echo "set xlabel 'latency (ms, log scale)'; set ylabel 'fraction of events at or below'"
    echo "set logscale x; set xrange [0.01:2000]; set yrange [0:1.02]; set key bottom right; set grid"
    printf "plot "
    for f in "${series[@]}"; do
      label=$(basename "$f" .dat | sed 's/^latency-//; s/\./ /')
      printf "'%s' using 1:2 with lines lw 2 title '%s', " "$f" "$label"
    done
    echo "'+' using (\$0 < 1 ? 0.01 : 1000 * \$0 / 100):(\$0 / 100) every ::1::100 with lines dt 2 lw 2 title '1 s polling (LocalAI)'"
  } | gnuplot 2>"$RESULTS/gnuplot.err" || echo "bench.sh: gnuplot failed: $(cat "$RESULTS/gnuplot.err")" >&2
fi

machine() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores; memory $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "- System: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?'); nats-server $(nats-server --version 2>/dev/null | awk '{print $NF}'); PostgreSQL $(psql --version | awk '{print $3}')"
  echo "- Build: RelWithDebInfo ($BUILD), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' with uncommitted changes'); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

{
  echo "# Benchmarks"
  echo
  echo "Written by \`scripts/bench.sh$( ((QUICK)) && echo ' --quick')\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Every figure comes with a"
  echo "baseline measured in the same run on the same machine; no test asserts on time (CTest runs"
  echo "each benchmark at a smoke size only). The programs are in \`tests/bench/\`; each one's header"
  echo "comment says what it measures and how. Later changes must not lose more than 10 % against"
  echo "these figures."
  echo
  echo "## Machine"
  echo
  machine
  echo
  echo "## Figures"
  echo
  echo "| figure | target (must hold; stretch) | measured | same-run baseline | ratio |"
  echo "|---|---|---|---|---|"
  for log in "$RESULTS"/*.txt; do
    grep '^figure: ' "$log" | sed -E 's/^figure: [^|]*\| */| /; s/ *\|? *$/ |/' || true
  done
  echo
  if [[ -f "$CHART" ]] && ((${#series[@]})); then
    echo "## Tick → screen latency"
    echo
    echo "![latency distribution](benchmarks-latency.png)"
    echo
    echo "One-second polling, as LocalAI's UI polls its operations, shows a value 0–1,000 ms old"
    echo "(uniform): its line is drawn for comparison, not measured."
    echo
  fi
  echo "## Outputs"
  for log in "$RESULTS"/*.txt; do
    echo
    echo "### $(basename "$log" .txt | sed 's/^[0-9]*-//')"
    echo
    echo '```'
    cat "$log"
    echo '```'
  done
} >"$OUT"
echo "bench.sh: wrote $OUT" >&2
