#!/usr/bin/env bash
# Print, one per line and sorted, the absolute paths of the HCL conformance
# corpus: *.tf / *.hcl from the Debian HCL and terraform-json sources, plus
# *.tf / *.hcl / *.tfvars under Tests/Corpus/hcl2. Tests/Corpus/modern is
# deliberately excluded (syntax newer than HCL 2.14).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

{
    for d in /usr/share/gocode/src/github.com/hashicorp/hcl/v2 \
             /usr/share/gocode/src/github.com/hashicorp/terraform-json; do
        if [ -d "$d" ]; then
            find -L "$d" -type f \( -name '*.tf' -o -name '*.hcl' \) -print
        fi
    done
    if [ -d "$REPO/Tests/Corpus/hcl2" ]; then
        find -L "$REPO/Tests/Corpus/hcl2" -type f \
            \( -name '*.tf' -o -name '*.hcl' -o -name '*.tfvars' \) -print
    fi
} | LC_ALL=C sort
