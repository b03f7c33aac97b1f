#!/usr/bin/env bash
# metrics_examples (issue #14): the Prometheus and Grafana examples in packaging/ stay valid and use
# only the metrics Fleetdeck exports; docs/metrics.md lists every exported metric. Each failure
# names the file and the metric or query. Usage: examples_test.sh SOURCE_DIR
set -euo pipefail
SRC=${1:?usage: examples_test.sh SOURCE_DIR}
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
command -v promtool >/dev/null || { echo "FAIL: promtool is not installed (package prometheus; scripts/test.sh installs it)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

CONFIG=$SRC/packaging/prometheus/prometheus.yml
RULES=$SRC/packaging/prometheus/fleetdeck.rules.yml
DASHBOARD=$SRC/packaging/grafana/fleetdeck.json
DOC=$SRC/docs/metrics.md

out=$(promtool check config "$CONFIG" 2>&1) || fail "promtool check config $CONFIG: $out"
out=$(promtool check rules "$RULES" 2>&1) || fail "promtool check rules $RULES: $out"

# The dashboard: valid JSON, and each query a valid PromQL expression once Grafana's variables are
# replaced: promtool parses them as recording rules.
python3 - "$DASHBOARD" "$TMP/dashboard.rules.yml" <<'PY' || fail "$DASHBOARD is not a dashboard with queries"
import json, sys
d = json.load(open(sys.argv[1]))
exprs = [t["expr"] for p in d["panels"] for t in p.get("targets", [])]
assert len(exprs) >= 10, "too few queries"
subst = {"$__rate_interval": "5m", "$replica_job": "fleetdeck-headless", "$worker_job": "fleetdeck-worker"}
with open(sys.argv[2], "w") as f:
    f.write("groups:\n  - name: dashboard\n    rules:\n")
    for i, e in enumerate(exprs):
        for k, v in subst.items():
            e = e.replace(k, v)
        f.write("      - record: dashboard:query_%d\n        expr: %s\n" % (i, json.dumps(e)))
PY
out=$(promtool check rules "$TMP/dashboard.rules.yml" 2>&1) || fail "a query of $DASHBOARD does not parse: $out"

# Metric names: exported (string literals in app/metrics), used (examples) and documented.
exported=$(grep -ohE 'QStringLiteral\("(fleetdeck|process)_[a-z_]+"\)' "$SRC"/app/metrics/*.cpp | grep -oE '(fleetdeck|process)_[a-z_]+' | sort -u)
(($(wc -l <<<"$exported") >= 25)) || fail "app/metrics: found only $(wc -l <<<"$exported") metric names"
for m in $exported; do
  grep -qF -- "\`$m\`" "$DOC" || fail "$m is exported (app/metrics) but not documented in docs/metrics.md"
done
used=$(grep -ohE '(fleetdeck|process)_[a-z_]+' "$RULES" "$DASHBOARD" | sed -E 's/_(bucket|sum|count)$//' | sort -u)
for m in $used; do
  grep -qxF -- "$m" <<<"$exported" || fail "$m is used by the examples but app/metrics exports no such metric"
done
echo "examples valid: prometheus.yml, its rules, every dashboard query; $(wc -l <<<"$exported") exported metrics documented, $(wc -w <<<"$used") used by the examples"
if ((FAILS)); then
  echo "$FAILS check(s) failed" >&2
  exit 1
fi
