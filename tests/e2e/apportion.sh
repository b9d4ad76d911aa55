#!/usr/bin/env bash
# End to end: `veche apportion` on real elections, compared with the official results.
# Usage: apportion.sh VECHE_BINARY TEST_DATA_DIR [SHARED_DATA_DIR]
set -euo pipefail
veche=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# same_seats OUTPUT.json OFFICIAL.json KEY...: the "seats" map (parties with seats) equals
# the official "result", reached through KEY... inside the official file.
same_seats() {
  python3 - "$@" <<'PY'
import json, sys
got = json.load(open(sys.argv[1]))["seats"]
want = json.load(open(sys.argv[2]))
for key in sys.argv[3:]:
    want = want[key]
want = want["result"]
got = {k: v for k, v in got.items() if v > 0}
want = {k: v for k, v in want.items() if v > 0}
if got != want:
    for name in sorted(set(got) | set(want)):
        if got.get(name, 0) != want.get(name, 0):
            print(f"  {name}: got {got.get(name, 0)}, official {want.get(name, 0)}", file=sys.stderr)
    sys.exit(1)
PY
}

for year in 2010 2020; do
  out=$work/house-$year.json
  "$veche" apportion --method huntington-hill --seats 435 "$data/us-house/census-$year.csv" --format json >"$out" ||
    fail "US House $year: veche exited $?"
  same_seats "$out" "$data/us-house/official.json" "$year" || fail "US House $year differs from the official apportionment"
done

bundestag=$data/bundestag-2025
"$veche" apportion -m sainte-lague -s 630 "$bundestag/parties.csv" -f json >"$work/bt.json"
same_seats "$work/bt.json" "$bundestag/official.json" || fail "Bundestag 2025 (qualified parties) differs"
"$veche" apportion -m webster -s 630 "$bundestag/all-parties.csv" --threshold 5% --exempt SSW -f json >"$work/bt-all.json"
same_seats "$work/bt-all.json" "$bundestag/official.json" || fail "Bundestag 2025 (5% + SSW exempt) differs"
"$veche" apportion -m sainte-lague -s 630 "$bundestag/all-parties.csv" --threshold 0.05 -f json >"$work/bt-plain.json"
if same_seats "$work/bt-plain.json" "$bundestag/official.json" 2>/dev/null; then
  fail "a plain 5% threshold without the SSW exemption should not give the official result"
fi

# Three seats won elsewhere also qualify (Grundmandatsklausel): BSW then takes part.
printf 'party,seats\nBSW,3\nFDP,2\n' >"$work/won.csv"
"$veche" apportion -m sainte-lague -s 630 "$bundestag/all-parties.csv" --threshold 5% --exempt SSW \
  --seats-elsewhere 3 --seats-won "$work/won.csv" -f json >"$work/bt-won.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["seats"]; sys.exit(0 if s["BSW"] > 0 and s["FDP"] == 0 and s["SSW"] == 1 else 1)' \
  "$work/bt-won.json" || fail "--seats-won: BSW with 3 seats elsewhere should take part, FDP with 2 not"

# Aliases and determinism: byte-identical output.
"$veche" apportion -m dhondt -s 100 "$bundestag/parties.csv" -f json >"$work/dhondt.json"
"$veche" apportion -m jefferson -s 100 "$bundestag/parties.csv" -f json >"$work/jefferson.json"
cmp -s "$work/dhondt.json" "$work/jefferson.json" || fail "jefferson and dhondt differ"
"$veche" apportion -m dhondt -s 100 "$bundestag/parties.csv" -f json >"$work/dhondt-again.json"
cmp -s "$work/dhondt.json" "$work/dhondt-again.json" || fail "the same run twice is not byte-identical"

# Bad input: exit 2 and a message that starts with the file and names the line.
printf 'party,votes\nA,12\nB,many\n' >"$work/bad.csv"
status=0
"$veche" apportion -m hare -s 5 "$work/bad.csv" 2>"$work/err.txt" >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "bad votes file: exit $status, expected 2"
grep -q "^$work/bad.csv:3: votes: " "$work/err.txt" || fail "bad votes file: message was: $(cat "$work/err.txt")"

status=0
"$veche" apportion -m hare -s 5 "$bundestag/parties.csv" --threshold five 2>"$work/err.txt" >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "bad threshold: exit $status, expected 2"
grep -q -- "--threshold" "$work/err.txt" || fail "bad threshold: message was: $(cat "$work/err.txt")"

status=0
"$veche" apportion -m huntington-hill -s 49 "$data/us-house/census-2020.csv" 2>"$work/err.txt" >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "house smaller than the states: exit $status, expected 2"

if [ "$failures" -gt 0 ]; then
  echo "$failures apportionment check(s) failed" >&2
  exit 1
fi
echo "apportion: all checks passed"
