#!/usr/bin/env bash
# Monte Carlo of the Six-Party scenario through the CLI: 100,000 draws on 2
# threads for each default model alone and for the whole default set (wall
# seconds and peak memory of the process, which includes reading the file and
# writing the JSON summary).
#
#   bash bench/monte_carlo_default.sh [DRAWS]
set -euo pipefail
cd "$(dirname "$0")/.."
draws=${1:-100000}
[ -x build/concert ] || { echo "build/concert missing: run scripts/setup.sh" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 1; }
scenario=scenarios/six_party_talks_2005.yaml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-12s %10s %10s\n' model seconds peak_MiB
for model in compromise median nash bdm exchange smp all; do
  args=(-m "$model")
  [ "$model" = all ] && args=()
  /usr/bin/time -f '%e %M' -o "$out/time" ./build/concert forecast "$scenario" "${args[@]}" \
    --draws "$draws" --threads 2 -q -f json -o "$out/$model.json"
  read -r seconds kib <"$out/time"
  printf '%-12s %10s %10.0f\n' "$model" "$seconds" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
done
