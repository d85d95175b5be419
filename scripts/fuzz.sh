#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/) with clang, ASan and UBSan, and
# runs each for SECONDS (default 30), two at a time (CONCERT_FUZZ_JOBS). Exits non-zero on any
# finding (crash, sanitizer report, leak, timeout, out-of-memory); the input
# that caused it is left in build-fuzz/findings/. Usage: scripts/fuzz.sh [SECONDS]
# (scripts/sanitize.sh sets CONCERT_FUZZ_BUILD and CONCERT_FUZZ_NO_BUILD to run
# the harnesses of its own sanitizer build.)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
source scripts/clang_packages.sh
build="${CONCERT_FUZZ_BUILD:-build-fuzz}"
if [ -z "${CONCERT_FUZZ_NO_BUILD:-}" ]; then
  sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCONCERT_BUILD_CLI=OFF -DCONCERT_BUILD_TESTS=OFF -DCONCERT_BUILD_EXAMPLES=OFF \
    -DCONCERT_INSTALL=OFF -DCONCERT_BUILD_FUZZERS=ON -DCONCERT_WERROR=ON -DCONCERT_BUILD_PYTHON=OFF \
    -DCMAKE_CXX_FLAGS="$sanitize -fsanitize=fuzzer-no-link" >/dev/null
  cmake --build "$build" -j"$(nproc)"
fi

harnesses=(yaml json ktab decide bdm spec institution order voting)
mkdir -p "$build/findings"
run() {
  local name="$1" work="$build/corpus/$1"
  mkdir -p "$work"
  # New inputs go to the work corpus; the seed corpus in the tree is read only.
  if "$build"/tests/fuzz/fuzz_"$name" "$work" "tests/fuzz/corpus/$name" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/findings/$name-" -print_final_stats=1 \
      >"$build/$name.log" 2>&1; then
    echo "fuzz_$name: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/$name.log" |
      grep -o '[0-9]*$') runs in ${seconds} s, no finding"
  else
    echo "fuzz_$name: FINDING ($build/$name.log):"
    grep -E 'ERROR|SUMMARY|Test unit written' "$build/$name.log" | head -5
    return 1
  fi
}
export -f run
export seconds build
status=0
printf '%s\n' "${harnesses[@]}" | xargs -P "${CONCERT_FUZZ_JOBS:-2}" -I{} bash -c 'run {}' || status=1
exit $status
