#!/usr/bin/env python3
"""Prints the economy and military series of scenarios/liberal_order_2008.yaml
from the shipped data (data/order/, see data/README.md), one YAML block per actor.

economy:  Maddison Project 2020 real GDP = gdppc x pop, billions of 2011 int'l $
military: COW NMC v6 milex (thousands of current US$), in billions of current US$
EU: the 27 members of 2008 (with the United Kingdom, without Croatia), summed;
a series stops before the first year with a missing member or value (-9).
Usage: python3 tools/order_data.py > /tmp/series.yaml
"""
import csv
import os

HERE = os.path.join(os.path.dirname(__file__), "..", "data", "order")
ACTORS = {  # id: (Maddison codes, COW ccodes)
    "USA": (["USA"], [2]), "CHN": (["CHN"], [710]), "JPN": (["JPN"], [740]),
    "ROK": (["KOR"], [732]), "PRK": (["PRK"], [731]), "RUS": (["RUS"], [365]),
    "IND": (["IND"], [750]),
    "EU": ("AUT BEL BGR CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD "
           "POL PRT ROU SVK SVN ESP SWE GBR".split(),
           [305, 211, 355, 352, 316, 390, 366, 375, 220, 255, 350, 310, 205, 325, 367, 368,
            212, 338, 210, 290, 235, 360, 317, 349, 230, 380, 200]),
}


def series(table, members, first, last):
    out = {}
    for year in range(first, last + 1):
        values = [table.get((m, year)) for m in members]
        if any(v is None for v in values):
            break
        out[year] = sum(values)
    return out


def main():
    gdp, milex = {}, {}
    with open(os.path.join(HERE, "maddison2020_2000_2018.csv")) as f:
        for r in csv.DictReader(f):
            gdp[(r["countrycode"], int(r["year"]))] = float(r["gdppc"]) * float(r["pop"]) / 1e6
    with open(os.path.join(HERE, "nmc_v6_2000_2016.csv")) as f:
        for r in csv.DictReader(f):
            if float(r["milex"]) >= 0:  # -9: missing
                milex[(int(r["ccode"]), int(r["year"]))] = float(r["milex"]) / 1e6
    for actor, (codes, ccodes) in ACTORS.items():
        print(f"# {actor}")
        for name, table, members, last in (("economy", gdp, codes, 2018),
                                           ("military", milex, ccodes, 2016)):
            s = series(table, members, 2000, last)
            body = ", ".join(f"{y}: {v:.7g}" for y, v in s.items())
            print(f"    {name}: {{{body}}}")


if __name__ == "__main__":
    main()
