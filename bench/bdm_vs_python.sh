#!/usr/bin/env bash
# Times concert's bdm beside the Python reference on the same inputs, in one run,
# and prints the ratio.
#
#   bash bench/bdm_vs_python.sh PATH/TO/bdm-scholz-expected-utility-model
#
# The reference is dmasad/bdm-scholz-expected-utility-model (Python 3 fork of
# jmckib's, same numbers); clone it yourself, nothing of it is part of concert.
# Needs build/concert_bench (cmake -DCONCERT_BUILD_BENCH=ON) and ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: bdm_vs_python.sh PATH/TO/reference}
data=${CONCERT_SHARED_DATA:-../shared/data}/reference/bdm_scholz
[ -x build/concert_bench ] || { echo "build/concert_bench missing: configure with -DCONCERT_BUILD_BENCH=ON" >&2; exit 1; }

python_seconds() {  # file -> seconds for one run of the reference (10 rounds)
  python3 bench/references.py bdm "$ref" "$1"
}

concert_seconds() {  # benchmark name -> seconds per run
  ./build/concert_bench --benchmark_filter="$1\$" --benchmark_format=json 2>/dev/null |
    python3 -c 'import json,sys; b=json.load(sys.stdin)["benchmarks"][0]; print(b["real_time"] * {"ns":1e-9,"us":1e-6,"ms":1e-3,"s":1}[b["time_unit"]])'
}

printf '%-22s %14s %14s %10s\n' case python_s concert_s ratio
for case in "emission_10_actors:scholz_ExampleActors.csv" "sultan_17_actors:scholz_Sultan.csv"; do
  name=${case%%:*}; file=${case#*:}
  py=$(python_seconds "$data/$file")
  cc=$(concert_seconds "BM_BdmFile/$name")
  python3 -c "print(f'{\"$name\":<22} {$py:14.4f} {$cc:14.7f} {$py/$cc:10.0f}x')"
done
