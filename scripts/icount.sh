#!/usr/bin/env bash
# Counts the instructions of one warm compare with callgrind: the measure for
# comparing two builds, since it does not move with the machine's load as
# wall-clock times do (benches/README.md, "Instruction counts").
#
#   scripts/icount.sh [A.txt B.txt]      # default: the seeds
#
# It runs examples/timing.rs once with 1 compare and once with 4, and prints
# (I4 - I1) / 3: the cost of a compare after the first, which also pays for
# the engine's static tables. Needs valgrind (Debian's package).
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:-seeds/kazinform-2022-01-12.txt}
b=${2:-seeds/csto-peacekeepers-undated.txt}
command -v valgrind >/dev/null || { echo "icount: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
cargo build --quiet --release --example timing
bin=target/release/examples/timing
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() {
    valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" "$bin" "$a" "$b" "$1" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
one=$(count 1)
four=$(count 4)
echo "instructions per warm compare of $(basename "$a") and $(basename "$b"): $(((four - one) / 3))"
echo "(first compare, with the static tables: $one)"
