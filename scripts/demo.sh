#!/usr/bin/env bash
# Builds Telltale and serves the demo: installs what is missing (scripts/setup.sh), runs the
# release build (scripts/build.sh → dist/), then serves the demo on http://127.0.0.1:8080
# (PORT overrides) until interrupted, with scripts/demo-server.mjs. The demo page is
# /index.html; it loads /dist/telltale.js and the sample feeds under /www and
# /tests/fixtures, whose times the server moves to now.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
port="${PORT:-8080}"

# A port already taken is said before the build, not after it.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Telltale demo: port $port on 127.0.0.1 is in use; choose another with PORT=8081 bash scripts/demo.sh" >&2
  exit 1
fi

bash scripts/setup.sh
bash scripts/build.sh

echo
exec node scripts/demo-server.mjs "$port"
