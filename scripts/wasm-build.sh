#!/usr/bin/env bash
# Builds the shipped .wasm and its JavaScript glue into OUT_DIR (www/pkg), the
# smallest way this machine allows (benches/README.md, "Size", measures each
# step):
#
#   scripts/wasm-build.sh [OUT_DIR]
#
# - With a nightly toolchain that has rust-src (scripts/setup.sh installs it),
#   the standard library is rebuilt with the crate (-Z build-std) so that a
#   panic is a bare trap (-C panic=immediate-abort: no panic messages, no
#   formatting of them) and std picks its size-optimised algorithms
#   (optimize_for_size); the core never panics on any input, so nothing is
#   lost. std and the other dependencies are compiled at opt-level 3, as the
#   prebuilt std is: at the crate's "s" they cost a fifth more time per
#   comparison for 6 KB. Together this saves about 31 KB gzipped at the same
#   speed as the stable build.
# - Without one, or if that build fails (nightly flags change), it builds
#   with stable Rust as before and says so; native builds never use nightly.
#
# WASM_OPT_LEVEL (s) is the crate's opt-level in the .wasm: z is 19 KB
# gzipped smaller but 1.8 times as slow. WASM_TOOLCHAIN (nightly) names the nightly
# toolchain. The .wasm is then shrunk by scripts/wasm-opt.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-www/pkg}
toolchain=${WASM_TOOLCHAIN:-nightly}
export CARGO_PROFILE_RELEASE_OPT_LEVEL=${WASM_OPT_LEVEL:-s}
pack=(wasm-pack build --target web --release --out-dir "$out" --no-pack .)

say() { printf '\033[1m[wasm-build]\033[0m %s\n' "$*"; }

has_nightly() {
    rustup run "$toolchain" rustc --version >/dev/null 2>&1 &&
        rustup component list --toolchain "$toolchain" --installed 2>/dev/null | grep -q '^rust-src'
}

if has_nightly; then
    say "$toolchain with build-std, panic=immediate-abort, opt-level $CARGO_PROFILE_RELEASE_OPT_LEVEL"
    # Its own target directory, so that it never invalidates stable builds.
    if RUSTUP_TOOLCHAIN=$toolchain CARGO_TARGET_DIR=target/wasm-build-std \
        RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
        "${pack[@]}" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
        --config 'profile.release.package."*".opt-level=3'; then
        exec scripts/wasm-opt.sh "$out/claimdiff_bg.wasm"
    fi
    say "warning: the $toolchain build failed; building with stable Rust (a larger .wasm)"
else
    say "warning: no $toolchain toolchain with rust-src (scripts/setup.sh installs it);" \
        "building with stable Rust (a larger .wasm)"
fi
"${pack[@]}"
exec scripts/wasm-opt.sh "$out/claimdiff_bg.wasm"
