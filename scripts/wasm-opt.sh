#!/usr/bin/env bash
# Shrinks the release .wasm with npm's binaryen wasm-opt, in place, and prints
# the sizes before and after. Debian's binaryen 108 predates the features Rust
# 1.95 emits and writes a module that fails to load, so only a wasm-opt of
# version 116 or later is used; without one the .wasm is left as built.
#
# -Os, but with no inlining of functions that have one caller (-ocimfs 0):
# that inlining makes the .wasm smaller but the gzipped .wasm, what readers
# download, about 14 KB larger (benches/README.md, "Size"); the cost in speed
# is within the noise. Functions are then sorted by name, so that the many
# instances of one generic function sit together where gzip finds their
# likeness (-3 KB gzipped; wasm-bindgen's output still has the name section).
# Names, debug sections and the producers section go.
set -euo pipefail
wasm=$1
opt=$(command -v wasm-opt || true)
version=$([ -n "$opt" ] && "$opt" --version | grep -o '[0-9]\+' | head -1 || echo 0)
if [ "${version:-0}" -lt 116 ]; then
  echo "[wasm-opt] no binaryen >= 116 on PATH (run npm ci); keeping the unoptimised .wasm"
  exit 0
fi
before=$(wc -c < "$wasm")
"$opt" -Os --one-caller-inline-max-function-size 0 --reorder-functions-by-name \
  --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
after=$(wc -c < "$wasm")
echo "[wasm-opt] binaryen $version: $before -> $after bytes ($(gzip -9 -c "$wasm" | wc -c) gzipped)"
