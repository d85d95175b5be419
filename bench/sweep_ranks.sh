#!/usr/bin/env bash
# Jobs per second of a 10,000-job sweep (the Six-Party scenario under
# compromise and bdm; China's nuclear salience at 50 values x the DPRK's
# capability at 100) on 1 process and on 2 MPI ranks, one thread each, whole
# process (reading, planning, the store), median of 3 runs, and the store's
# bytes per job. bench/sweep_bench.cc gives the store's share of the time.
#
#   bash bench/sweep_ranks.sh          # needs build/concert built with CONCERT_MPI
#   DRAWS=20 bash bench/sweep_ranks.sh # each job also runs 20 Monte Carlo draws
# mpirun -np 1 shows the launcher's own cost (about half a second here).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/sweep.yaml" <<YAML
name: bench 10k
scenarios: [$PWD/scenarios/six_party_talks_2005.yaml]
models: [compromise, bdm]
vary:
  stances.CHN.nuclear.salience: {range: [50, 99], steps: 50}
  actors.PRK.capability: {range: [0.005, 0.0248], steps: 100}
draws: ${DRAWS:-0}
YAML
run() {  # label, command prefix -> median seconds of 3 runs
  local times=()
  for _ in 1 2 3; do
    rm -f "$work"/store.sqlite*
    local start end
    start=$(date +%s.%N)
    $2 build/concert sweep "$work/sweep.yaml" --store "$work/store.sqlite" --threads 1 --quiet >/dev/null
    end=$(date +%s.%N)
    times+=("$(python3 -c "print($end - $start)")")
  done
  python3 -c "import statistics,sys; print(statistics.median(float(t) for t in sys.argv[1:]))" "${times[@]}"
}
one=$(run "1 rank" "")
mpi1=$(run "mpirun 1" "mpirun -np 1")
two=$(run "2 ranks" "mpirun -np 2 --oversubscribe")
bytes=$(stat -c %s "$work/store.sqlite")
python3 - "$one" "$mpi1" "$two" "$bytes" "${DRAWS:-0}" <<'PY'
import sys
one, mpi1, two, size = map(float, sys.argv[1:5])
print(f"10,000 jobs, {sys.argv[5]} draws each, one thread per process")
print(f"{'processes':<22} {'seconds':>8} {'jobs/s':>9}")
print(f"{'1 (no mpirun)':<22} {one:8.3f} {10000 / one:9.0f}")
print(f"{'1 rank (mpirun -np 1)':<22} {mpi1:8.3f} {10000 / mpi1:9.0f}")
print(f"{'2 ranks (mpirun -np 2)':<22} {two:8.3f} {10000 / two:9.0f}   ({one / two:.2f}x of 1)")
size = int(size)
print(f"store: {size} bytes, {size / 10000:.0f} bytes/job")
PY
