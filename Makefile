# claimdiff: build, serve and test. Every step skips itself when its output is
# up to date, so a second `make test` costs seconds plus the tests.
#   make serve   install what is missing, build, serve www/ on http://127.0.0.1:8000
#   make test    install what is missing, lint, run every test, print the counts
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# npm's binaryen (a wasm-opt that understands Rust 1.95's output) wins over any
# other wasm-opt on the machine; chromedriver is Debian's.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

PKG := www/pkg
WASM := $(PKG)/claimdiff_bg.wasm
CORE_INPUTS := Cargo.toml Cargo.lock $(shell find src data -type f 2>/dev/null)
SEEDS := $(patsubst seeds/%,www/seeds/%,$(wildcard seeds/*.txt))
COUNTS := target/test-counts

.PHONY: help setup setup-browser wasm serve lint test test-native test-node test-chrome test-e2e test-size test-fuzz
help:
	@sed -n 's/^#   //p' Makefile

setup:
	scripts/setup.sh

setup-browser:
	scripts/setup.sh browser

wasm: setup $(WASM) $(SEEDS)

# Nightly build-std when setup installed it, else stable (scripts/wasm-build.sh).
$(WASM): $(CORE_INPUTS) build.rs scripts/wasm-build.sh scripts/wasm-opt.sh
	scripts/wasm-build.sh $(PKG)

www/seeds/%.txt: seeds/%.txt
	@mkdir -p www/seeds
	cp $< $@

serve: wasm
	node scripts/serve.mjs --root www --port 8000

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	# On wasm32 only the library (with src/wasm.rs) and the browser tests build:
	# the native tests, benches and property tests need native-only crates.
	cargo clippy --lib --test web --target wasm32-unknown-unknown -- -D warnings

test: setup-browser lint test-native test-node test-chrome test-e2e test-size test-fuzz
	scripts/test-counts.sh summary $(COUNTS)

# Each fuzz target for a short, bounded time (the seeds and the big hostile
# shapes are replayed first); long runs are `make fuzz`. The big shapes get a
# generous limit here: the instrumented build is slow on a loaded machine.
test-fuzz:
	FUZZ_BIG_TIMEOUT=60 scripts/fuzz.sh 15

test-native:
	scripts/test-counts.sh run $(COUNTS)/native cargo -- cargo test

# Only tests/web.rs: the native test files have nothing to run on wasm32.
test-node: setup
	scripts/test-counts.sh run $(COUNTS)/node cargo -- wasm-pack test --node -- --test web

test-chrome: setup-browser
	WASM_BINDGEN_USE_BROWSER=1 scripts/test-counts.sh run $(COUNTS)/headless-chrome cargo -- \
	  wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) -- --test web

test-e2e: setup-browser wasm
	scripts/test-counts.sh run $(COUNTS)/e2e node -- node --test --test-reporter=spec tests/e2e/

# The .wasm size budget (150 KB gzipped, issue #7). The .wasm is still over it
# (benches/README.md, "Size"), so for now this prints the excess and passes,
# but fails over the ceiling: the size reached (211 808 bytes gzipped at the
# merge of the second speed round) plus a little, so that CI fails when the
# .wasm grows. Lower the ceiling as the .wasm shrinks; drop --warn-only and
# --ceiling once it fits, and CI fails over the budget.
test-size: wasm
	scripts/wasm-size.sh --warn-only --ceiling 212500

# Not part of `make test`: timings and long fuzzing stay out of pass/fail
# (see benches/README.md).
.PHONY: bench fuzz wasm-size icount
bench: setup-browser wasm
	scripts/bench.sh
# Instructions of one warm compare of the seeds (callgrind): steady where
# wall-clock times wander with the machine's load.
icount:
	scripts/icount.sh
fuzz:
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)
wasm-size: wasm
	scripts/wasm-size.sh
