#!/usr/bin/env bash
# Debian's PyTorch (python3-torch) for Debian's python3, which the export tests load ANC's
# exported networks with and eng/bench/pytorch-peer.sh measures the peer with.
#   python-torch.sh install   installs python3-torch where /usr/bin/python3 cannot import torch (as root)
#   python-torch.sh python    prints the interpreter that has it (/usr/bin/python3)
set -euo pipefail

python=/usr/bin/python3
case "${1:-}" in
  install)
    if ! "$python" -c 'import torch' 2>/dev/null; then
      if [ "$(id -u)" -ne 0 ]; then
        echo "python-torch.sh: Debian's python3-torch is missing; install it (apt-get install python3-torch) or run this as root." >&2
        exit 2
      fi
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq python3-torch >/dev/null
    fi
    ;;
  python) echo "$python" ;;
  *) echo "usage: $0 install | python" >&2; exit 2 ;;
esac
