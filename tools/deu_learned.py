#!/usr/bin/env python3
"""Fits and cross-validates concert's `learned` model on the DEU data, without concert's code.

The model (docs/models/learned.md): on one issue, actor k with position x_k, capability c_k and
salience s_k (0-1) weighs w_k = c_k * s_k^b * m_k, with m_k = com for the Commission (actor code
`com`), ep for the Parliament (`ep`), 1 otherwise; an actor with c_k * s_k = 0 weighs 0. The
forecast is the weighted mean of the positions with the status quo q (when the issue has one) as
one more position weighing sq * sum_k w_k:  O = (sum_k w_k x_k / sum_k w_k + sq q) / (1 + sq).
b = com = ep = 1, sq = 0 is the compromise model.

Issues are built as in concert's backtest (docs/backtest.md): actors with both a position and a
salience; issues without an outcome or with fewer than 3 such actors are skipped; capability equal
(1 each) by default, `--capability council` for the Council votes of the period.

  deu_learned.py DIR [--capability equal|council] [--folds 10] [--repeats 5] [--seed 1]
                     [--bootstrap 2000] [-o FILE.json]
  deu_learned.py DIR --mae b,com,ep,sq      # in-sample MAE of one parameter set, and exit

Fit: the grid point of least mean absolute error (first in grid order on ties). Cross-validation:
K folds by proposal (the issues of a proposal are never split); the fit is redone on the training
folds only and scored on the held-out fold. Fold rule: the sorted proposal ids are shuffled with
random.Random(seed + r) for repeat r = 0, 1, ... and dealt round-robin into K folds. Intervals:
percentile bootstrap over proposals (random.Random(seed)), on the out-of-fold errors of repeat 0.
Pure Python 3 standard library.
"""
import argparse
import csv
import json
import random
import sys
from datetime import date

GRID = {
    "b": [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3],
    "com": [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8, 12, 16],
    "ep": [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8, 12, 16],
    "sq": [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2],
}
COMPROMISE = {"b": 1, "com": 1, "ep": 1, "sq": 0}
# Restricted models: the parameters not listed stay at their compromise values.
VARIANTS = {
    "learned (b, com, ep, sq)": ["b", "com", "ep", "sq"],
    "status quo only (sq)": ["sq"],
    "Commission and Parliament only (com, ep)": ["com", "ep"],
    "salience exponent only (b)": ["b"],
}


def read_issues(folder, mode):
    issues = list(csv.DictReader(open(f"{folder}/issues.csv", newline="")))
    actors = {r["actor_code"]: r for r in csv.DictReader(open(f"{folder}/actors.csv", newline=""))}
    stances = {}
    for r in csv.DictReader(open(f"{folder}/positions.csv", newline="")):
        if r["position"] != "" and r["salience"] != "":
            stances.setdefault(r["issue_id"], []).append(
                (r["actor_code"], float(r["position"]), float(r["salience"]) / 100))

    def capability(code, issue):
        if mode == "equal":
            return 1.0
        d, m, y = (int(x) for x in issue["intro_date_ddmmyy"].split("-"))
        year = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)
        nice = date(year, m, d) >= date(2004, 5, 1)
        column = "council_votes_nice_eu27" if nice else "council_votes_eu15_pre2004"
        largest = max(float(a[column]) for a in actors.values() if a[column])
        if code == "com" or (code == "ep" and issue["procedure"] == "COD"):
            return largest
        if code == "ep":
            return 0.0
        return float(actors[code][column]) if actors[code][column] else 0.0

    out = []
    for issue in issues:
        s = stances.get(issue["issue_id"], [])
        if issue["outcome"] == "" or len(s) < 3:
            continue
        q = float(issue["reference_point"]) if issue["reference_point"] != "" else None
        out.append({"id": issue["issue_id"], "proposal": issue["proposal_id"],
                    "outcome": float(issue["outcome"]), "q": q,
                    "actors": [(code, x, capability(code, issue), sal) for code, x, sal in s]})
    return out


def predict(issue, p):
    """The model, written plainly (the reference for concert's C++ test)."""
    total = weighted = 0.0
    for code, x, c, s in issue["actors"]:
        w = 0.0 if c * s == 0 else c * s ** p["b"] * {"com": p["com"], "ep": p["ep"]}.get(code, 1.0)
        total += w
        weighted += w * x
    if not total > 0:
        return None
    mean = weighted / total
    if issue["q"] is None:
        return mean
    return (mean + p["sq"] * issue["q"]) / (1 + p["sq"])


def mae(issues, p):
    errors = [abs(predict(i, p) - i["outcome"]) for i in issues]
    return sum(errors) / len(errors)


class Fitter:
    """Grid search, fast: per issue and b, the sums over actors other than com and ep."""

    def __init__(self, issues):
        self.issues = issues
        self.parts = {}
        for b in GRID["b"]:
            rows = []
            for i in issues:
                other_w = other_wx = com_w = com_x = ep_w = ep_x = 0.0
                for code, x, c, s in i["actors"]:
                    w = 0.0 if c * s == 0 else c * s ** b
                    if code == "com":
                        com_w, com_x = w, x
                    elif code == "ep":
                        ep_w, ep_x = w, x
                    else:
                        other_w += w
                        other_wx += w * x
                rows.append((other_w, other_wx, com_w, com_w * com_x, ep_w, ep_w * ep_x,
                             i["q"], i["outcome"]))
            self.parts[b] = rows

    def fit(self, subset, free):
        """The grid point of least MAE on the issues `subset` (indices), varying `free` only."""
        grid = {k: (GRID[k] if k in free else [COMPROMISE[k]]) for k in GRID}
        best, best_sum = None, float("inf")
        for b in grid["b"]:
            rows = [self.parts[b][k] for k in subset]
            for com in grid["com"]:
                for ep in grid["ep"]:
                    means = []
                    for ow, owx, cw, cwx, ew, ewx, q, y in rows:
                        total = ow + com * cw + ep * ew
                        if not total > 0:
                            break
                        means.append(((owx + com * cwx + ep * ewx) / total, q, y))
                    if len(means) < len(rows):
                        continue  # an issue without a forecast: not admissible
                    for sq in grid["sq"]:
                        err = 0.0
                        for m, q, y in means:
                            f = m if q is None else (m + sq * q) / (1 + sq)
                            err += abs(f - y)
                        if err < best_sum - 1e-9:
                            best, best_sum = {"b": b, "com": com, "ep": ep, "sq": sq}, err
        return best


def folds_by_proposal(issues, k, seed):
    proposals = sorted({i["proposal"] for i in issues})
    random.Random(seed).shuffle(proposals)
    fold_of = {p: n % k for n, p in enumerate(proposals)}
    return [fold_of[i["proposal"]] for i in issues]


def cross_validate(fitter, free, k, seed):
    """Out-of-fold absolute errors per issue, and the parameters fitted in each fold."""
    issues = fitter.issues
    fold = folds_by_proposal(issues, k, seed)
    errors, fits = [None] * len(issues), []
    for f in range(k):
        train = [n for n in range(len(issues)) if fold[n] != f]
        p = fitter.fit(train, free)
        fits.append(p)
        for n in range(len(issues)):
            if fold[n] == f:
                errors[n] = abs(predict(issues[n], p) - issues[n]["outcome"])
    return errors, fits


def bootstrap(issues, values, resamples, seed):
    """Percentile 95 % interval of the mean of `values` (per issue), resampling proposals."""
    by_proposal = {}
    for i, v in zip(issues, values):
        by_proposal.setdefault(i["proposal"], []).append(v)
    groups = [by_proposal[p] for p in sorted(by_proposal)]
    rng = random.Random(seed)
    means = []
    for _ in range(resamples):
        total = count = 0
        for _ in range(len(groups)):
            g = groups[rng.randrange(len(groups))]
            total += sum(g)
            count += len(g)
        means.append(total / count)
    means.sort()
    return [means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--capability", default="equal", choices=["equal", "council"])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bootstrap", type=int, default=2000)
    ap.add_argument("--mae", help="b,com,ep,sq: print the in-sample MAE and exit")
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    issues = read_issues(args.dir, args.capability)
    if args.mae:
        p = dict(zip(["b", "com", "ep", "sq"], (float(v) for v in args.mae.split(","))))
        print(len(issues), repr(mae(issues, p)))
        return
    fitter = Fitter(issues)
    everything = list(range(len(issues)))
    base = [abs(predict(i, COMPROMISE) - i["outcome"]) for i in issues]
    result = {
        "tool": "tools/deu_learned.py", "data": args.dir, "capability": args.capability,
        "issues": len(issues), "proposals": len({i["proposal"] for i in issues}),
        "grid": GRID, "folds": args.folds, "repeats": args.repeats, "seed": args.seed,
        "fold_rule": "sorted proposal ids shuffled by random.Random(seed + r), dealt round-robin "
                     "into the folds; the fit is redone on the training folds only",
        "bootstrap": {"resamples": args.bootstrap, "unit": "proposal",
                      "rule": "percentile 95 %, random.Random(seed), "
                              "on the out-of-fold errors of repeat 0"},
        "compromise": {"mae": sum(base) / len(base),
                       "interval": bootstrap(issues, base, args.bootstrap, args.seed)},
        "models": [],
    }
    for name, free in VARIANTS.items():
        p = fitter.fit(everything, free)
        repeats = []
        for r in range(args.repeats):
            errors, fits = cross_validate(fitter, free, args.folds, args.seed + r)
            repeats.append({"seed": args.seed + r, "cv_mae": sum(errors) / len(errors),
                            "fold_fits": fits, "errors": errors})
        first = repeats[0]["errors"]
        diff = [e - c for e, c in zip(first, base)]
        entry = {
            "model": name, "free": free, "fitted_on_all": p, "in_sample_mae": mae(issues, p),
            "cv_mae": repeats[0]["cv_mae"],
            "cv_mae_interval": bootstrap(issues, first, args.bootstrap, args.seed),
            "cv_mae_repeats": [r["cv_mae"] for r in repeats],
            "difference_vs_compromise": sum(diff) / len(diff),
            "difference_interval": bootstrap(issues, diff, args.bootstrap, args.seed),
            "fold_fits_repeat0": repeats[0]["fold_fits"],
        }
        result["models"].append(entry)
        print(json.dumps({k: v for k, v in entry.items() if k != "fold_fits_repeat0"}),
              file=sys.stderr)
    text = json.dumps(result, indent=1) + "\n"
    if args.output:
        open(args.output, "w").write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
