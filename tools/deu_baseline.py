#!/usr/bin/env python3
"""Independent check of concert's backtest: the compromise (capability x salience
weighted mean) and weighted median on the DEU data, written from the rules in
docs/backtest.md without concert's code.  Usage: deu_baseline.py DIR equal|council
Prints n, MAE of compromise, MAE of median, skipped counts."""
import csv
import sys
from datetime import date

folder, mode = sys.argv[1], sys.argv[2]
issues = list(csv.DictReader(open(f"{folder}/issues.csv", newline="")))
actors = {r["actor_code"]: r for r in csv.DictReader(open(f"{folder}/actors.csv", newline=""))}
stances = {}
for r in csv.DictReader(open(f"{folder}/positions.csv", newline="")):
    if r["position"] != "" and r["salience"] != "":
        stances.setdefault(r["issue_id"], []).append((r["actor_code"], float(r["position"]), float(r["salience"])))


def weight(code, issue):
    if mode == "equal":
        return 1.0
    d, m, y = (int(x) for x in issue["intro_date_ddmmyy"].split("-"))
    year = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)  # dd-mm-yy or dd-mm-yyyy
    nice = date(year, m, d) >= date(2004, 5, 1)
    column = "council_votes_nice_eu27" if nice else "council_votes_eu15_pre2004"
    largest = max(float(a[column]) for a in actors.values() if a[column])
    if code == "com" or (code == "ep" and issue["procedure"] == "COD"):
        return largest
    if code == "ep":
        return 0.0
    return float(actors[code][column]) if actors[code][column] else 0.0


def median(points):  # weighted median; midpoint when exactly half the weight lies on each side
    weight = {}
    for x, w in points:
        if w > 0:
            weight[x] = weight.get(x, 0.0) + w
    xs = sorted(weight)
    total = sum(weight.values())
    below = 0.0
    for k, x in enumerate(xs):
        below += weight[x]
        if below >= total / 2 - 1e-12 * total:
            if abs(below - total / 2) <= 1e-12 * total and k + 1 < len(xs):
                return (x + xs[k + 1]) / 2
            return x
    return xs[-1]


errors_c, errors_m, skipped = [], [], {"no_outcome": 0, "too_few_actors": 0}
for issue in issues:
    if issue["outcome"] == "":
        skipped["no_outcome"] += 1
        continue
    s = stances.get(issue["issue_id"], [])
    if len(s) < 3:
        skipped["too_few_actors"] += 1
        continue
    outcome = float(issue["outcome"])
    w = [(x, weight(code, issue) * sal / 100) for code, x, sal in s]
    total = sum(v for _, v in w)
    errors_c.append(abs(sum(x * v for x, v in w) / total - outcome))
    errors_m.append(abs(median(w) - outcome))
print(len(errors_c), sum(errors_c) / len(errors_c), sum(errors_m) / len(errors_m), skipped)
