#!/usr/bin/env bash
# Runs eng/bench/pytorch-peer.py, ANC's speed yardstick, with Debian's PyTorch (python3-torch),
# installing it first where it is missing (as root, as the cluster tests install redis-server).
# Usage: eng/bench/pytorch-peer.sh [pytorch-peer.py options], for example --steps 300 --batch 4096 --threads 2
set -euo pipefail
cd "$(dirname "$0")"
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "pytorch-peer.sh: Debian's python3-torch is missing; install it (apt-get install python3-torch) or run this as root." >&2
    exit 2
  fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null
fi
exec /usr/bin/python3 pytorch-peer.py "$@"
