#!/usr/bin/env bash
# ThreadSanitizer: builds concert and its tests with clang and -fsanitize=thread
# (build-tsan) and runs the whole test suite on it, so every threaded path
# (ParallelFor in Monte Carlo, simulate, tournament, order and smp; the CLI's
# --threads runs; cancels) is checked. Any data race fails (exit 66).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/clang_packages.sh
build=build-tsan
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCONCERT_BUILD_EXAMPLES=OFF -DCONCERT_INSTALL=OFF \
  -DCONCERT_BUILD_TESTS=ON -DCONCERT_WERROR=ON -DCONCERT_BUILD_PYTHON=OFF -DCONCERT_MPI=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" >/dev/null
cmake --build "$build" -j"$(nproc)"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
