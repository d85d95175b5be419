#!/usr/bin/env bash
# Times concert's smp beside KTAB's smpc on the same inputs, in one run, checks
# that both end in the same positions, and prints the ratios.
#
#   bash bench/smp_vs_ktab.sh [PATH/TO/smpc [PATH/TO/smpc-logger.conf]]
#
# KTAB (github.com/KAPSARC/KTAB, MIT) is not part of concert: build its smpc
# yourself (with -O2; the upstream build is Debug). smpc must run in a folder
# holding smpc-logger.conf (from KTAB's examples/smp). Without smpc, only
# concert is timed. Inputs: KTAB's dummyData_3Dim (7x3) and SOE-Pol-Comp (13x2)
# from data/ktab_smp, and random scenarios from bench/make_ktab_scenario.py
# (27x6, 50x5, 80x1, 250x5; smpc is skipped on 250x5, which takes it hours).
# Times are the median of 3 wall-clock runs of the command-line programs.
set -euo pipefail
cd "$(dirname "$0")/.."
smpc=${1:-}
conf=${2:-$(dirname "${smpc:-.}")/smpc-logger.conf}
[ -x build/concert ] || { echo "build/concert missing: run scripts/setup.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp data/ktab_smp/dummyData_3Dim.csv "$work/dummy_7x3.csv"
cp data/ktab_smp/SOE-Pol-Comp.csv "$work/soe_13x2.csv"
for size in 27x6 50x5 80x1 250x5; do
  python3 bench/make_ktab_scenario.py "${size%x*}" "${size#*x}" 1 >"$work/random_$size.csv"
done
if [ -n "$smpc" ]; then
  [ -f "$conf" ] || { echo "no smpc-logger.conf at $conf (give its path as 2nd argument)" >&2; exit 1; }
  cp "$conf" "$work/"
fi

median3() {  # command... -> median wall seconds of 3 runs
  local t=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    t+=("$(python3 -c "print($end - $start)")")
  done
  printf '%s\n' "${t[@]}" | sort -g | sed -n 2p
}

# Largest difference between KTAB's and concert's final positions (0-100).
compare() {  # ktab.db concert.csv
  python3 - "$1" "$2" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
last = db.execute("select max(Turn_t) from VectorPosition").fetchone()[0]
ktab = {(a, d): p for a, d, p in db.execute(
    "select Act_i, Dim_k, Pos_Coord from VectorPosition where Turn_t = ?", (last,))}
rows = list(csv.DictReader(open(sys.argv[2])))
issues = list(dict.fromkeys(r["issue"] for r in rows))
actors = list(dict.fromkeys(r["actor"] for r in rows))
ours_last = max(int(r["round"]) for r in rows)
ours = {(actors.index(r["actor"]), issues.index(r["issue"])): float(r["position"])
        for r in rows if int(r["round"]) == ours_last}
diff = max(abs(ours[k] - v) for k, v in ktab.items())
print(f"{last}/{ours_last} turns, max |diff| {diff:.2g}")
PY
}

printf '%-14s %10s %10s %8s  %s\n' input concert_s ktab_s ratio "check (KTAB/concert turns, final positions)"
for f in "$work"/*.csv; do
  name=$(basename "$f" .csv)
  ours=$(median3 ./build/concert forecast "$f" -m smp -f json -o "$work/$name.json")
  if [ -n "$smpc" ] && [ "$name" != random_250x5 ]; then
    theirs=$(cd "$work" && median3 "$smpc" --csv "$f" --logmin --connstr "Driver=QSQLITE;Database=$name")
    ./build/concert forecast "$f" -m smp -f csv >"$work/$name.rounds.csv"
    check=$(compare "$work/$name.db" "$work/$name.rounds.csv")
    printf '%-14s %10.3f %10.3f %7.0fx  %s\n' "$name" "$ours" "$theirs" \
      "$(python3 -c "print($theirs / $ours)")" "$check"
  else
    printf '%-14s %10.3f %10s %8s\n' "$name" "$ours" - -
  fi
done
