#!/usr/bin/env bash
# Builds concert with warnings as errors and runs every test. Run scripts/setup.sh once first.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCONCERT_WERROR=ON -DCONCERT_BUILD_TESTS=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
