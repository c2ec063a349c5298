#!/usr/bin/env bash
# Where a training round's time goes: samples `anc-host bench` with perf (Debian's linux-perf,
# installed where missing, as root) after its start-up, and sums the samples by kind of work.
# Build first: dotnet build Anc.Framework.sln -c Release.
# Usage: eng/bench/profile-round.sh [manifest.json] [rounds] [anc-host bench options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
host=Hosts/Anc.Host/bin/Release/net10.0/anc-host
manifest="${1:-Plugins/Anc.Plugins.Encryption/manifests/symmetric-paper.json}"
rounds="${2:-400}"
shift $(( $# > 2 ? 2 : $# ))
if ! command -v perf >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "profile-round.sh: perf is missing; install it (apt-get install linux-perf) or run this as root." >&2
    exit 2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null
fi
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# The first 3 seconds (runtime, plugins, torch, kernel self-test, warm-up rounds) are not sampled.
perf record -q -F 1999 --delay 3000 -o "$data/perf.data" -- \
  "$host" bench "$manifest" --steps "$rounds" --warmup 100 --repeats 1 --evaluation-steps 0 "$@" | grep -E "^(round|device|batch)"
perf report -i "$data/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null \
  | python3 eng/bench/profile-categories.py
