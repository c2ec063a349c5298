#!/usr/bin/env bash
# A private Redis for the cluster's tests and for trying distributed sweeps by hand.
#   redis.sh install              installs redis-server (Debian) when it is not on PATH
#   redis.sh start <port> <dir>   starts a durable (append-only) daemon on 127.0.0.1:<port> (or on $ANC_REDIS_BIND), its files in <dir>
#   redis.sh stop <dir>           stops the daemon started with that <dir>
set -euo pipefail

usage() { echo "usage: $0 install | start <port> <dir> | stop <dir>" >&2; exit 2; }

case "${1:-}" in
  install)
    if ! command -v redis-server >/dev/null 2>&1; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq redis-server >/dev/null
    fi
    ;;
  start)
    [ $# -eq 3 ] || usage
    port="$2"; dir="$(mkdir -p "$3" && cd "$3" && pwd)"
    # Loopback only, unless ANC_REDIS_BIND names the addresses other machines reach it on (a trusted network: no password).
    bind="${ANC_REDIS_BIND:-127.0.0.1}"
    protected=yes; [ "$bind" = "127.0.0.1" ] || protected=no
    redis-server --bind $bind --port "$port" --dir "$dir" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
      --appendonly yes --save "" --protected-mode "$protected"
    for _ in $(seq 1 100); do
      if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ]; then exit 0; fi
      sleep 0.1
    done
    echo "redis-server on port $port did not answer; see $dir/redis.log" >&2
    exit 1
    ;;
  stop)
    [ $# -eq 2 ] || usage
    pidfile="$2/redis.pid"
    [ -f "$pidfile" ] || exit 0
    pid="$(cat "$pidfile")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
    ;;
  *) usage ;;
esac
