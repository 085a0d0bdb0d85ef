#!/usr/bin/env bash
# Checks the shipped .wasm against the size budget (gzip -9), and prints what
# each optimisation step would weigh, so that a regression is easy to place.
#
#   scripts/wasm-size.sh [WASM] [--budget BYTES]
#
# WASM defaults to www/pkg/claimdiff_bg.wasm (`make wasm`); the budget to
# 153600 bytes (150 KB) gzipped, from issue #7. Exits 1 over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm="www/pkg/claimdiff_bg.wasm"
budget=153600
while [ $# -gt 0 ]; do
    case "$1" in
        --budget) budget="$2"; shift 2 ;;
        *) wasm="$1"; shift ;;
    esac
done
[ -f "$wasm" ] || { echo "wasm-size: no $wasm (run make wasm)" >&2; exit 2; }

gz() { gzip -9 -c "$1" | wc -c; }
row() { printf '  %-34s %9d bytes %9d gzipped\n' "$1" "$(wc -c <"$2")" "$(gz "$2")"; }

echo "wasm size of $wasm"
row "as shipped" "$wasm"
opt=$(PATH="node_modules/.bin:$PATH" command -v wasm-opt || true)
if [ -n "$opt" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
        --enable-mutable-globals --enable-reference-types --enable-multivalue)
    "$opt" "${features[@]}" --strip-debug --strip-producers "$wasm" -o "$tmp/strip.wasm" &&
        row "with names/producers stripped" "$tmp/strip.wasm"
    "$opt" "${features[@]}" -Oz --strip-debug --strip-producers "$wasm" -o "$tmp/oz.wasm" &&
        row "wasm-opt -Oz, stripped" "$tmp/oz.wasm"
fi
size=$(gz "$wasm")
if [ "$size" -gt "$budget" ]; then
    echo "wasm-size: FAIL: $size bytes gzipped, over the budget of $budget" >&2
    exit 1
fi
echo "wasm-size: ok: $size bytes gzipped, budget $budget"
