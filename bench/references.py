"""Runs the Python reference implementations on one input and prints the
seconds one run takes (no file of theirs is part of concert; clone them
yourself):

    python3 bench/references.py bdm PATH/TO/bdm-scholz-expected-utility-model FILE.csv
    python3 bench/references.py exchange PATH/TO/decide-exchange-model FILE

bdm: dmasad/bdm-scholz-expected-utility-model (Python 3 fork of jmckib's, same
numbers), 10 rounds. exchange: foarsitter/decide-exchange-model (GPL-3.0),
equal gain, 10 rounds, random tie-breaking off (EqualGainModel.ALLOW_RANDOM =
False) as in the shipped reference runs; its model needs only the standard
library, so the imports of its data layer (typesystem, peewee) are stubbed and
no package has to be installed. bench/bdm_vs_python.sh,
bench/exchange_vs_python.sh and bench/python_bench.py time these beside concert.
"""
import contextlib
import csv
import decimal
import io
import sys
import time
import types

ROUNDS = 10  # as in the concert benchmarks


def bdm_runner(reference: str, path: str):
    """A function that runs the bdm reference once on a Scholz CSV file."""
    sys.path.insert(0, reference)
    import bdm_scholz_model as m
    rows = list(csv.DictReader(open(path, newline="")))

    def run():
        with contextlib.redirect_stdout(io.StringIO()):
            m.BDMScholzModel(rows, verbose=False).run_model(num_rounds=ROUNDS)
    return run


class _Quiet:
    def __getattr__(self, name):
        return lambda *a, **k: None


def exchange_runner(reference: str, path: str):
    """A function that runs the DECIDE reference once (10 rounds) on a DECIDE file."""
    sys.path.insert(0, reference)
    for name in ("typesystem", "typesystem.fields", "peewee", "decide.data.database"):
        sys.modules.setdefault(name, types.ModuleType(name))
    sys.modules["typesystem.fields"].Decimal = decimal.Decimal
    sys.modules["decide.data.database"].Actor = type("Actor", (), {})
    from decide.model import equalgain
    from decide.model.utils import ModelLoop
    equalgain.EqualGainModel.ALLOW_RANDOM = False
    rows = [[f.strip().strip("'") for f in line.rstrip("\n").split("\t")]
            for line in open(path) if line.strip()]

    def run():
        model = equalgain.EqualGainModel()
        issues, marks = {}, {}
        for r in rows:
            if r[0] == "#A":
                model.add_actor(r[1])
            elif r[0] == "#P":
                issues[r[1]] = model.add_issue(r[1])
            elif r[0] == "#M":
                marks.setdefault(r[1], []).append(decimal.Decimal(r[2]))
        for name, issue in issues.items():
            m = marks.get(name, [decimal.Decimal(0), decimal.Decimal(100)])
            issue.lower, issue.upper = min(m), max(m)
        for r in rows:
            if r[0] == "#D":
                model.add_actor_issue(r[1], r[2], decimal.Decimal(r[3]), decimal.Decimal(r[4]),
                                      decimal.Decimal(r[5]))
        loop = ModelLoop(model, _Quiet(), 0)
        for _ in range(ROUNDS):
            loop.loop()
    return run


def seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("bdm", "exchange"):
        sys.exit(__doc__)
    runner = bdm_runner if sys.argv[1] == "bdm" else exchange_runner
    print(seconds(runner(sys.argv[2], sys.argv[3])))
