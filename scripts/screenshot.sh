#!/usr/bin/env bash
# Takes a screenshot of URL with headless Chromium (Debian's `chromium`, installed by
# scripts/install-server-tools.sh) and writes it to OUT.png. Prints nothing on success.
#
# usage: scripts/screenshot.sh URL OUT.png
#   SCREENSHOT_DOM=path   also write the rendered DOM (after scripts ran) to path, from the
#                         same browser run, so a login link is followed only once
#   SCREENSHOT_SIZE=W,H   window size (default 1280,900; the PNG has exactly this size)
#   SCREENSHOT_WAIT_MS=N  virtual time budget: lets timers/fetches up to N ms run before
#                         the capture (default 2000; 0 = capture right at the load event)
#
# Authentication: Chromium has no cookie or header flag. Point URL at the server's login
# link (e.g. /login?token=...) that sets a cookie and answers 303 to the page: within one
# run the redirect is followed and the cookie is sent, so the shot shows the signed-in page.
# Each run uses a fresh profile (removed on exit): no cookie carries over between runs.
#
# Chromium exits 0 even when the page failed to load (connection refused, an error status
# with an empty body), so success here means: no "Page load failed" and the PNG exists.
set -euo pipefail

die() { echo "screenshot: $*" >&2; exit 1; }

[ "$#" -eq 2 ] || die "usage: $0 URL OUT.png"
url="$1"
out="$2"
size="${SCREENSHOT_SIZE:-1280,900}"
wait_ms="${SCREENSHOT_WAIT_MS:-2000}"
dom_out="${SCREENSHOT_DOM:-}"

command -v chromium >/dev/null 2>&1 || die "chromium not found (run scripts/install-server-tools.sh)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) not found"

case "$out" in /*) ;; *) out="$PWD/$out" ;; esac # Chromium resolves relative to its own cwd
mkdir -p "$(dirname "$out")"
rm -f "$out"

profile="$(mktemp -d "${TMPDIR:-/tmp}/airlock-chromium.XXXXXX")"
log="$(mktemp "${TMPDIR:-/tmp}/airlock-chromium-log.XXXXXX")"
dom="$(mktemp "${TMPDIR:-/tmp}/airlock-chromium-dom.XXXXXX")"
trap 'rm -rf "$profile" "$log" "$dom"' EXIT

args=(
  --headless=new
  --no-sandbox            # required as root ("Running as root without --no-sandbox is not supported")
  --disable-gpu
  --disable-dev-shm-usage # containers often have a tiny /dev/shm
  --hide-scrollbars
  --no-first-run
  --no-default-browser-check
  --user-data-dir="$profile"
  --window-size="$size"
  --screenshot="$out"
)
[ "$wait_ms" -gt 0 ] && args+=(--virtual-time-budget="$wait_ms")
[ -n "$dom_out" ] && args+=(--dump-dom)

status=0
timeout 60 chromium "${args[@]}" "$url" >"$dom" 2>"$log" || status=$?

if [ "$status" -eq 124 ]; then
  die "chromium timed out after 60 s on $url"
fi
failure="$(grep -o 'Page load failed: [^ ]*' "$log" | head -n 1 || true)"
if [ -n "$failure" ]; then
  rm -f "$out"
  die "$failure ($url)"
fi
if [ "$status" -ne 0 ] || [ ! -s "$out" ]; then
  grep -v -e 'dbus' -e 'unexpected operator' "$log" | tail -n 20 >&2 || true
  die "chromium exited $status and wrote no screenshot for $url"
fi
if [ -n "$dom_out" ]; then
  [ -s "$dom" ] || die "chromium printed no DOM for $url"
  mkdir -p "$(dirname "$dom_out")"
  cp "$dom" "$dom_out"
fi
