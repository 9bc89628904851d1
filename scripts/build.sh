#!/usr/bin/env bash
# Builds the widget into dist/: telltale.js (glue + loader in one classic script, minified),
# telltale_bg.wasm (wasm-opt -Oz) and manifest.json (bytes and SRI hashes).
#
# Idempotent: installs only what is missing (through scripts/setup.sh), then builds.
# Usage: scripts/build.sh            (CARGO_TARGET_DIR is honoured)
#
# The benchmark's floor builds (scripts/bench.sh --floor) reuse every step for another
# crate: TELLTALE_CRATE (a folder with a Cargo.toml whose cdylib is called telltale),
# TELLTALE_FEATURES (its cargo features), TELLTALE_TARGET_DIR and TELLTALE_DIST (where its
# build and its dist/ go). Unset, they build the widget into dist/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
crate_dir="${TELLTALE_CRATE:-$root}"
target_dir="${TELLTALE_TARGET_DIR:-${CARGO_TARGET_DIR:-$root/target}}"
dist="${TELLTALE_DIST:-$root/dist}"
cargo_args=(--manifest-path "$crate_dir/Cargo.toml" --release --target wasm32-unknown-unknown --lib)
if [ -n "${TELLTALE_FEATURES:-}" ]; then
  cargo_args+=(--features "$TELLTALE_FEATURES")
fi
stage="$target_dir/telltale-dist"
# The release profile strips the native `telltale` binary. A stripped wasm also loses its
# `target_features` section, and wasm-bindgen then warns that it cannot tell which wasm
# features the module was built with. The names go anyway: wasm-bindgen's
# --remove-name-section and wasm-opt's --strip-debug drop them. Measured on 2026-11-22
# (9495f83): 116.81 -> 116.66 kB brotli, and the warning gone.
export CARGO_PROFILE_RELEASE_STRIP=false

say() { printf '%s\n' "build: $*" >&2; }

# --- tools -----------------------------------------------------------------------------
# One place installs tools (scripts/setup.sh): the wasm32 target, clippy/rustfmt, the
# wasm-bindgen CLI at the exact Cargo.lock version, npm's binaryen (Debian's binaryen 108
# cannot read wasm-bindgen's output) and terser. Each step is skipped when already satisfied.
# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"
ensure_build_tools
wasm_opt="$root/node_modules/.bin/wasm-opt"
terser="$root/node_modules/.bin/terser"

# --- build ------------------------------------------------------------------------------
version="$(awk -F'"' '/^version = / { print $2; exit }' "$crate_dir/Cargo.toml")"
# Panic locations name source files. Without remapping they carry this machine's paths
# (the checkout, ~/.cargo/registry/src/<index>/, the toolchain's library sources), so
# dist/ and its SRI hashes would differ from one machine to the next; remapped, they read
# `src/...`, `yew-0.23.0/src/...` and `library/...`.
remap="--remap-path-prefix=$root/="
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$registry" ] && remap="$remap --remap-path-prefix=$registry="
done
remap="$remap --remap-path-prefix=$(rustc --print sysroot)/lib/rustlib/src/rust/="

# The lean standard library: std is compiled for this wasm, with options that take out
# what the widget does not need (measured 2026-11-21: -12.0 kB brotli for js + wasm):
# - `-Cpanic=immediate-abort`: a panic stops at once. Release builds already aborted on
#   panic; what goes is the message Yew's panic hook (console_error_panic_hook) wrote to
#   the console first: a panic now shows only as the browser's "RuntimeError:
#   unreachable". The code is written so that no input reaches a panic; the messages
#   and their formatting code leave the wasm (-9 kB of the saving).
# - `-Zfmt-debug=none`, `-Zlocation-detail=none`: `Debug` output (the widget prints none)
#   and panic locations are compiled out.
# - std's `optimize_for_size` feature picks its smaller algorithms (sorting, for one).
# They are unstable options of the stable compiler. RUSTC_BOOTSTRAP=1 lets the stable
# toolchain (with its rust-src component) take them for this one build; the code, its
# tests, clippy and the CLI are plain stable Rust. A toolchain that does not take them (an
# older or newer compiler whose unstable options differ) gets the standard library as
# shipped, with a warning: the widget works the same and is about 12 kB larger.
# TELLTALE_STD=shipped asks for that build. Its own target directory keeps the two
# builds' dependencies from evicting each other.
lean_flags="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
lean_dir="$target_dir/lean-std"
built=""
if [ "${TELLTALE_STD:-lean}" != "shipped" ]; then
  say "cargo build --release (telltale $version, lean std)"
  if RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$lean_flags $remap" \
    cargo build "${cargo_args[@]}" --target-dir "$lean_dir" \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size; then
    built="$lean_dir/wasm32-unknown-unknown/release/telltale.wasm"
  # The lean build failed: the toolchain, or the code? A check with std as shipped tells
  # them apart, so an error in the code stops here with its message shown once, instead of
  # being blamed on the toolchain and printed a second time by the fallback build.
  elif ! RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$remap" \
    cargo check "${cargo_args[@]}" --target-dir "$target_dir" --quiet > /dev/null 2>&1; then
    say "the crate does not compile for wasm32 (the errors are above)"
    exit 1
  else
    say "WARNING: this toolchain cannot build the lean std (see above); building with the"
    say "standard library as shipped: the widget works the same and is about 12 kB larger"
  fi
fi
if [ -z "$built" ]; then
  say "cargo build --release (telltale $version, std as shipped)"
  RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$remap" \
    cargo build "${cargo_args[@]}" --target-dir "$target_dir"
  built="$target_dir/wasm32-unknown-unknown/release/telltale.wasm"
fi

rm -rf "$stage"
mkdir -p "$stage" "$dist"
wasm-bindgen "$built" \
  --out-dir "$stage" --out-name telltale \
  --target no-modules --no-typescript \
  --remove-name-section --remove-producers-section

# wasm-bindgen's output uses bulk memory (table.fill, memory.copy), non-trapping float
# conversions, sign extension, mutable globals and reference types.
# --converge repeats -Oz while it still shrinks the module. The wasm owns its memory (not
# imported), so it starts zero-filled: --zero-filled-memory drops zero bytes from the data
# segments. rustc links the stack first, so the lowest 1 KiB is never a valid address:
# --low-memory-unused lets wasm-opt fold constant offsets into loads and stores.
# Measured on the HEAD of 2026-05: -1.3 kB brotli, -5.0 kB raw.
# Inlining: -Oz inlines every function that has one caller, however large, and every
# function of size 2 or less (binaryen counts expressions). The one-caller limit (14)
# inlines such a function only when it is small, and the always-inline limit of 4 inlines
# slightly larger tiny ones everywhere. The module gets bigger (raw +8.8 kB) and
# compresses much better: code kept in its own functions repeats byte for byte where,
# inlined into different callers, it would not (our reading of the figures, not traced
# in binaryen). Measured on 2026-11-21: js + wasm 119.6 -> 114.7 kB brotli; one-caller
# limits from 15 to 25 within 0.1 kB of 20, 0 and 100 worse by 0.7 and 2.7 kB. At startup
# V8 compiles 885 functions lazily instead of 638 but 164 kB of code instead of 194 kB;
# an interleaved A/B of 30 loads each found both visits within noise (first 122.2 vs
# 123.3 ms, repeat 88.0 vs 85.2 ms). Measured again on 2026-11-22 (a session later, the
# build at 120.1 kB with 20): 10 +0.1, 12 -0.18, 13 +0.03, 14 -0.18, 15 -0.07, 16 +0.15,
# 18 -0.16, 25 +0.3, 30 +0.7 kB; the figures move by about 0.2 kB with any small change
# of code (the function order's chain shifts), so 14, in the flat part, not a best draw.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types)
"$wasm_opt" "$stage/telltale_bg.wasm" -o "$stage/telltale_bg.opt.wasm" -Oz --converge \
  --always-inline-max-function-size=4 --one-caller-inline-max-function-size=14 \
  --zero-filled-memory --low-memory-unused "${features[@]}" --strip-debug --strip-producers

# Short names for the wasm's imports, exports and import module, in the wasm and in the
# glue alike: wasm-bindgen's are its Rust bindings' names plus a hash, written once in each
# file, and the hashes do not compress. wasm-opt renames them in the wasm and prints the
# mapping; scripts/minify-names.mjs applies it to the glue and fails on a glue it does not
# recognise. Measured on 2026-11-21: wasm 128.8 -> 126.4 kB brotli, telltale.js 6.9 -> 5.1 kB.
"$wasm_opt" "$stage/telltale_bg.opt.wasm" -o "$stage/telltale_bg.min.wasm" \
  --minify-imports-and-exports-and-modules "${features[@]}" > "$stage/names.json"
# The glue's other ways of starting the wasm, which the loader never takes (initSync, a
# path to fetch, positional parameters), out (scripts/trim-glue.mjs says which, and
# fails on a glue it does not recognise). Measured on 2026-11-22: telltale.js
# 5,959 -> 5,750 B brotli.
node scripts/trim-glue.mjs "$stage/telltale.js" "$stage/telltale.trimmed.js"
node scripts/minify-names.mjs "$stage/telltale.trimmed.js" "$stage/names.json" \
  "$stage/telltale_bg.min.wasm" "$stage/telltale.names.js"

# Each function next to the one it most resembles, which brotli compresses better; only
# the order changes (scripts/order-functions.mjs says how). Measured on 2026-11-22: wasm
# 114,251 -> 111,074 B brotli.
node scripts/order-functions.mjs "$wasm_opt" "$stage/telltale_bg.min.wasm" \
  "$stage/telltale_bg.ordered.wasm" "${features[@]}"

# The loader fetches exactly this wasm: its sha384 as the fetch's `integrity` (a page that
# pins telltale.js with SRI so pins the wasm too) and a tag from it in the URL's query (so no
# cache pairs this script with another build's wasm). Computed on the final bytes.
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 | tr -d '\n')"; }
wasm_sri="$(sri "$stage/telltale_bg.ordered.wasm")"
wasm_tag="$(openssl dgst -sha384 -hex "$stage/telltale_bg.ordered.wasm" | awk '{ print substr($NF, 1, 12) }')"

# One classic script: the glue's `let wasm_bindgen` and the loader share a private scope,
# so neither the glue's names nor the page's own `wasm_bindgen`/`init` can collide.
{
  printf '/*! Telltale %s: an embeddable service-status widget. MIT OR Apache-2.0 */\n' "$version"
  printf '(function () {\n"use strict";\ntry {\n'
  cat "$stage/telltale.names.js"
  printf '\n'
  sed -e "s/__TELLTALE_VERSION__/$version/g" -e "s/__TELLTALE_WASM_TAG__/$wasm_tag/g" \
    -e "s|__TELLTALE_WASM_SRI__|$wasm_sri|g" js/loader.js
  # The last net: a page that replaced or deleted a built-in the script runs at once
  # (`Promise`, `URL`, `TextDecoder`) gets one warning, and the fallback stays.
  printf '} catch (error) {\n'
  printf '  try { console.warn("[telltale] could not start: this page changed a browser built-in that Telltale needs (" + error + ")"); } catch (unreadable) {}\n'
  printf '}\n})();\n'
} > "$stage/telltale.out.js"

# Minified with terser (pinned in package.json): compress and mangle the names inside the
# one function scope; object properties (the wasm imports, `Telltale.mount`, the element's
# callbacks) are never renamed, so the page still gains only `Telltale`. The `/*! … */`
# licence banner is kept. `prefetch` keeps its name: tests/e2e/prefetch.test.mjs tells the
# loader's feed request from the widget's by that name in the stack. Measured on
# 2026-11-21: telltale.js 64.8 kB -> 26.1 kB raw, 10.6 kB -> 7.1 kB brotli (`passes=2`
# and `unsafe_arrows` saved nothing more in brotli).
"$terser" "$stage/telltale.out.js" --ecma 2020 --compress --mangle 'reserved=[prefetch]' \
  --comments '/^!/' --output "$stage/telltale.min.js"

if grep -q '__TELLTALE_' "$stage/telltale.min.js"; then
  say "a placeholder in js/loader.js was left unfilled: $(grep -o '__TELLTALE_[A-Z_]*' "$stage/telltale.min.js" | head -1)"
  exit 1
fi
cp "$stage/telltale.min.js" "$dist/telltale.js"
cp "$stage/telltale_bg.ordered.wasm" "$dist/telltale_bg.wasm"

bytes() { wc -c < "$1" | tr -d ' '; }
js="$dist/telltale.js"
wasm="$dist/telltale_bg.wasm"
cat > "$dist/manifest.json" <<JSON
{
  "version": "$version",
  "files": {
    "telltale.js": { "bytes": $(bytes "$js"), "sha384": "$(sri "$js")" },
    "telltale_bg.wasm": { "bytes": $(bytes "$wasm"), "sha384": "$wasm_sri" }
  }
}
JSON

# --- sizes ------------------------------------------------------------------------------
node scripts/sizes.mjs "$js" "$wasm"
