#!/usr/bin/env bash
# The benchmark (not a test): builds dist/ and prints its sizes (raw, gzip -9, brotli 11,
# per file and in total) and the median/min/p90 time from navigation start to the first
# live badge over 20 page loads in headless Chromium against a local feed, in three series:
# a fresh browser context per load, one tab reloaded with the HTTP cache disabled (first
# visit) and with it on (repeat visit); each next to baselines without Telltale.
#
#   bash scripts/bench.sh [--runs N] [--latency MS]   (MS: dist/ and the feed answer late)
#   bash scripts/bench.sh --large [--runs N]   (a very large feed: tests/e2e/bench-large.mjs)
#   bash scripts/bench.sh --floor [--runs N]   (also times the floor of the stack: bench/floor
#                                               built with Yew and without, in every round)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --browser </dev/null
bash scripts/build.sh
echo
if [ "${1:-}" = "--floor" ]; then
  shift
  # The same build steps for bench/floor, once with its Yew badge and once without.
  floor_dir="${CARGO_TARGET_DIR:-$root/target}/floor"
  for variant in yew plain; do
    features=""
    [ "$variant" = "yew" ] && features="yew"
    TELLTALE_CRATE="$root/bench/floor" TELLTALE_FEATURES="$features" \
      TELLTALE_TARGET_DIR="$floor_dir" TELLTALE_DIST="$floor_dir/dist-$variant" \
      bash scripts/build.sh
  done
  echo
  exec node tests/e2e/bench.mjs "$@" \
    --compare "floor-yew=$floor_dir/dist-yew" --compare "floor-plain=$floor_dir/dist-plain"
fi
if [ "${1:-}" = "--large" ]; then
  shift
  exec node tests/e2e/bench-large.mjs "$@"
fi
exec node tests/e2e/bench.mjs "$@"
