#!/usr/bin/env bash
# The sanitizer job: builds concert, its tests and the fuzz harnesses with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer (any report fails), runs the
# whole test suite on that build, then each fuzz harness for SECONDS (default
# 30) as scripts/fuzz.sh does. Usage: scripts/sanitize.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
source scripts/clang_packages.sh
build=build-sanitize
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
# -O1: fast enough for the suite, still precise reports. The library also gets
# the fuzzers' coverage instrumentation, so one build serves both.
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCONCERT_BUILD_EXAMPLES=OFF -DCONCERT_INSTALL=OFF \
  -DCONCERT_BUILD_TESTS=ON -DCONCERT_BUILD_FUZZERS=ON -DCONCERT_WERROR=ON -DCONCERT_BUILD_PYTHON=OFF -DCONCERT_MPI=OFF \
  -DCMAKE_CXX_FLAGS="$sanitize -fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$build" -j"$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
CONCERT_FUZZ_BUILD="$build" CONCERT_FUZZ_NO_BUILD=1 bash scripts/fuzz.sh "$seconds"
