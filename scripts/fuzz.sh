#!/usr/bin/env bash
# Fuzzes claimdiff's public API with cargo-fuzz (libFuzzer, nightly).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# For each target (default: every target in fuzz/Cargo.toml) it
#   1. replays the committed seeds (fuzz/seeds/) and the big generated shapes
#      (fuzz/generated/: 100 000 commas, a 1 MB word, 20 000 nested quotes, …):
#      each seed must finish within FUZZ_TIMEOUT seconds, each big shape within
#      FUZZ_BIG_TIMEOUT (the fuzz build is instrumented and has debug
#      assertions, so it runs several times slower than the release build);
#   2. fuzzes for SECONDS_PER_TARGET (default 60) with inputs up to
#      FUZZ_MAX_LEN bytes (default 4096: small inputs give millions of
#      executions; the big shapes are covered by step 1).
# It prints the executions reached per target and exits non-zero on any
# crash, panic, timeout or out-of-memory; the input is left in fuzz/artifacts/.
#
# Environment: FUZZ_TIMEOUT (s, default 1), FUZZ_BIG_TIMEOUT (s, default 10), FUZZ_MAX_LEN (bytes, default 4096),
# FUZZ_SANITIZER (default none: the core is safe Rust, and without ASan the
# targets run several times faster; set `address` to use it), FUZZ_JOBS
# (parallel fuzzing processes per target, default 1).
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
timeout_s="${FUZZ_TIMEOUT:-1}"
big_timeout_s="${FUZZ_BIG_TIMEOUT:-10}"
max_len="${FUZZ_MAX_LEN:-4096}"
sanitizer="${FUZZ_SANITIZER:-none}"
jobs="${FUZZ_JOBS:-1}"

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^claimdiff-fuzz$')
fi

python3 fuzz/make_corpus.py
cargo +nightly fuzz build --sanitizer "$sanitizer"
bin_dir="fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release"

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
declare -A executions
failed=0
for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    extra=()
    for dir in "fuzz/seeds/$target" "fuzz/generated/$target"; do
        [ -d "$dir" ] && extra+=("$dir")
    done

    echo "== $target: replaying ${extra[*]:-no seeds}"
    replay="ok"
    for dir in "${extra[@]}"; do
        for file in "$dir"/*; do
            [ -s "$file" ] || continue
            limit="$timeout_s"
            case "$dir" in fuzz/generated/*) limit="$big_timeout_s" ;; esac
            started=$(date +%s%N)
            if ! "$bin_dir/$target" -timeout="$limit" -rss_limit_mb=2048 "$file" >"$logs/replay" 2>&1; then
                echo "   FAILED $file (limit ${limit}s): $(grep -m1 -oE 'timeout after [0-9]+ seconds|panicked at .*|out-of-memory.*|deadly signal' "$logs/replay")"
                replay="seed(s) failed"
                failed=1
            else
                echo "   ok $file ($(( ($(date +%s%N) - started) / 1000000 )) ms)"
            fi
        done
    done

    echo "== $target: fuzzing for ${seconds}s (max_len $max_len, timeout ${timeout_s}s, $jobs job(s))"
    parallel=()
    if [ "$jobs" -gt 1 ]; then parallel=(-fork="$jobs" -ignore_crashes=0); fi
    if cargo +nightly fuzz run --sanitizer "$sanitizer" "$target" "$corpus" "${extra[@]}" -- \
        -max_total_time="$seconds" -timeout="$timeout_s" -max_len="$max_len" \
        -rss_limit_mb=2048 -print_final_stats=1 "${parallel[@]}" >"$logs/$target.log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed=1
        grep -E 'ERROR|panicked|Test unit written|SUMMARY' "$logs/$target.log" | head -20
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)
    if [ -z "$runs" ]; then
        # fork mode reports progress lines instead of final stats.
        runs=$(grep -oE '#[0-9]+' "$logs/$target.log" | tail -1 | tr -d '#')
    fi
    executions[$target]="${runs:-?} $status; replay $replay"
done

echo
printf '%-10s %s\n' target "executions status"
for target in "${targets[@]}"; do
    printf '%-10s %s\n' "$target" "${executions[$target]}"
done
exit "$failed"
