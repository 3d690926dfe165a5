#!/usr/bin/env bash
# Build scripts/hclref (the HCL reference dumper, built against HashiCorp's
# hclsyntax from the Debian golang-github-hashicorp-hcl-v2-dev package) into
# .build-tools/hclref. Offline, GOPATH mode. Idempotent: rebuilds only when
# scripts/hclref/main.go is newer than the binary.
# The last line of output is the absolute path of the binary.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HCL_SRC=/usr/share/gocode/src/github.com/hashicorp/hcl/v2
TOOLS="$REPO/.build-tools"
BIN="$TOOLS/hclref"
SRC_DIR="$REPO/scripts/hclref"

if ! command -v go >/dev/null 2>&1 || [ ! -d "$HCL_SRC/hclsyntax" ] || [ ! -d /usr/share/gocode/src/github.com/hashicorp/terraform-json ]; then
    SUDO=()
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    fi
    echo "build-hclref: installing Go and HCL sources via apt" >&2
    "${SUDO[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq \
        golang-go golang-github-hashicorp-hcl-v2-dev \
        golang-github-hashicorp-terraform-json-dev >&2
fi

needs_build=1
if [ -x "$BIN" ]; then
    needs_build=0
    for f in "$SRC_DIR"/*.go; do
        if [ "$f" -nt "$BIN" ]; then
            needs_build=1
            break
        fi
    done
fi

if [ "$needs_build" -eq 1 ]; then
    GOPATH_DIR="$TOOLS/gopath"
    mkdir -p "$GOPATH_DIR/src" "$TOOLS/gocache"
    # GOPATH mode needs the package under a GOPATH src dir.
    ln -sfn "$SRC_DIR" "$GOPATH_DIR/src/hclref"
    (
        cd "$GOPATH_DIR/src/hclref"
        GO111MODULE=off \
        GOPATH="$GOPATH_DIR:/usr/share/gocode" \
        GOCACHE="$TOOLS/gocache" \
        GOFLAGS= \
        GOPROXY=off \
        go build -o "$BIN.tmp" . >&2
    )
    mv -f "$BIN.tmp" "$BIN"
fi

echo "$BIN"
