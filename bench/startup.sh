#!/usr/bin/env bash
# The whole process beside the model: how long `concert` takes to start, read a
# small scenario, run one model and write its output, against /bin/true (the
# cost of any exec on this machine) and the model alone (concert_bench).
#
#   bash bench/startup.sh [RUNS]     (default 60 runs of each command)
#
# The commands are run in turn, RUNS times round, so a machine that slows down
# slows them all; each line is the median. Needs build/concert and
# build/concert_bench (cmake -DCONCERT_BUILD_BENCH=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-60}
[ -x build/concert_bench ] || { echo "build/concert_bench missing: configure with -DCONCERT_BUILD_BENCH=ON" >&2; exit 1; }
bdm=scenarios/emission_standards_1994.yaml  # 10 actors, 1 issue
smp=data/ktab_smp/dummyData_3Dim.csv        # KTAB's 7 x 3

model_ms() {  # benchmark name -> milliseconds per run
  ./build/concert_bench --benchmark_filter="$1\$" --benchmark_format=json 2>/dev/null |
    python3 -c 'import json,sys; b=json.load(sys.stdin)["benchmarks"][0]; print(b["real_time"] * {"ns":1e-6,"us":1e-3,"ms":1,"s":1e3}[b["time_unit"]])'
}
bdm_ms=$(model_ms BM_BdmFile/emission_10_actors)
smp_ms=$(model_ms BM_SmpKtabInput/dummy_7x3)

python3 - "$runs" "$bdm_ms" "$smp_ms" <<EOF
import os, statistics, sys, time
runs, bdm_ms, smp_ms = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
c = "build/concert"
cases = [  # (label, argv, model ms or None)
    ("/bin/true", ["/bin/true"], None),
    ("concert --version", [c, "--version"], None),
    ("bdm 10 actors, json", [c, "forecast", "$bdm", "-m", "bdm", "-f", "json"], bdm_ms),
    ("bdm 10 actors, text", [c, "forecast", "$bdm", "-m", "bdm"], bdm_ms),
    ("smp 7x3, json", [c, "forecast", "$smp", "-m", "smp", "-f", "json"], smp_ms),
    ("smp 7x3, text", [c, "forecast", "$smp", "-m", "smp"], smp_ms),
]
null = os.open(os.devnull, os.O_WRONLY)
times = [[] for _ in cases]
for _ in range(runs):
    for i, (_, argv, _) in enumerate(cases):
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
        if os.waitpid(pid, 0)[1] != 0:
            sys.exit(f"failed: {' '.join(argv)}")
        times[i].append((time.perf_counter() - start) * 1e3)
true_ms = statistics.median(times[0])
print(f"{'command':<22} {'process_ms':>10} {'model_ms':>9} {'above_model':>11} {'above_true':>10}")
for (label, _, model), t in zip(cases, times):
    ms = statistics.median(t)
    above = f"{ms - model:11.2f}" if model is not None else f"{'':11}"
    shown = f"{model:9.3f}" if model is not None else f"{'':9}"
    print(f"{label:<22} {ms:10.2f} {shown} {above} {ms - true_ms:10.2f}")
EOF
