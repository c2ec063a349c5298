#!/usr/bin/env bash
# A private certificate authority for a lab's ANC cluster: TLS between workers and clients.
#   lab-ca.sh ca <dir>                          makes the authority: <dir>/ca.crt, and <dir>/ca.key (only its owner reads it)
#   lab-ca.sh member <dir> <name> [address...]  makes a member's folder <dir>/<name>/: ca.crt, member.crt, member.key
#
# Copy a member's folder to the machine that uses it (a worker: anc-worker --tls <folder>; a
# client: anc-host sweep --tls <folder>); keep ca.key on no machine of the cluster. Every member
# accepts every other whose certificate the authority signed, and no one else.
set -euo pipefail

usage() { echo "usage: $0 ca <dir> | member <dir> <name> [address...]" >&2; exit 2; }
umask 077

case "${1:-}" in
  ca)
    [ $# -eq 2 ] || usage
    mkdir -p "$2"
    [ -s "$2/ca.key" ] && { echo "$2/ca.key exists: the authority is made already" >&2; exit 2; }
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
      -keyout "$2/ca.key" -out "$2/ca.crt" -subj "/CN=ANC lab certificate authority" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    chmod 644 "$2/ca.crt"
    ;;
  member)
    [ $# -ge 3 ] || usage
    dir="$2"; name="$3"; shift 3
    [ -s "$dir/ca.key" ] || { echo "no authority in $dir: make it first (lab-ca.sh ca $dir)" >&2; exit 2; }
    out="$dir/$name"; mkdir -p "$out"
    names="DNS:$name,DNS:localhost,IP:127.0.0.1"
    for address in "$@"; do
      if [[ "$address" =~ ^[0-9.]+$|: ]]; then names="$names,IP:$address"; else names="$names,DNS:$address"; fi
    done
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$out/member.key" -out "$out/member.csr" -subj "/CN=$name" 2>/dev/null
    printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n' "$names" > "$out/member.ext"
    openssl x509 -req -in "$out/member.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 825 \
      -extfile "$out/member.ext" -out "$out/member.crt" 2>/dev/null
    rm -f "$out/member.csr" "$out/member.ext"
    cp "$dir/ca.crt" "$out/ca.crt"
    ;;
  *) usage ;;
esac
