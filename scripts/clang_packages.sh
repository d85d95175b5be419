# Sourced by scripts/fuzz.sh, scripts/sanitize.sh and scripts/tsan.sh: installs Debian's clang,
# its sanitizer runtimes and libFuzzer when they are missing.
if ! command -v clang++ >/dev/null 2>&1 ||
  ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
    clang libclang-rt-14-dev libfuzzer-14-dev
fi
