#!/usr/bin/env bash
# Benchmarks claimdiff: the native core (criterion, time and peak memory) and,
# unless --native-only, the browser (Playwright + Debian's Chromium: wasm
# load, compare on the seeds and 2 × 1 MB, jsdiff and diff-match-patch as peers).
#
#   scripts/bench.sh [--native-only | --browser-only] [-- criterion args]
#
# Timings are printed, never checked: machines are too noisy for pass/fail.
# The browser results are also written to benches/browser/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

native=1
browser=1
case "${1:-}" in
    --native-only) browser=0; shift ;;
    --browser-only) native=0; shift ;;
esac
[ "${1:-}" = "--" ] && shift

if [ "$native" = 1 ]; then
    # bench-native: release settings, unwinding (see Cargo.toml).
    cargo bench --profile bench-native --bench compare -- "$@"
fi
if [ "$browser" = 1 ]; then
    make wasm   # www/pkg/ as the page ships it (wasm-pack release + wasm-opt)
    (cd benches/browser && { [ -d node_modules ] || npm ci --no-audit --no-fund; })
    node benches/browser/run.mjs --pairs seeds,100KB,1MB,2MB
fi
