#!/usr/bin/env bash
# Consumer tests (as fmt's): a downstream CMake project builds against the
# installed package (find_package) and against the source tree
# (add_subdirectory), and the example program runs in both.
#   bash tests/consumers/run.sh [BUILD_DIR]   (BUILD_DIR: an existing build of concert)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)
expected=$'compromise: 40.00\nmedian: 20.00'

cmake --install "$build" --prefix "$work/prefix" > /dev/null
cmake -S tests/consumers/find-package-test -B "$work/find" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$work/find" -j"$jobs" > /dev/null
got=$("$work/find/forecast")
[ "$got" = "$expected" ] || { echo "find-package-test: got '$got'"; exit 1; }
echo "find-package-test: ok (and every installed header compiles in a consumer)"

cmake -S tests/consumers/add-subdirectory-test -B "$work/sub" > /dev/null
cmake --build "$work/sub" -j"$jobs" --target forecast > /dev/null
got=$("$work/sub/forecast")
[ "$got" = "$expected" ] || { echo "add-subdirectory-test: got '$got'"; exit 1; }
echo "add-subdirectory-test: ok"
