#!/usr/bin/env bash
# ctl_bash_completion (issue #14): runs the bash completion of fleetdeckctl
# (packaging/completions/fleetdeckctl.bash) in this non-interactive bash for a few command lines,
# with the real fleetdeckctl and a SQLite store this test creates and seeds, and checks:
#  - commands, subcommands, options and setting keys;
#  - node names and backend names from the store (nodes; ops, History, pending node ops and the
#    local gallery named by the store's `galleries` setting), with the store given by --store or
#    by FLEETDECK_STORE_PATH;
#  - store only: the http gallery of the `galleries` setting is never contacted, and a missing
#    SQLite file is not created;
#  - within 1 s: against a PostgreSQL "server" that accepts connections and never answers,
#    the completion gives up after about 1 s (fleetdeckctl __complete's watchdog).
# Usage: ctl_bash_completion_test.sh SOURCE_DIR FLEETDECKCTL
set -euo pipefail
SRC=${1:?usage: ctl_bash_completion_test.sh SOURCE_DIR FLEETDECKCTL}
CTL=${2:?usage: ctl_bash_completion_test.sh SOURCE_DIR FLEETDECKCTL}
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

WORK=$(mktemp -d)
LISTENER=
cleanup() {
  [[ -z $LISTENER ]] || kill "$LISTENER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A clean environment: no FLEETDECK_* variable and no configuration of the user running the test.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep '^FLEETDECK_' || true)
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config
mkdir -p "$HOME" "$WORK/bin"
ln -s "$CTL" "$WORK/bin/fleetdeckctl"
export PATH=$WORK/bin:$PATH

# Two loopback listeners: a "PostgreSQL server" that never answers, and a "gallery" that records
# whether anyone connected.
python3 -u - "$WORK/contacted" >"$WORK/ports" <<'EOF' &
import select, socket, sys
servers = []
for _ in range(2):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    servers.append(s)
print(servers[0].getsockname()[1], servers[1].getsockname()[1])
held = []
while True:
    ready, _, _ = select.select(servers, [], [], 120)
    if not ready:
        break
    for s in ready:
        conn, _ = s.accept()
        held.append(conn)  # never answered
        if s is servers[1]:
            with open(sys.argv[1], "a") as f:
                f.write("gallery contacted\n")
EOF
LISTENER=$!
for _ in $(seq 50); do [[ -s $WORK/ports ]] && break; sleep 0.1; done
read -r PG_PORT GALLERY_PORT <"$WORK/ports" || { echo "FAIL: the loopback listeners did not start" >&2; exit 1; }

# The store: created by the real program (a store-only command migrates it), then seeded.
DB=$WORK/fleet.sqlite
fleetdeckctl --store "sqlite:$DB" nodes list >/dev/null 2>"$WORK/create.log" \
  || { cat "$WORK/create.log" >&2; echo "FAIL: fleetdeckctl could not create the store" >&2; exit 1; }
cat >"$WORK/gallery.json" <<'EOF'
{"fleetdeck_gallery":1,"name":"local","backends":[
 {"name":"whisper","version":"1.0","uri":"whisper.tar.gz"},
 {"name":"llama-cpp","capabilities":{"default":"llama-cpp-cpu"}}]}
EOF
python3 - "$DB" "$WORK/gallery.json" "http://127.0.0.1:$GALLERY_PORT/index.json" <<'EOF'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
now = 1767225600000
for i, (name, status) in enumerate([("gpu-a100-1", "healthy"), ("gpu-a100-2", "healthy"), ("jetson-orin", "pending")]):
    db.execute("INSERT INTO nodes (id, name, status, last_heartbeat, created_at, updated_at) VALUES (?,?,?,?,?,?)",
               (f"node-{i}", name, status, now, now, now))
for op_id, backend, status in [("11111111-0000-4000-8000-000000000001", "llama-cpp-cuda12", "running"),
                               ("22222222-0000-4000-8000-000000000002", "vllm", "failed"),
                               ("33333333-0000-4000-8000-000000000003", "old-success", "success")]:
    db.execute("INSERT INTO operations (id, kind, backend, cache_key, active_key, params, status, progress_at, created_at, "
               "updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               (op_id, "install", backend, backend, backend if status == "running" else None, "{}", status, now, now, now,
                None if status == "running" else now))
db.execute("INSERT INTO history (entry_kind, kind, backend, outcome, replica_id, finished_at) VALUES "
           "('operation','install','piper','failed','r1',?), ('dead_letter','install','bark','dead_letter','r1',?)", (now, now))
db.execute("INSERT INTO pending_node_ops (node_id, backend, op, created_at, next_retry_at) VALUES ('node-0','kokoro','install',?,?)",
           (now, now))
galleries = [{"name": "local", "url": sys.argv[2]}, {"name": "remote", "url": sys.argv[3]}]
db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES ('galleries', ?, ?, 'test')",
           (json.dumps(galleries, separators=(",", ":")), now))
db.commit()
EOF

# shellcheck source=packaging/completions/fleetdeckctl.bash
source "$SRC/packaging/completions/fleetdeckctl.bash"

# What Tab offers at the end of a command line, as bash would call the function.
complete_line() {
  COMP_LINE=$1
  COMP_POINT=${#1}
  read -ra COMP_WORDS <<<"$1"
  [[ $1 == *' ' ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _fleetdeckctl
  echo "${COMPREPLY[*]}"
}
expect() {
  local got
  got=$(complete_line "$1")
  if [[ $got == "$2" ]]; then echo "ok: '$1<TAB>' -> $got"; else fail "'$1<TAB>': expected '$2', got '$got'"; fi
}

S="--store sqlite:$DB"
expect "fleetdeckctl no" "nodes"
expect "fleetdeckctl " "nodes backends ops install upgrade delete cancel dismiss retry reconcile reap clean-pending settings"
expect "fleetdeckctl nodes " "list approve drain resume delete"
expect "fleetdeckctl --json backends " "list upgrades"
expect "fleetdeckctl --wa" "--wait --wait-timeout"
expect "fleetdeckctl $S nodes approve " "gpu-a100-1 gpu-a100-2 jetson-orin"
expect "fleetdeckctl $S nodes drain gpu" "gpu-a100-1 gpu-a100-2"
expect "fleetdeckctl $S install " "bark kokoro llama-cpp llama-cpp-cuda12 piper vllm whisper"
expect "fleetdeckctl $S --json upgrade llama" "llama-cpp llama-cpp-cuda12"
expect "fleetdeckctl $S install whisper --node j" "jetson-orin"
expect "fleetdeckctl $S cancel " "11111111-0000-4000-8000-000000000001 22222222-0000-4000-8000-000000000002"
expect "fleetdeckctl settings set nodes/auto" "nodes/auto_approve"
expect "fleetdeckctl settings set upgrades/auto " "true false"
expect "fleetdeckctl nodes list " ""
FLEETDECK_STORE_PATH=$DB expect "fleetdeckctl delete w" "whisper"
FLEETDECK_STORE_PATH=$DB expect "fleetdeckctl --limit 5 nodes resume jet" "jetson-orin"

expect "fleetdeckctl --store sqlite:$WORK/missing.sqlite install " ""
[[ ! -e $WORK/missing.sqlite ]] || fail "completing against a missing SQLite file created it"
[[ ! -e $WORK/contacted ]] || fail "completing backend names contacted the http gallery of the galleries setting"

start=$(date +%s%N)
expect "fleetdeckctl --store postgresql://fleet@127.0.0.1:$PG_PORT/fleetdeck install " ""
ms=$((($(date +%s%N) - start) / 1000000))
echo "completion against a PostgreSQL server that never answers returned after $ms ms"
((ms < 2500)) || fail "completion against a store that does not answer took $ms ms (the limit is 1 s)"

if ((FAILS)); then
  echo "$FAILS check(s) failed" >&2
  exit 1
fi
echo "fleetdeckctl bash completion: OK"
