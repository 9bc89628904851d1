#!/usr/bin/env bash
# Runs every check and test of Telltale, in order, stopping at the first failure:
#
#   formatting → clippy (native) → clippy (wasm32) → native tests → browser tests
#   (wasm-bindgen-test in headless Chromium, when tests/web_*.rs exist) → release build
#   → end-to-end tests (node:test + Playwright driving headless Chromium)
#
# Installs what is missing first (scripts/setup.sh --browser). Works without a terminal
# (CI=true, no stdin). The last line is the total, `N passed, N failed`; the exit code is
# non-zero when anything failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

logs="$(mktemp -d "${TMPDIR:-/tmp}/telltale-test.XXXXXX")"
trap 'rm -rf "$logs"' EXIT

# Per-layer tallies, printed in the summary in this order.
layers=()
declare -A passed=() failed=()

tally() { # layer passed failed
    if [ -z "${passed[$1]+x}" ]; then
        layers+=("$1")
        passed[$1]=0
        failed[$1]=0
    fi
    passed[$1]=$((passed[$1] + $2))
    failed[$1]=$((failed[$1] + $3))
}

summary() {
    local layer total_passed=0 total_failed=0
    echo
    echo "==> summary"
    for layer in "${layers[@]}"; do
        echo "$layer: ${passed[$layer]} passed, ${failed[$layer]} failed"
        total_passed=$((total_passed + passed[$layer]))
        total_failed=$((total_failed + failed[$layer]))
    done
    echo "${total_passed} passed, ${total_failed} failed"
}

banner() { printf '\n==> %s\n' "$*"; }

fail() { # step
    printf '\n!!! FAILED: %s\n' "$1"
    summary
    exit 1
}

# A check without test counts (formatting, lints, build) counts as one check.
check() { # name command...
    local name="$1"
    shift
    banner "$name"
    if "$@"; then
        tally checks 1 0
    else
        tally checks 0 1
        fail "$name"
    fi
}

# Sums libtest's `test result: ok. N passed; M failed; …` lines (native and wasm runner).
count_libtest() { # layer log
    local p f
    p="$(grep -aoE 'test result: [A-Za-z]+\. [0-9]+ passed' "$2" | awk '{ s += $4 } END { print s + 0 }')"
    f="$(grep -aoE '[0-9]+ failed;' "$2" | awk '{ s += $1 } END { print s + 0 }')"
    tally "$1" "$p" "$f"
}

# Runs a test command, showing its output and keeping it for counting.
suite() { # name layer counter command...
    local name="$1" layer="$2" counter="$3" log status
    shift 3
    log="$logs/$layer.log"
    banner "$name"
    set +e
    "$@" 2>&1 | tee "$log"
    status="${PIPESTATUS[0]}"
    set -e
    "$counter" "$layer" "$log"
    if [ "$status" -ne 0 ]; then
        # A suite that failed before reporting any failed test (e.g. did not compile)
        # still counts as a failure.
        if [ "${failed[$layer]}" -eq 0 ]; then
            tally "$layer" 0 1
        fi
        fail "$name"
    fi
}

# node:test's spec reporter ends with `ℹ pass N` / `ℹ fail N`.
count_node() { # layer log
    local p f
    local plain="$2.plain"
    sed -E 's/\x1b\[[0-9;]*m//g' "$2" >"$plain"
    p="$(grep -aE '^(ℹ|#) pass [0-9]+' "$plain" | tail -n 1 | awk '{ print $3 }')"
    f="$(grep -aE '^(ℹ|#) fail [0-9]+' "$plain" | tail -n 1 | awk '{ print $3 }')"
    tally "$1" "${p:-0}" "${f:-0}"
}

banner "setup (installs only what is missing)"
bash scripts/setup.sh --browser </dev/null || fail "setup"

check "cargo fmt --check" cargo fmt --all -- --check
check "cargo clippy (native)" cargo clippy --all-targets -- -D warnings
check "cargo clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

suite "cargo test (native)" native count_libtest cargo test

shopt -s nullglob
web_tests=(tests/web_*.rs)
shopt -u nullglob
if [ "${#web_tests[@]}" -gt 0 ]; then
    # Only the browser test files: the native integration tests (CLI, proptest) are
    # meaningless inside a browser.
    web_args=()
    for file in "${web_tests[@]}"; do
        name="${file#tests/}"
        web_args+=(--test "${name%.rs}")
    done
    suite "browser tests (wasm-bindgen-test, headless Chromium)" browser count_libtest \
        env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
        CHROMEDRIVER=/usr/bin/chromedriver \
        WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/e2e/webdriver.json" \
        cargo test --target wasm32-unknown-unknown "${web_args[@]}"
else
    banner "browser tests: none (no tests/web_*.rs)"
fi

check "release build (scripts/build.sh)" bash scripts/build.sh

suite "end-to-end tests (node --test tests/e2e/)" e2e count_node \
    node --test --test-reporter=spec tests/e2e/

summary
