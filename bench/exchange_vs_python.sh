#!/usr/bin/env bash
# Times concert's exchange model beside the Python reference on the same inputs,
# in one run, and prints the ratios.
#
#   bash bench/exchange_vs_python.sh PATH/TO/decide-exchange-model
#
# The reference is foarsitter/decide-exchange-model (GPL-3.0); clone it yourself,
# nothing of it is part of concert. Its model needs only the standard library;
# the imports of its data layer (typesystem, peewee) are stubbed here so that
# no package has to be installed. Random tie-breaking is switched off
# (EqualGainModel.ALLOW_RANDOM = False), as in the shipped reference runs.
# Needs build/concert_bench (cmake -DCONCERT_BUILD_BENCH=ON) and ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: exchange_vs_python.sh PATH/TO/decide-exchange-model}
data=${CONCERT_SHARED_DATA:-../shared/data}/reference/exchange_decide
[ -x build/concert_bench ] || { echo "build/concert_bench missing: configure with -DCONCERT_BUILD_BENCH=ON" >&2; exit 1; }

python_seconds() {  # DECIDE file -> seconds for 10 rounds of the reference
  python3 - "$ref" "$1" <<'PY'
import decimal, sys, time, types
sys.path.insert(0, sys.argv[1])
for name in ("typesystem", "typesystem.fields", "peewee", "decide.data.database"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["typesystem.fields"].Decimal = decimal.Decimal
sys.modules["decide.data.database"].Actor = type("Actor", (), {})
from decide.model import equalgain
from decide.model.utils import ModelLoop
equalgain.EqualGainModel.ALLOW_RANDOM = False
model = equalgain.EqualGainModel()
rows = [[f.strip().strip("'") for f in line.rstrip("\n").split("\t")]
        for line in open(sys.argv[2]) if line.strip()]
issues, marks = {}, {}
for r in rows:
    if r[0] == "#A": model.add_actor(r[1])
    elif r[0] == "#P": issues[r[1]] = model.add_issue(r[1])
    elif r[0] == "#M": marks.setdefault(r[1], []).append(decimal.Decimal(r[2]))
for name, issue in issues.items():
    m = marks.get(name, [decimal.Decimal(0), decimal.Decimal(100)])
    issue.lower, issue.upper = min(m), max(m)
for r in rows:
    if r[0] == "#D":
        model.add_actor_issue(r[1], r[2], decimal.Decimal(r[3]), decimal.Decimal(r[4]),
                              decimal.Decimal(r[5]))
class Quiet:
    def __getattr__(self, name):
        return lambda *a, **k: None
loop = ModelLoop(model, Quiet(), 0)
start = time.perf_counter()
for _ in range(10):
    loop.loop()
print(time.perf_counter() - start)
PY
}

concert_seconds() {  # benchmark name -> seconds per run
  ./build/concert_bench --benchmark_filter="$1\$" --benchmark_format=json 2>/dev/null |
    python3 -c 'import json,sys; b=json.load(sys.stdin)["benchmarks"][0]; print(b["real_time"] * {"ns":1e-9,"us":1e-6,"ms":1e-3,"s":1}[b["time_unit"]])'
}

printf '%-14s %12s %16s %16s %12s %12s\n' case python_s concert_double_s concert_decimal_s ratio_double ratio_decimal
for case in "sample_data:sample_data.txt" "copenhagen:copenhagen.csv"; do
  name=${case%%:*}; file=${case#*:}
  py=$(python_seconds "$data/$file")
  fast=$(concert_seconds "BM_ExchangeFile/${name}_double")
  exact=$(concert_seconds "BM_ExchangeFile/${name}_decimal")
  python3 -c "print(f'{\"$name\":<14} {$py:12.3f} {$fast:16.5f} {$exact:16.4f} {$py/$fast:11.0f}x {$py/$exact:11.1f}x')"
done
