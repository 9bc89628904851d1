#!/usr/bin/env bash
# Installs what building and testing Telltale needs, and only what is missing.
#
#   bash scripts/setup.sh            # build tools: wasm target, clippy/rustfmt/rust-src,
#                                    # wasm-bindgen-cli (the Cargo.lock version), npm ci
#                                    # (binaryen's wasm-opt, terser, playwright-core)
#   bash scripts/setup.sh --browser  # the above, plus Debian chromium + chromium-driver
#
# Every step checks first and skips when the right thing is already there, so running it
# twice costs a second. Other scripts may `source` this file and call the `ensure_*`
# functions themselves (sourcing defines them and changes nothing else).

# Where rustup/cargo put their binaries; CI shells often lack it on PATH.
export PATH="$HOME/.cargo/bin:$PATH"

setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

setup_log() { printf '[setup] %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through non-interactive sudo.
setup_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        setup_log "need root for: $*"
        return 1
    fi
}

ensure_rust_target() {
    if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
        setup_log "adding rust target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
}

ensure_rust_components() {
    local installed component
    installed="$(rustup component list --installed)"
    # rust-src: the release build compiles the standard library for the wasm itself
    # (scripts/build.sh, "lean std").
    for component in clippy rustfmt rust-src; do
        if ! grep -q "^${component}" <<<"$installed"; then
            setup_log "adding rust component $component"
            rustup component add "$component"
        fi
    done
}

# The wasm-bindgen version pinned in Cargo.lock: the CLI must match the library exactly,
# or the generated glue and the wasm disagree.
wasm_bindgen_lock_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
        "$setup_root/Cargo.lock"
}

ensure_wasm_bindgen() {
    local want have
    want="$(wasm_bindgen_lock_version)"
    if [ -z "$want" ]; then
        setup_log "Cargo.lock names no wasm-bindgen version"
        return 1
    fi
    have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
    if [ "$have" != "$want" ]; then
        setup_log "installing wasm-bindgen-cli $want (found: ${have:-none}; takes about 2 minutes)"
        # Without --locked: the CLI's own lockfile pins a webpki-roots that is yanked.
        cargo install wasm-bindgen-cli --version "$want"
    fi
}

# node_modules is stale when it is missing, lacks a tool, or predates package-lock.json.
ensure_node_modules() {
    local stamp="$setup_root/node_modules/.package-lock.json"
    if [ ! -x "$setup_root/node_modules/.bin/wasm-opt" ] ||
        [ ! -d "$setup_root/node_modules/playwright-core" ] ||
        [ ! -d "$setup_root/node_modules/axe-core" ] ||
        [ ! -x "$setup_root/node_modules/.bin/terser" ] ||
        [ ! -f "$stamp" ] ||
        [ "$setup_root/package-lock.json" -nt "$stamp" ]; then
        setup_log "installing node dev dependencies (npm ci)"
        (cd "$setup_root" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

ensure_browser() {
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        setup_log "installing Debian chromium and chromium-driver"
        setup_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        setup_as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends chromium chromium-driver
    fi
}

# Everything `scripts/build.sh` needs.
ensure_build_tools() {
    ensure_rust_target
    ensure_rust_components
    ensure_wasm_bindgen
    ensure_node_modules
}

setup_main() {
    local browser=0 arg
    for arg in "$@"; do
        case "$arg" in
            --browser) browser=1 ;;
            -h | --help)
                sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
                return 0
                ;;
            *)
                setup_log "unknown option: $arg"
                return 2
                ;;
        esac
    done
    ensure_build_tools
    if [ "$browser" -eq 1 ]; then
        ensure_browser
    fi
    setup_log "tools ready"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    setup_main "$@"
fi
