"""concert from Python: per-call overhead, Monte Carlo beside the CLI, and two
forecasts on two Python threads. Prints medians and ratios; asserts nothing
(speed is measured here, never in the tests).

    PYTHONPATH=build/python python3 bench/python_bench.py [--repeats 7]
        [--bdm-reference PATH] [--exchange-reference PATH]

With a reference's clone given (bench/references.py says which), the same
forecast is timed in this process with the Python reference and with
concert.forecast on the reference's own inputs from ../shared/data.
"""
import argparse
import os
import statistics
import subprocess
import threading
import sys
import time

import concert

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import references  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SIX = os.path.join(ROOT, "scenarios", "six_party_talks_2005.yaml")
BINARY = os.environ.get("CONCERT_BINARY", os.path.join(ROOT, "build", "concert"))
SHARED = os.environ.get("CONCERT_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))


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
    parser.add_argument("--bdm-reference", help="a clone of the bdm-scholz reference")
    parser.add_argument("--exchange-reference", help="a clone of decide-exchange-model")
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

    # 4. The same forecast from Python: the Python reference against concert.
    cases = []
    if args.bdm_reference:
        for name in ("scholz_ExampleActors.csv", "scholz_Sultan.csv"):
            cases.append((references.bdm_runner, args.bdm_reference,
                          os.path.join(SHARED, "reference", "bdm_scholz", name), "bdm",
                          ["bdm(rounds=10)"]))
    if args.exchange_reference:
        for name in ("sample_data.txt", "copenhagen.csv"):
            cases.append((references.exchange_runner, args.exchange_reference,
                          os.path.join(SHARED, "reference", "exchange_decide", name), "decide",
                          ["exchange(arithmetic=double)", "exchange(arithmetic=decimal)"]))
    for runner, reference, path, fmt, specs in cases:
        ref = median_seconds(runner(reference, path), args.repeats)
        scenario = concert.read_scenario(path, fmt)
        for spec in specs:
            ours = median_seconds(lambda: concert.forecast(scenario, models=spec, progress=None),
                                  args.repeats)
            print(f"{os.path.basename(path)} {spec}: python reference {ref:.4f} s, "
                  f"concert.forecast {ours * 1e3:.3f} ms, ratio {ref / ours:.0f}x")


if __name__ == "__main__":
    main()
