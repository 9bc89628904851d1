#!/usr/bin/env bash
# Builds Telltale and serves the demo: installs what is missing (scripts/setup.sh), runs the
# release build (scripts/build.sh → dist/), then serves the repository root on
# http://127.0.0.1:8080 (PORT overrides) until interrupted. The demo page is /index.html;
# it loads /dist/telltale.js and the sample feeds under /www and /tests/fixtures.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
port="${PORT:-8080}"

bash scripts/setup.sh
bash scripts/build.sh

echo
echo "Telltale demo: http://127.0.0.1:${port}/  (Ctrl-C stops the server)"
echo
# Bound to loopback only: the demo is for this machine, not the network.
exec python3 -m http.server --bind 127.0.0.1 --directory "$root" "$port"
