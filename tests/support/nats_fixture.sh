#!/usr/bin/env bash
# CTest fixture `nats`: a real nats-server on a free loopback port for the test run.
#   nats_fixture.sh start DIR   starts it, writes DIR/url (nats://127.0.0.1:PORT) and DIR/pid,
#                               returns once the port answers
#   nats_fixture.sh stop DIR    stops it (no-op when none is running)
# A missing nats-server is an error, never a skip.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

stop_server() {
  local pid
  [[ -f "$dir/pid" ]] || return 0
  pid=$(cat "$dir/pid")
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid" "$dir/url"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$cmd" in
  start)
    server=$(command -v nats-server || true)
    if [[ -z "$server" ]]; then
      echo "nats_fixture: nats-server not found (apt-get install nats-server)" >&2
      exit 1
    fi
    mkdir -p "$dir"
    stop_server # a server left over from an interrupted run
    for attempt in 1 2 3 4 5; do
      port=$(free_port)
      # Own session, no inherited stdio: CTest must not wait for the server's output pipes.
      setsid "$server" -a 127.0.0.1 -p "$port" >"$dir/log" 2>&1 </dev/null &
      pid=$!
      echo "$pid" >"$dir/pid"
      for _ in $(seq 100); do
        if ! kill -0 "$pid" 2>/dev/null; then
          break # died, e.g. the port was taken meanwhile: try another one
        fi
        if port_answers "$port"; then
          echo "nats://127.0.0.1:$port" >"$dir/url"
          echo "nats_fixture: nats-server pid $pid on nats://127.0.0.1:$port"
          exit 0
        fi
        sleep 0.1
      done
      stop_server
      echo "nats_fixture: attempt $attempt on port $port failed:" >&2
      tail -n 5 "$dir/log" >&2 || true
    done
    echo "nats_fixture: could not start nats-server" >&2
    exit 1
    ;;
  stop)
    stop_server
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
