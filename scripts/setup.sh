#!/usr/bin/env bash
# Installs what building and testing claimdiff needs, skipping every step whose
# right version is already present, so a second run costs seconds.
#   scripts/setup.sh          # toolchain + wasm tools + npm packages
#   scripts/setup.sh browser  # also Debian's Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The shipped .wasm is built with nightly's build-std (scripts/wasm-build.sh):
# nightly with rust-src and the wasm32 target. Native builds stay on stable.
if ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding nightly Rust with rust-src (for the .wasm build, once)"
  if rustup run nightly rustc --version >/dev/null 2>&1; then
    rustup component add rust-src --toolchain nightly
  else
    rustup toolchain install nightly --profile minimal --component rust-src
  fi || say "warning: no nightly; the .wasm will be built with stable Rust (larger)"
fi
if rustup run nightly rustc --version >/dev/null 2>&1 &&
  ! rustup target list --toolchain nightly --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown --toolchain nightly || true
fi

if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: its lock file names a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "${1:-}" = browser ]; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver
  fi
fi

if [ -f package-lock.json ]; then
  if ! [ -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (playwright-core, binaryen, ...)"
    npm ci --no-audit --no-fund
  fi
fi

# wasm-opt: only the npm package binaryen (>= 116); Debian's 108 silently
# writes a .wasm that fails to load.
if command -v wasm-opt >/dev/null; then
  v=$(wasm-opt --version | grep -o '[0-9]\+' | head -1)
  if [ "$v" -lt 116 ] && [ "$(command -v wasm-opt)" != "$PWD/node_modules/.bin/wasm-opt" ]; then
    say "warning: $(command -v wasm-opt) is binaryen $v, too old; the build uses node_modules/.bin/wasm-opt"
  fi
fi
say "ready"
