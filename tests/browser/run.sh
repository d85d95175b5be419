#!/usr/bin/env bash
# CTest entry: writes the Six-Party report with every model and 1,000 draws and
# the DEU backtest report and the order report, then renders each in headless Chromium
# (report_test.mjs). Exit 77 = skipped.
set -euo pipefail
concert=$1 source=$2 out=$3
here=$(dirname "$0")
[ -d "$here/node_modules/playwright-core" ] || { echo "SKIP: run 'npm ci' in tests/browser"; exit 77; }
"$concert" report "$source/scenarios/six_party_talks_2005.yaml" --draws 1000 --seed 1 -q \
  -o "$out/six_party_report.html"
node "$here/report_test.mjs" "$out/six_party_report.html" "$out/six_party_report.png"
"$concert" backtest "$source/data/deu" -m compromise -m median --report "$out/backtest_report.html" \
  > /dev/null
node "$here/report_test.mjs" "$out/backtest_report.html" "$out/backtest_report.png"
"$concert" report "$source/scenarios/liberal_order_2008.yaml" --draws 2000 --seed 1 -q \
  -o "$out/order_report.html"
node "$here/report_test.mjs" "$out/order_report.html" "$out/order_report.png"
