#!/usr/bin/env bash
# Runs eng/bench/pytorch-peer.py, ANC's speed yardstick, with Debian's PyTorch (python3-torch),
# installing it first where it is missing (eng/services/python-torch.sh, as root).
# Usage: eng/bench/pytorch-peer.sh [pytorch-peer.py options], for example --steps 300 --batch 4096 --threads 2
set -euo pipefail
cd "$(dirname "$0")"
../services/python-torch.sh install
exec "$(../services/python-torch.sh python)" pytorch-peer.py "$@"
