#!/usr/bin/env python3
"""Writes a random scenario in KTAB's SMP CSV format, like KTAB's randomSMP:
positions uniform on 0-100, capabilities uniform on 10-200, saliences uniform
on 0.1-1 scaled so that each actor's sum to a uniform 75-99 (of 100).

    python3 bench/make_ktab_scenario.py ACTORS DIMENSIONS SEED > file.csv
"""
import random
import sys

actors, dims, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
print(f"Random{actors}x{dims},Random scenario seed {seed},{actors},{dims},")
header = ["Actor", "Description", "Power"]
for d in range(dims):
    header += [f"Pos{d + 1}", f"Sal{d + 1}"]
print(",".join(header) + ",")
for a in range(actors):
    total = rng.uniform(75, 99)
    raw = [rng.uniform(0.1, 1.0) for _ in range(dims)]
    sal = [round(total * r / sum(raw), 2) for r in raw]
    while sum(sal) > 100:  # rounding must not push the sum past 100
        sal[sal.index(max(sal))] -= 0.01
    row = [f"A{a:03d}", "random actor", f"{rng.uniform(10, 200):.3f}"]
    for d in range(dims):
        row += [f"{rng.uniform(0, 100):.2f}", f"{sal[d]:.2f}"]
    print(",".join(row) + ",")
