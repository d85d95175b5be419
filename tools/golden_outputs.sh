#!/usr/bin/env bash
# Writes the outputs (stdout, stderr, exit code) of 46 commands, every subcommand and format on
# the shipped scenarios and data, into a folder, so that a refactoring can be shown to leave them
# byte-identical. Run from the repository root, before and after:
#   bash tools/golden_outputs.sh build/concert /tmp/golden/before
#   bash tools/golden_outputs.sh build/concert /tmp/golden/after
#   for f in /tmp/golden/before/*; do cmp -s "$f" "/tmp/golden/after/${f##*/}" || echo "${f##*/}"; done
set -u
B=${1:-build/concert}; O=${2:-/tmp/golden/before}
mkdir -p $O
S=scenarios/six_party_talks_2005.yaml
E=scenarios/emission_standards_1994.yaml
L=scenarios/liberal_order_2008.yaml
i=0
run() { i=$((i+1)); "$B" "$@" > $O/$i.out 2> $O/$i.err; echo $? > $O/$i.rc; echo "$*" > $O/$i.cmd; }
for f in text json csv; do run forecast $S -f $f; run forecast $E -f $f; done
for t in rounds exchanges actors challenges distinct; do run forecast $S -f csv --table $t; done
run forecast $S -f json --draws 500 --sensitivity --band 40:60 --threads 2
run forecast $S -f csv --table monte-carlo --draws 300
run forecast $S -f csv --table sensitivity --draws 300 --sensitivity
run forecast $S --explain USA -m bdm -m smp
run forecast $S -f html --draws 200 -q
run forecast data/ktab_smp/SOE-Pol-Comp.csv -m smp -f json
run forecast $S -m 'smp(transitions=stochastic)' --seed 3 -f json
run forecast $S -m 'exchange(arithmetic=decimal)' -f json
run models; run models -f json
run validate $S; run validate $E; run validate $L
run convert $S
run report $S --draws 200 -q -o $O/report.html
run backtest data/deu; run backtest data/deu -f json -m compromise -m median; run backtest data/deu -f csv --capability council
run backtest data/deu -m compromise --group proposal -f json
run tournament --strategies axelrod-first --turns 200 --repetitions 2 --seed 1
run tournament --strategies "tft,gtft(p=0.1),wsls,alld" --noise 0.05 -f json
run tournament --strategies classics --group-size 4 -f csv
run simulate $S --draws 2000; run simulate $S --draws 2000 -f json --sensitivity
run simulate $S --draws 1000 --hub USA -f json; run simulate $S --draws 1000 -f csv --table compliance
run simulate $S --draws 1000 -f csv --table parties; run simulate $S --draws 500 -f html
run simulate $S --draws 500 --agreement-model bdm -f json
run order $L; run order $L --draws 3000 --sensitivity -f json; run order $L --draws 1000 -f csv --table actors
run forecast $S --model 'nope'; run forecast nofile.yaml; run simulate $S --turns 3
