#!/usr/bin/env bash
# Runs a test command, keeps its log, and records how many tests it passed and
# failed, so that `make test` can print every suite's count and fail when a
# suite ran no test at all (wasm-pack prints success even then).
#   scripts/test-counts.sh run FILE FORMAT -- COMMAND...   FORMAT: cargo | node
#   scripts/test-counts.sh summary DIR
set -euo pipefail

# The closing lines each runner prints, and how to read the counts from them.
count() {
  local format=$1 log=$2
  case "$format" in
    # `test result: ok. 5 passed; 0 failed; ...`, once per test binary.
    cargo) awk '/^test result:/ { for (i = 1; i <= NF; i++) {
                   if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
                END { printf "%d %d\n", p, f }' "$log" ;;
    # node --test's spec reporter: `ℹ pass 12` / `ℹ fail 0` (tap: `# pass 12`).
    node) awk '$2 == "pass" { p = $3 } $2 == "fail" { f = $3 } END { printf "%d %d\n", p, f }' "$log" ;;
    *) echo "unknown format $format" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  run)
    file=$2 format=$3
    shift 4
    mkdir -p "$(dirname "$file")"
    log="$file.log"
    status=0
    "$@" 2>&1 | tee "$log" || status=$?
    read -r passed failed < <(count "$format" "$log")
    echo "$passed $failed" > "$file"
    name=$(basename "$file")
    if [ "$status" -ne 0 ]; then
      echo "$name: FAILED (exit $status; $passed passed, $failed failed)" >&2
      exit "$status"
    fi
    if [ "$passed" -eq 0 ]; then
      echo "$name: ran no test; failing" >&2
      exit 1
    fi
    ;;
  summary)
    dir=$2 total_p=0 total_f=0
    echo
    for name in native node headless-chrome e2e; do
      if ! [ -f "$dir/$name" ]; then
        echo "$name: no count recorded" >&2
        exit 1
      fi
      read -r p f < "$dir/$name"
      printf '%s: %d passed, %d failed\n' "$name" "$p" "$f"
      total_p=$((total_p + p)) total_f=$((total_f + f))
    done
    printf 'total: %d passed, %d failed\n' "$total_p" "$total_f"
    [ "$total_f" -eq 0 ]
    ;;
  *)
    sed -n '2,6p' "$0" >&2
    exit 2
    ;;
esac
