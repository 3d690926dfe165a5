#!/usr/bin/env bash
# Installs the tools the server's end-to-end checks use, from Debian's packages:
#   chromium            headless screenshots / DOM dumps (scripts/screenshot.sh)
#   wrk                 HTTP load tests (scripts/wrk-post.lua)
#   fonts-dejavu-core   a real font, so screenshots show text rather than empty boxes
# Idempotent: installs only what is missing, and runs `apt-get update` once, only then.
# Uses sudo only when not root. Prints nothing when all is already there.
#
# usage: scripts/install-server-tools.sh
set -euo pipefail

die() { echo "install-server-tools: $*" >&2; exit 1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q 'install ok installed' \
  || missing+=(fonts-dejavu-core)

[ "${#missing[@]}" -eq 0 ] && exit 0

command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"

if [ "$(id -u)" -eq 0 ]; then
  as_root=(env)
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n env)
else
  die "not root and no sudo; install by hand: ${missing[*]}"
fi

echo "install-server-tools: installing ${missing[*]} (about 1 min)" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
  cat "$log" >&2
  die "apt-get update failed"
fi
if ! "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "apt-get install ${missing[*]} failed"
fi

command -v chromium >/dev/null 2>&1 || die "chromium still missing after install"
command -v wrk >/dev/null 2>&1 || die "wrk still missing after install"
echo "install-server-tools: $(chromium --version 2>/dev/null | head -n 1); wrk $(dpkg-query -W -f='${Version}' wrk)" >&2
