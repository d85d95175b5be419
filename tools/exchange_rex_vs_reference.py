#!/usr/bin/env python3
"""Round 1 of exchange(p=P) beside the Python reference's REX, on the same draws.

    python3 tools/exchange_rex_vs_reference.py PATH/TO/decide-exchange-model FILE [P] [SEED]
        [--concert-eu-max]

The reference is foarsitter/decide-exchange-model @ 51dee66 (GPL-3.0); clone it
yourself, nothing of it is part of concert. Its data layer's imports are stubbed
(as in bench/exchange_vs_python.sh) and random tie-breaking is off. Each
candidate exchange draws its u, v, z from concert's stream for it,
Stream(seed, DrawIndex(1, k)) (SplitMix64, src/concert/core/random.h), so
the two runs see the same numbers. Prints both lists of executed exchanges
(actors, supply issues, each side's gain, the equal gain) where they differ, and
the first difference. --concert-eu-max replaces the reference's maximum gains
by concert's (the most a side can gain within both caps) to isolate the other
differences (docs/models/exchange.md). Needs build/concert.
"""
import csv
import decimal
import json
import os
import subprocess
import sys
import types

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class Stream:  # concert::Stream
    def __init__(self, seed, index):
        self.state = mix(seed ^ mix((index + GOLDEN) & MASK))

    def uniform(self):
        self.state = (self.state + GOLDEN) & MASK
        return (mix(self.state) >> 11) * 2.0**-53


def draw_index(round_number, candidate):  # exchange::DrawIndex
    return (1 << 63) | (round_number << 32) | candidate


def reference_round(ref, path, p, seed, concert_eu_max):
    sys.path.insert(0, ref)
    for name in ("typesystem", "typesystem.fields", "peewee", "decide.data.database"):
        sys.modules[name] = types.ModuleType(name)
    sys.modules["typesystem.fields"].Decimal = decimal.Decimal
    sys.modules["decide.data.database"].Actor = type("Actor", (), {})
    import random

    from decide.model import base, equalgain

    model = equalgain.EqualGainModel(randomized_value=decimal.Decimal(p))
    equalgain.EqualGainModel.ALLOW_RANDOM = False
    actors, bounds, stances = {}, {}, []
    with open(path) as f:
        for row in csv.reader(f, delimiter="\t", quotechar="'"):
            if not row:
                continue
            if row[0] == "#A":
                actors[row[1]] = model.add_actor(row[1])
            elif row[0] == "#P":
                bounds.setdefault(row[1], [])
            elif row[0] == "#M":
                bounds.setdefault(row[1], []).append(decimal.Decimal(row[2]))
            elif row[0] == "#D":
                stances.append(row)
    issues = {}
    for name, values in bounds.items():
        low, high = (min(values), max(values)) if values else (0, 100)
        issues[name] = base.Issue(name, decimal.Decimal(low), decimal.Decimal(high))
        model.issues[issues[name]] = issues[name]
    for row in stances:
        model.add_actor_issue(actors[row[1]], issues[row[2]],
                              *(decimal.Decimal(v) for v in row[3:6]))

    current = [None]
    random.uniform = lambda a, b: a + (b - a) * current[0].uniform()
    calculate = equalgain.EqualGainExchange.calculate

    def calculate_with_stream(self):
        if not hasattr(self, "stream"):  # created: its index is the list length
            self.stream = Stream(seed, draw_index(1, len(self.model.exchanges)))
        current[0] = self.stream
        calculate(self)

    equalgain.EqualGainExchange.calculate = calculate_with_stream
    if concert_eu_max:
        equalgain.EqualGainExchange.calculate_maximum_utility = concert_maximum_utility

    model.calc_nbs()
    model.determine_positions()
    model.calc_combinations()
    model.determine_groups_and_calculate_exchanges()
    executed = []
    while model.exchanges:
        e = model.highest_gain()
        if e.is_valid:
            model.remove_invalid_exchanges(e)
            executed.append(e)
    return [line(k + 1, [(s.actor.name, s.supply.issue.name, s.eu) for s in (e.i, e.j)], e.gain)
            for k, e in enumerate(executed)]


def cap(side):  # the most side can shift the outcome on its supply issue
    x = side.opposite_actor.demand.position
    nbs0 = side.adjust_nbs(side.supply.position)
    full = side.adjust_nbs(x)
    d0, d1 = x - nbs0, x - full
    return abs(d0) if (d0 > 0 > d1) or (d0 < 0 < d1) else abs(full - nbs0)


def max_gain(a, b, ra_cap, rb_cap):
    k = b.supply.salience / b.demand.salience
    rb = min(rb_cap, ra_cap / k)
    return rb * a.demand.salience - rb * k * a.supply.salience


def concert_maximum_utility(self):
    ci, cj = cap(self.i), cap(self.j)
    self.i.eu_max = max_gain(self.i, self.j, ci, cj)
    self.j.eu_max = max_gain(self.j, self.i, cj, ci)


def line(order, sides, gain):
    return "%d %s %.9f" % (order, " ".join("%s %s %.9f" % s for s in sides), gain)


def concert_round(path, p, seed):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out = subprocess.run(
        [os.path.join(root, "build", "concert"), "forecast", path, "--input-format", "decide",
         "-m", "exchange(p=%s,arithmetic=decimal,rounds=1)" % p, "--seed", str(seed), "-f", "json"],
        check=True, capture_output=True, text=True).stdout
    trades = json.loads(out)["forecasts"][0]["exchanges"]
    return [line(t["order"], [(t[s]["actor"], t[s]["supply"], t["gain_" + s]) for s in "ij"],
                 t["gain"]) for t in trades]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    ref, path = args[0], args[1]
    p = args[2] if len(args) > 2 else "0.3"
    seed = int(args[3]) if len(args) > 3 else 7
    ours = concert_round(path, p, seed)
    theirs = reference_round(ref, path, p, seed, "--concert-eu-max" in sys.argv)
    first = next((k for k, (a, b) in enumerate(zip(ours, theirs)) if a != b), None)
    for k, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            print("concert   " + a + "\nreference " + b)
    print("%s p=%s seed %d: %d exchanges in concert, %d in the reference; the first %s identical"
          % (os.path.basename(path), p, seed, len(ours), len(theirs),
             "all" if first is None else first))


if __name__ == "__main__":
    main()
