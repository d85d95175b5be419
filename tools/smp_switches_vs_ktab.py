#!/usr/bin/env python3
"""concert's smp beside KTAB's smpc for each non-default model switch.

    python3 tools/smp_switches_vs_ktab.py PATH/TO/smpc [PATH/TO/smpc-logger.conf]
        [--concert PATH] [--input FILE.csv ...] [--only NAME=VALUE ...] [--work DIR]
        [--keep]

KTAB (github.com/KAPSARC/KTAB, MIT) is not part of concert: build its smpc
yourself (-O2). Its CSV input cannot set model parameters, so each KTAB-format
CSV scenario is rewritten as KTAB's XML scenario (SMPModel::xmlRead in
examples/smp/libsrc/smpread.cpp) with a <ModelParameters> block, one
non-default switch at a time (deterministic transitions). The XML carries
KTAB's default seed (KBase::dSeed, which smpc uses for CSV input) and the
numbers exactly as written in the CSV. Before the switches, a default-parameter
XML run is checked against smpc's own CSV run, which must match exactly.

For every (input, switch) it prints the number of turns of each, the largest
|difference| between KTAB's and concert's positions (0-100) over every turn,
actor and dimension, and the first (turn, actor, dimension) where they differ
by more than 1e-6. When smpc fails (it logs "Error: <message>" and writes no
positions), the line says "KTAB error: <message>".

smpc runs each turn's challenges on several threads, which fill every actor's
list of bargains in a schedule-dependent order. Under the asymmetric
voting=asymprosp the order changes KTAB's own result from run to run (Model::
coalitions scores each pair of options once, in list order); concert builds the
lists in the order of a sequential run. For a reproducible reference, pass a
smpc whose KBase::groupThreads runs one thread at a time.

Inputs by default: data/ktab_smp/dummyData_3Dim.csv (7x3),
data/ktab_smp/SOE-Pol-Comp.csv (13x2) and a random 10x3 scenario from
bench/make_ktab_scenario.py 10 3 1. Needs build/concert (or --concert).
"""
import argparse
import csv
import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KTAB_DEFAULT_SEED = 0xD67CC16FE69C185C  # KBase::dSeed (kutils.h), smpc's seed for CSV input
TOL = 1e-6

# concert parameter -> (KTAB XML element, {concert value: KTAB enum name}).
# KTAB's names: kmodel.h (VPModelNames, VotingRuleNames, PCEModelNames,
# StateTransModeNames, BigRRangeNames, BigRAdjustNames, ThirdPartyCommitNames)
# and smp.h (InterVecBrgnNames, SMPBargnModelNames).
PARAMS = {
    "victory": ("VictoryProbModel", {"linear": "Linear", "square": "Square", "quartic": "Quartic",
                                     "octic": "Octic", "binary": "Binary"}),
    "voting": ("VotingRule", {"binary": "Binary", "propbin": "PropBin", "proportional": "Prop",
                              "propcubic": "PropCbc", "cubic": "Cubic",
                              "asymprosp": "ASymProsp"}),
    "pce": ("PCEModel", {"conditional": "Conditional", "markov-incentive": "MarkovIncentive",
                         "markov-uniform": "MarkovUniform"}),
    "transitions": ("StateTransitions", {"deterministic": "Deterministic",
                                         "stochastic": "Stochastic"}),
    "risk_range": ("BigRRange", {"min": "Min", "mid": "Mid", "max": "Max"}),
    "risk_adjust": ("BigRAdjust", {"none": "None", "one-third": "OneThird", "half": "Half",
                                   "two-thirds": "TwoThirds", "full": "Full"}),
    "commit": ("ThirdPartyCommit", {"none": "NoCommit", "semi": "SemiCommit",
                                    "full": "FullCommit"}),
    "interp": ("InterVecBrgn", {"s1p1": "S1P1", "s2p2": "S2P2", "s2pmax": "S2PMax"}),
    "bargain": ("BargnModel", {"initiator": "InitOnlyInterp", "both": "InitRcvrInterp",
                               "power-weighted": "PWCompInterp"}),
}
# xmlRead reads the elements in this order (it looks each up by name).
XML_ORDER = ["victory", "voting", "pce", "transitions", "risk_range", "risk_adjust", "commit",
             "interp", "bargain"]
DEFAULTS = {"victory": "linear", "voting": "proportional", "pce": "conditional",
            "transitions": "deterministic", "risk_range": "mid", "risk_adjust": "one-third",
            "commit": "semi", "interp": "s2p2", "bargain": "initiator"}
SWITCHES = [("voting", v) for v in ["binary", "propbin", "propcubic", "cubic", "asymprosp"]] + \
    [("victory", v) for v in ["square", "quartic", "octic", "binary"]] + \
    [("pce", v) for v in ["markov-incentive", "markov-uniform"]] + \
    [("risk_adjust", v) for v in ["none", "half", "two-thirds", "full"]] + \
    [("risk_range", v) for v in ["min", "max"]] + \
    [("commit", v) for v in ["none", "full"]] + \
    [("interp", v) for v in ["s1p1", "s2pmax"]] + \
    [("bargain", v) for v in ["both", "power-weighted"]]


def read_ktab_csv(path):
    """KTAB's SMP CSV (SMPModel::csvRead): the numbers stay strings, as written."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [[c.strip() for c in r] for r in csv.reader(f)]
    name, desc, n_act, n_dim = rows[0][:4]
    n_act, n_dim = int(n_act), int(n_dim)
    header = rows[1]
    dims = [header[3 + 2 * d] for d in range(n_dim)]
    actors = []
    for r in rows[2:2 + n_act]:
        actors.append({"name": r[0], "desc": r[1], "cap": r[2],
                       "pos": [r[3 + 2 * d] for d in range(n_dim)],
                       "sal": [r[4 + 2 * d] for d in range(n_dim)]})
    return {"name": name, "desc": desc, "dims": dims, "actors": actors}


def to_xml(scen, params):
    e = escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<Scenario>",
           f"  <name>{e(scen['name'])}</name>", f"  <desc>{e(scen['desc'] or '-')}</desc>",
           f"  <prngSeed>{KTAB_DEFAULT_SEED}</prngSeed>", "  <ModelParameters>"]
    for p in XML_ORDER:
        element, names = PARAMS[p]
        out.append(f"    <{element}>{names[params[p]]}</{element}>")
    out += ["  </ModelParameters>", "  <Dimensions>"]
    out += [f"    <dName>{e(d)}</dName>" for d in scen["dims"]]
    out += ["  </Dimensions>", "  <Actors>"]
    for a in scen["actors"]:
        out += ["    <Actor>", f"      <name>{e(a['name'])}</name>",
                f"      <description>{e(a['desc'] or '-')}</description>",
                f"      <capability>{a['cap']}</capability>", "      <Position>"]
        out += [f"        <dCoord>{x}</dCoord>" for x in a["pos"]]
        out += ["      </Position>", "      <Salience>"]
        out += [f"        <dSal>{x}</dSal>" for x in a["sal"]]
        out += ["      </Salience>", "    </Actor>"]
    # xmlRead requires an IdealAdjustment block with at least one pair; the
    # first actor adjusting toward itself by 1 leaves the identity matrix
    # (csvRead's) unchanged.
    first = e(scen["actors"][0]["name"])
    out += ["  </Actors>", "  <IdealAdjustment>", "    <iaPair>",
            f"      <adjustingIdeal>{first}</adjustingIdeal>",
            f"      <referencePos>{first}</referencePos>", "      <adjust>1</adjust>",
            "    </iaPair>", "  </IdealAdjustment>", "</Scenario>"]
    return "\n".join(out) + "\n"


def run_smpc(smpc, conf, work, tag, input_path, kind, params=None):
    """Runs smpc in a fresh folder; returns ({(turn, actor, dim): pos}, error or None).
    With params, checks that smpc's log lists those model parameters (displayModelParams)."""
    d = os.path.join(work, tag)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    shutil.copy(conf, os.path.join(d, "smpc-logger.conf"))
    src = os.path.join(d, "in." + kind)
    shutil.copy(input_path, src)
    try:
        p = subprocess.run([smpc, "--" + kind, src, "--logmin", "--connstr",
                            "Driver=QSQLITE;Database=ktab"], cwd=d, capture_output=True,
                           text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return None, "KTAB error: timeout after 600 s"
    log = ""
    for lf in glob.glob(os.path.join(d, "*log*.txt")):
        with open(lf, errors="replace") as f:
            log += f.read()
    err = None
    for line in log.splitlines():
        if line.startswith("Error: "):
            err = line[len("Error: "):].strip()
    if p.returncode != 0 and err is None:
        tail = (p.stderr or p.stdout or log).strip().splitlines()[-3:]
        err = f"exit {p.returncode}: " + " | ".join(tail)
    db = os.path.join(d, "ktab.db")
    pos = {}
    if os.path.exists(db):
        con = sqlite3.connect(db)
        try:
            for t, a, k, x in con.execute(
                    "select Turn_t, Act_i, Dim_k, Pos_Coord from VectorPosition"):
                pos[(t, a, k)] = x
        except sqlite3.Error:
            pass
        con.close()
    if err is None and params is not None:
        shown = {}
        for line in log.splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                shown.setdefault(k.strip(), v.strip())
        for p_name in XML_ORDER:
            element, names = PARAMS[p_name]
            if shown.get(element) != names[params[p_name]]:
                err = f"log shows {element}: {shown.get(element)}, not {names[params[p_name]]}"
                return pos, "PARAMETER NOT APPLIED: " + err
    if err is not None:
        return pos, "KTAB error: " + err
    if not pos:
        return pos, "KTAB error: no positions written"
    return pos, None


def run_concert(concert, csv_path, params):
    spec = "smp"
    changed = [f"{k}={v}" for k, v in params.items() if DEFAULTS[k] != v]
    if changed:
        spec += "(" + ",".join(changed) + ")"
    p = subprocess.run([concert, "forecast", csv_path, "-m", spec, "-f", "csv"],
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        return None, "concert error: " + (p.stderr.strip().splitlines() or [""])[-1]
    rows = list(csv.DictReader(p.stdout.splitlines()))
    issues = list(dict.fromkeys(r["issue"] for r in rows))
    actors = list(dict.fromkeys(r["actor"] for r in rows))
    return {(int(r["round"]), actors.index(r["actor"]), issues.index(r["issue"])):
            float(r["position"]) for r in rows}, None


def compare(a, b):
    """-> (turns a, turns b, max |diff| over common keys, first key over TOL, keys only in one)."""
    ta = max(k[0] for k in a)
    tb = max(k[0] for k in b)
    common = sorted(set(a) & set(b))
    diff, first = 0.0, None
    for k in common:
        d = abs(a[k] - b[k])
        diff = max(diff, d)
        if d > TOL and first is None:
            first = k
    missing = set(a) ^ set(b)
    if first is None and missing:
        first = min(missing)
    return ta, tb, diff, first


def fmt_first(first):
    return "-" if first is None else f"turn {first[0]} actor {first[1]} dim {first[2]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("smpc")
    ap.add_argument("conf", nargs="?")
    ap.add_argument("--concert", default=None)
    ap.add_argument("--input", action="append", default=None)
    ap.add_argument("--only", action="append", default=None, help="NAME=VALUE, repeatable")
    ap.add_argument("--work", default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    smpc = os.path.abspath(args.smpc)
    conf = args.conf or os.path.join(os.path.dirname(smpc), "smpc-logger.conf")
    if not os.path.exists(conf):
        sys.exit(f"no smpc-logger.conf at {conf} (give its path as 2nd argument)")
    conf = os.path.abspath(conf)
    concert = args.concert
    if concert is None:
        for c in ("build/concert", "build-dev/concert"):
            if os.access(os.path.join(ROOT, c), os.X_OK):
                concert = os.path.join(ROOT, c)
                break
    if concert is None:
        sys.exit("no concert binary: pass --concert")
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="smp_switches_"))
    os.makedirs(work, exist_ok=True)

    inputs = [os.path.abspath(i) for i in args.input or []]
    if not inputs:
        inputs = [os.path.join(ROOT, "data/ktab_smp/dummyData_3Dim.csv"),
                  os.path.join(ROOT, "data/ktab_smp/SOE-Pol-Comp.csv")]
        rnd = os.path.join(work, "random_10x3.csv")
        with open(rnd, "w") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench/make_ktab_scenario.py"),
                            "10", "3", "1"], stdout=f, check=True)
        inputs.append(rnd)
    switches = SWITCHES
    if args.only:
        switches = [tuple(o.split("=", 1)) for o in args.only]

    print(f"{'input':<22} {'switch':<28} {'turns K/c':>10} {'max|diff|':>10}  first over {TOL:g}")
    for path in inputs:
        name = os.path.splitext(os.path.basename(path))[0]
        scen = read_ktab_csv(path)
        # 1. The XML conversion must reproduce smpc's CSV run exactly.
        csv_pos, csv_err = run_smpc(smpc, conf, work, f"{name}__csv", path, "csv")
        xml_path = os.path.join(work, f"{name}__default.xml")
        with open(xml_path, "w") as f:
            f.write(to_xml(scen, DEFAULTS))
        xml_pos, xml_err = run_smpc(smpc, conf, work, f"{name}__xmldefault", xml_path, "xml",
                                    DEFAULTS)
        if csv_err or xml_err:
            print(f"{name:<22} {'(XML check)':<28} {csv_err or ''} {xml_err or ''}")
            continue
        ta, tb, diff, first = compare(csv_pos, xml_pos)
        ok = diff == 0 and first is None
        print(f"{name:<22} {'(KTAB csv vs xml default)':<28} {f'{ta}/{tb}':>10} {diff:>10.3g}  "
              f"{'exact' if ok else 'XML CONVERSION DIFFERS: ' + fmt_first(first)}")
        if not ok:
            continue
        c_pos, c_err = run_concert(concert, path, dict(DEFAULTS))
        ta, tb, diff, first = compare(xml_pos, c_pos)
        print(f"{name:<22} {'(defaults)':<28} {f'{ta}/{tb}':>10} {diff:>10.3g}  "
              f"{fmt_first(first)}")
        # 2. One non-default switch at a time.
        for key, value in switches:
            params = dict(DEFAULTS)
            params[key] = value
            label = f"{key}={value}"
            xml_path = os.path.join(work, f"{name}__{key}_{value}.xml")
            with open(xml_path, "w") as f:
                f.write(to_xml(scen, params))
            k_pos, k_err = run_smpc(smpc, conf, work, f"{name}__{key}_{value}", xml_path, "xml",
                                    params)
            c_pos, c_err = run_concert(concert, path, params)
            if c_err:
                print(f"{name:<22} {label:<28} {c_err}")
                continue
            if k_err:
                print(f"{name:<22} {label:<28} {'-/' + str(max(k[0] for k in c_pos)):>10} "
                      f"{'':>10}  {k_err}")
                continue
            ta, tb, diff, first = compare(k_pos, c_pos)
            print(f"{name:<22} {label:<28} {f'{ta}/{tb}':>10} {diff:>10.3g}  "
                  f"{'match' if first is None else fmt_first(first)}")
            sys.stdout.flush()
    if not args.keep and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work folder: {work}")


if __name__ == "__main__":
    main()
