#!/usr/bin/env bash
# Three Journal nodes behind HAProxy on one PostgreSQL, on this machine, without Docker.
#
#   deploy/cluster/cluster.sh up       start whatever is not running (PostgreSQL, node 1..3, HAProxy): also brings a dead node back
#   deploy/cluster/cluster.sh status   each node's address, process id and the async projections it runs now
#   deploy/cluster/cluster.sh down     stop HAProxy, the nodes (gracefully: each drains first) and the embedded PostgreSQL
#
# Clients use http://127.0.0.1:${JOURNAL_CLUSTER_PORT:-5080}; nodes listen on the next three ports.
# PostgreSQL: the database named by ConnectionStrings__Journal, else the embedded one (data in $JOURNAL_CLUSTER_DIR/postgres).
# State (the published service, logs, process ids): $JOURNAL_CLUSTER_DIR, default .cluster/ in the repository.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/deploy/cluster"
state=${JOURNAL_CLUSTER_DIR:-$repo/.cluster}
port=${JOURNAL_CLUSTER_PORT:-5080}
nodes=(1 2 3)
dll="$state/service/Journal.Service.dll"

node_port() { echo $((port + $1)); }
alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
say() { echo "cluster: $*"; }

publish() {
  # Publish when missing or older than the sources, so that `up` after a change runs the change.
  if [[ -f "$dll" ]] && [[ -z $(find "$repo/src" -name '*.cs' -newer "$dll" -print -quit) ]]; then return; fi
  say "publishing src/Journal.Service (Release) into $state/service"
  dotnet publish "$repo/src/Journal.Service" -c Release -o "$state/service" --nologo -v q >"$state/publish.log" 2>&1 \
    || { cat "$state/publish.log" >&2; exit 1; }
}

database() {
  if [[ -n "${ConnectionStrings__Journal:-}" ]]; then
    printf '%s' "$ConnectionStrings__Journal" >"$state/connection"
    return
  fi
  # The service's own embedded launcher: starts the cluster (or finds it running) and leaves it running.
  Journal__Database__DataDirectory="$state/postgres" dotnet "$dll" database start >"$state/database.log" 2>&1 \
    || { cat "$state/database.log" >&2; exit 1; }
  local connection
  connection=$(grep -E '^Host=' "$state/database.log" | tail -1)
  [[ -n "$connection" ]] || { cat "$state/database.log" >&2; say "no connection string from 'database start'"; exit 1; }
  printf '%s' "$connection" >"$state/connection"
  say "PostgreSQL: ${connection%%;Username*}"
}

start_node() {
  local n=$1 p
  p=$(node_port "$n")
  if alive "$state/node$n.pid"; then return; fi
  ConnectionStrings__Journal="$(cat "$state/connection")" \
  Journal__Cluster__DrainSeconds=${JOURNAL_DRAIN_SECONDS:-3} \
  ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} \
  DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x1000000} \
    nohup dotnet "$dll" --urls "http://127.0.0.1:$p" >>"$state/node$n.log" 2>&1 &
  echo $! >"$state/node$n.pid"
  say "node $n starting on 127.0.0.1:$p (pid $!, log $state/node$n.log)"
}

wait_ready() {
  local n=$1 p
  p=$(node_port "$n")
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$p/health/ready" 2>/dev/null; then return; fi
    alive "$state/node$n.pid" || { tail -20 "$state/node$n.log" >&2; say "node $n exited while starting"; exit 1; }
    sleep 0.5
  done
  say "node $n was not ready within 60 s"; exit 1
}

haproxy_env() {
  export JOURNAL_CLUSTER_BIND="127.0.0.1:$port"
  for n in "${nodes[@]}"; do export "JOURNAL_NODE$n=127.0.0.1:$(node_port "$n")"; done
}

start_haproxy() {
  if ! command -v haproxy >/dev/null 2>&1; then
    say "installing HAProxy (Debian's haproxy package)"
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq haproxy >/dev/null
  fi
  haproxy_env
  haproxy -q -c -f "$here/haproxy.cfg"
  if alive "$state/haproxy.pid"; then
    # Running: reload the configuration in place (new process, old one finishes its connections).
    haproxy -D -f "$here/haproxy.cfg" -p "$state/haproxy.pid" -sf "$(cat "$state/haproxy.pid")"
  else
    haproxy -D -f "$here/haproxy.cfg" -p "$state/haproxy.pid"
    say "HAProxy on http://127.0.0.1:$port"
  fi
}

stop_pid() {
  local file=$1 what=$2
  if alive "$file"; then
    local pid; pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    say "stopped $what (pid $pid)"
  fi
  rm -f "$file"
}

up() {
  mkdir -p "$state"
  chmod 755 "$state" # the postgres user runs the embedded cluster when we are root
  publish
  database
  for n in "${nodes[@]}"; do start_node "$n"; done
  for n in "${nodes[@]}"; do wait_ready "$n"; done
  start_haproxy
  status
}

down() {
  stop_pid "$state/haproxy.pid" HAProxy
  for n in "${nodes[@]}"; do stop_pid "$state/node$n.pid" "node $n" & done
  wait
  if [[ -z "${ConnectionStrings__Journal:-}" && -f "$dll" && -d "$state/postgres" ]]; then
    Journal__Database__DataDirectory="$state/postgres" dotnet "$dll" database stop >>"$state/database.log" 2>&1 && say "stopped PostgreSQL"
  fi
}

status() {
  printf '%-6s %-16s %-8s %-7s %s\n' NODE ADDRESS PID STATE PROJECTIONS
  for n in "${nodes[@]}"; do
    local p pid="-" health="down" projections="-" report
    p=$(node_port "$n")
    if alive "$state/node$n.pid"; then
      pid=$(cat "$state/node$n.pid")
      health=$(curl -s --max-time 2 "http://127.0.0.1:$p/health/ready" || echo starting)
      if report=$(curl -fsS --max-time 2 "http://127.0.0.1:$p/health/node" 2>/dev/null); then
        projections=$(printf '%s' "$report" | sed -n 's/.*"projections":\[\([^]]*\)\].*/\1/p' | tr -d '"' | sed 's/,/, /g')
        [[ "$report" == *'"leader":true'* ]] && projections="${projections:+$projections, }(leader)"
      fi
    fi
    printf '%-6s %-16s %-8s %-7s %s\n' "$n" "127.0.0.1:$p" "$pid" "$health" "${projections:--}"
  done
  if alive "$state/haproxy.pid"; then echo "HAProxy: http://127.0.0.1:$port (pid $(cat "$state/haproxy.pid"))"; else echo "HAProxy: down"; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: deploy/cluster/cluster.sh up|down|status" >&2; exit 2 ;;
esac
