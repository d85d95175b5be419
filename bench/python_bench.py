"""concert from Python: per-call overhead, Monte Carlo beside the CLI, and two
forecasts on two Python threads. Prints medians and ratios; asserts nothing
(speed is measured here, never in the tests).

    PYTHONPATH=build/python python3 bench/python_bench.py [--repeats 7]

The Python reference implementations (bdm_vs_python.sh, exchange_vs_python.sh)
are timed beside concert by those scripts; this one times the bindings
against the library they wrap.
"""
import argparse
import os
import statistics
import subprocess
import threading
import time

import concert

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SIX = os.path.join(ROOT, "scenarios", "six_party_talks_2005.yaml")
BINARY = os.environ.get("CONCERT_BINARY", os.path.join(ROOT, "build", "concert"))


def median_seconds(job, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--draws", type=int, default=10_000)
    args = parser.parse_args()
    six = concert.read_scenario(SIX)

    # 1. One forecast under compromise: the whole Python call, and its parts.
    calls = 2000
    per_call = median_seconds(
        lambda: [concert.forecast(six, models="compromise", progress=None) for _ in range(calls)],
        args.repeats) / calls
    with_table = median_seconds(
        lambda: [concert.forecast(six, models="compromise", progress=None).to_json()
                 for _ in range(calls)], args.repeats) / calls
    print(f"forecast(six, compromise): {per_call * 1e6:.1f} us per call "
          f"({with_table * 1e6:.1f} us with to_json)")

    # 2. Monte Carlo draws of bdm: Python against the CLI (whole process).
    threads = os.cpu_count() or 1
    py = median_seconds(lambda: concert.forecast(six, models="bdm", draws=args.draws,
                                                 progress=None), args.repeats)
    cli = median_seconds(lambda: subprocess.run(
        [BINARY, "forecast", SIX, "-m", "bdm", "--draws", str(args.draws), "-q", "-f", "json",
         "-o", os.devnull], check=True), args.repeats)
    print(f"{args.draws} draws of bdm ({threads} threads): python {py:.3f} s, cli {cli:.3f} s, "
          f"python/cli {py / cli:.3f}")

    # 3. Two single-threaded forecasts on two Python threads against one.
    def one():
        concert.forecast(six, models="bdm", draws=args.draws // 2, threads=1, progress=None)

    def two():
        workers = [threading.Thread(target=one) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

    single, double = median_seconds(one, args.repeats), median_seconds(two, args.repeats)
    print(f"two forecasts on two Python threads: {double:.3f} s against {single:.3f} s for one "
          f"(ratio {double / single:.2f}; 1.0 = fully parallel, 2.0 = serialised)")


if __name__ == "__main__":
    main()
