#!/usr/bin/env bash
# Soak benchmark (not a test): one page, four widgets on two feeds, 10,000 polls at a
# shortened interval; prints JS heap, wasm memory, DOM nodes and listener counts at the
# start, along the way and at the end, and the requests per feed. Takes a few minutes.
#
#   bash scripts/soak.sh            # builds dist/ first when it is missing
#   SOAK_POLLS=2000 bash scripts/soak.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f dist/telltale.js ] || [ ! -f dist/telltale_bg.wasm ]; then
    bash scripts/build.sh
fi
exec node tests/e2e/soak.mjs
