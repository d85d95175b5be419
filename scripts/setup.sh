#!/usr/bin/env bash
# Installs concert's Debian packages, builds it (Release) and runs a forecast of
# the shipped Six-Party Talks scenario. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev
          libgtest-dev librapidcheck-dev libgmp-dev libsqlite3-dev libopenmpi-dev openmpi-bin
          libcpp-httplib-dev
          pybind11-dev python3-dev python3-pandas python3-numpy python3-pytest python3-tqdm
          python3-matplotlib)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# -Werror as in scripts/test.sh, so the test build reuses these objects.
# The Python module is built for Debian's python3, which has the packages above.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCONCERT_WERROR=ON -DPython_EXECUTABLE=/usr/bin/python3
cmake --build build -j"$(nproc)"
./build/concert forecast scenarios/six_party_talks_2005.yaml
