#!/usr/bin/env bash
# Trials per hour of a fixed small sweep (default Plugins/Anc.Plugins.Encryption/sweeps/symmetric-rates.json):
# on this machine with --parallel 1 and 2, then on a Redis cluster of 1, 2 and 3 local anc-workers.
# Build first: dotnet build Anc.Framework.sln -c Release. Usage: eng/bench/sweep-throughput.sh [sweep.json] [out-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
host=Hosts/Anc.Host/bin/Release/net10.0/anc-host
worker=Hosts/Anc.Worker/bin/Release/net10.0/anc-worker
sweep="${1:-Plugins/Anc.Plugins.Encryption/sweeps/symmetric-rates.json}"
out="$(mkdir -p "${2:-/tmp/anc-sweep-throughput}" && cd "${2:-/tmp/anc-sweep-throughput}" && pwd)"
eng/services/redis.sh install

# Runs "$@" (an anc-host sweep), then prints its line: how long, and trials per hour.
timed() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$out/$label.log" 2>&1 || { echo "$label: failed, see $out/$label.log" >&2; return 1; }
  end=$(date +%s.%N)
  local trials
  trials=$(grep -o '"trials": [0-9]*' "$(ls -d "$out/$label"/*/)summary.json" | head -1 | grep -o '[0-9]*$')
  echo "$label: $trials trials in $(printf '%.1f' "$(echo "$end - $start" | bc)") s = $(printf '%.0f' "$(echo "$trials * 3600 / ($end - $start)" | bc -l)") trials/hour"
}

for parallel in 1 2; do
  timed "local-p$parallel" "$host" sweep "$sweep" --output "$out/local-p$parallel" --parallel "$parallel" --quiet
done

for workers in 1 2 3; do
  port=$((6400 + workers))
  eng/services/redis.sh start "$port" "$out/redis-$workers"
  pids=()
  for i in $(seq 1 "$workers"); do
    "$worker" --cluster "redis://127.0.0.1:$port" --silo-port 0 --gateway-port 0 > "$out/worker-$workers-$i.log" 2>&1 &
    pids+=($!)
  done
  # Timed from submission: the workers have joined by then (the client waits for a gateway otherwise).
  sleep 8
  timed "cluster-$workers" "$host" sweep "$sweep" --output "$out/cluster-$workers" --cluster "redis://127.0.0.1:$port" --quiet
  kill -9 "${pids[@]}"
  wait "${pids[@]}" 2>/dev/null || true
  eng/services/redis.sh stop "$out/redis-$workers"
done
