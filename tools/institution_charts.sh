#!/usr/bin/env bash
# Regenerates the charts of docs/institutions.md from concert's own HTML output:
# the sanction grid's heat map and the architectures' talking/resolving curves.
#   bash tools/institution_charts.sh [build/concert]
set -euo pipefail
cd "$(dirname "$0")/.."
concert=${1:-build/concert}
scenario=scenarios/six_party_talks_2005.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$concert" simulate "$scenario" -q --draws 10000 --sanction-grid -f html -o "$tmp/grid.html"
"$concert" simulate "$scenario" -q --draws 10000 --hub USA --spokes JPN,ROK --exclude PRK \
  --agreement-model nash -f html -o "$tmp/arch.html"
"$concert" simulate "$scenario" -q --draws 10000 --agreement-model all -f html -o "$tmp/chain.html"
python3 - "$tmp" <<'PY'
import re, sys
tmp = sys.argv[1]
def svgs(name):
    return re.findall(r"<svg.*?</svg>", open(f"{tmp}/{name}").read(), re.S)
def save(svg, path):
    if "xmlns" not in svg[:200]:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    open(path, "w").write(svg + "\n")
save(svgs("grid.html")[0], "docs/sanction-grid.svg")
arch = svgs("arch.html")
save(arch[-2], "docs/architectures-talking.svg")
save(arch[-1], "docs/architectures-resolving.svg")
save(svgs("chain.html")[0], "docs/chain-survival.svg")
PY
echo "wrote docs/sanction-grid.svg docs/architectures-*.svg docs/chain-survival.svg"
