#!/usr/bin/env bash
# A private Redis for the cluster: for its tests, and for distributed sweeps.
#   redis.sh install              installs redis-server (Debian) when it is not on PATH
#   redis.sh start <port> <dir>   starts a durable (append-only) daemon on 127.0.0.1:<port> (or on $ANC_REDIS_BIND), its files in <dir>
#   redis.sh stop <dir>           stops the daemon started with that <dir>
#   redis.sh password <dir>       prints the path of the file that holds the daemon's password
#
# The daemon always asks for a password: the first start makes one, in <dir>/redis.password, which
# only its owner can read, and later starts keep it. Redis's default user is disabled; ANC's
# workers and clients log in as the user "anc" with that password, which they take from the
# connection string (redis://anc:<password>@host:port), from $ANC_REDIS_PASSWORD, or from the
# file $ANC_REDIS_PASSWORD_FILE names. The password is in no command line: the daemon reads it
# from its configuration file, which only its owner can read too.
set -euo pipefail

usage() { echo "usage: $0 install | start <port> <dir> | stop <dir> | password <dir>" >&2; exit 2; }

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
    # Loopback only, unless ANC_REDIS_BIND names the addresses other machines reach it on.
    bind="${ANC_REDIS_BIND:-127.0.0.1}"
    umask 077
    if [ ! -s "$dir/redis.password" ]; then
      # 32 random bytes as 64 hex digits: nothing a URL or a Redis ACL rule would have to escape.
      od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "$dir/redis.password"
    fi
    chmod 600 "$dir/redis.password"
    password="$(cat "$dir/redis.password")"
    cat > "$dir/redis.conf" <<CONF
bind $bind
port $port
dir $dir
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
appendonly yes
save ""
protected-mode yes
user default off
user anc on >$password ~* &* +@all
CONF
    chmod 600 "$dir/redis.conf"
    redis-server "$dir/redis.conf"
    for _ in $(seq 1 100); do
      if [ "$(REDISCLI_AUTH="$password" redis-cli --user anc --no-auth-warning -p "$port" ping 2>/dev/null)" = "PONG" ]; then exit 0; fi
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
  password)
    [ $# -eq 2 ] || usage
    [ -s "$2/redis.password" ] || { echo "no redis.password in $2: start the daemon there first (redis.sh start <port> $2)" >&2; exit 2; }
    echo "$(cd "$2" && pwd)/redis.password"
    ;;
  *) usage ;;
esac
