#!/usr/bin/env bash
# Times concert's exchange model beside the Python reference on the same inputs,
# in one run, and prints the ratios.
#
#   bash bench/exchange_vs_python.sh PATH/TO/decide-exchange-model
#
# The reference is foarsitter/decide-exchange-model (GPL-3.0); clone it yourself,
# nothing of it is part of concert. bench/references.py runs it (no package to
# install; random tie-breaking off, as in the shipped reference runs).
# Needs build/concert_bench (cmake -DCONCERT_BUILD_BENCH=ON) and ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: exchange_vs_python.sh PATH/TO/decide-exchange-model}
data=${CONCERT_SHARED_DATA:-../shared/data}/reference/exchange_decide
[ -x build/concert_bench ] || { echo "build/concert_bench missing: configure with -DCONCERT_BUILD_BENCH=ON" >&2; exit 1; }

# Each time is the best of $REPEAT runs (default 3): the shared machine's noise only slows runs.
repeat=${REPEAT:-3}
best_of() {  # command... -> the smallest number it prints in $repeat runs
  local best="" t
  for _ in $(seq "$repeat"); do
    t=$("$@")
    best=$(python3 -c "print(min(x for x in [$t, ${best:-$t}]))")
  done
  echo "$best"
}

python_seconds() {  # file -> seconds for one run of the reference (10 rounds)
  best_of python3 bench/references.py exchange "$ref" "$1"
}

concert_seconds() {  # benchmark name -> seconds per run
  ./build/concert_bench --benchmark_filter="$1\$" --benchmark_format=json 2>/dev/null |
    python3 -c 'import json,sys; b=json.load(sys.stdin)["benchmarks"][0]; print(b["real_time"] * {"ns":1e-9,"us":1e-6,"ms":1e-3,"s":1}[b["time_unit"]])'
}

printf '%-14s %12s %16s %16s %12s %12s\n' case python_s concert_double_s concert_decimal_s ratio_double ratio_decimal
for case in "sample_data:sample_data.txt" "copenhagen:copenhagen.csv"; do
  name=${case%%:*}; file=${case#*:}
  py=$(python_seconds "$data/$file")
  fast=$(best_of concert_seconds "BM_ExchangeFile/${name}_double")
  exact=$(best_of concert_seconds "BM_ExchangeFile/${name}_decimal")
  python3 -c "print(f'{\"$name\":<14} {$py:12.3f} {$fast:16.5f} {$exact:16.4f} {$py/$fast:11.0f}x {$py/$exact:11.1f}x')"
done

# COP21 (15 actors x 13 issues, the reference's data/input/cop21.csv; read from
# the reference's clone, not shipped): whole `concert forecast` processes.
cop21="$ref/data/input/cop21.csv"
if [ -f "$cop21" ]; then
  py=$(python_seconds "$cop21")
  cli_seconds() {  # arithmetic -> wall seconds of one concert forecast
    python3 - "$cop21" "$1" <<'PY'
import subprocess, sys, time
start = time.perf_counter()
subprocess.run(["./build/concert", "forecast", sys.argv[1], "--input-format", "decide", "-m",
                f"exchange(arithmetic={sys.argv[2]})", "-f", "json", "-o", "/dev/null"], check=True)
print(time.perf_counter() - start)
PY
  }
  fast=$(best_of cli_seconds double)
  exact=$(best_of cli_seconds decimal)
  python3 -c "print(f'{\"cop21\":<14} {$py:12.3f} {$fast:16.5f} {$exact:16.4f} {$py/$fast:11.0f}x {$py/$exact:11.1f}x')"
fi
