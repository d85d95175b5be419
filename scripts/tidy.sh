#!/usr/bin/env bash
# clang-tidy (checks in .clang-tidy) on the library and CLI sources, or on the
# files given; needs a configured build (build/compile_commands.json).
#   bash scripts/tidy.sh [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/compile_commands.json ] || { echo "run scripts/setup.sh or scripts/test.sh first"; exit 1; }
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files 'src/*.cc' 'apps/*.cc'); fi
printf '%s\n' "${files[@]}" | xargs -P"$(nproc)" -n4 clang-tidy -p build --quiet 2>&1 |
  grep -v '^[0-9]* warnings\? generated' | grep -v '^Suppressed\|^Use -header-filter' > /tmp/concert_tidy.txt || true
if grep -q 'error:' /tmp/concert_tidy.txt; then
  cat /tmp/concert_tidy.txt
  exit 1
fi
echo "clang-tidy: clean (${#files[@]} files)"
