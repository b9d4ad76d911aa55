#!/bin/bash
# `veche scenario run` and `veche scenario verify` on the two shipped examples: their key
# results, every election record verifying with `veche verify`, tampering caught, and bad
# scenario files refused with file:line: key and exit 2, nothing written.
# Usage: scenario.sh VECHE_BINARY TEST_DATA_DIR SHARED_DATA_DIR
set -u
VECHE=$1
ROOT=$(cd "$2/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
failed=0

say() { echo "== $*"; }
bad() { echo "FAILED: $*"; failed=1; }
# expect JSON_FILE JQ_FILTER WHAT: the filter must print true.
expect() {
  if [ "$(jq -r "$2" "$1")" != "true" ]; then bad "$3 ($2)"; fi
}

say "union federation: played, key results"
"$VECHE" scenario run "$ROOT/examples/union-federation.toml" --out union --format json > union.json || bad "union run"
expect union.json '[.elections[] | select(.council == "North") | .elected | length] == [4]' "North elects its 4 apportioned delegates"
expect union.json '.seated | length == 12' "12 delegates seated"
expect union.json 'any(.refused_mandates[]; .council == "Harbour Social Club" and .fault == "invented council")' "invented branch refused"
expect union.json 'any(.refused_mandates[]; .delegate == "Kowalski" and .fault == "not elected")' "signed but not elected refused"
expect union.json '.recalls[0].recalled and .recalls[0].refill == "by-election" and .recalls[0].by_election.elected == ["Cleo"]' "recall refilled by by-election"
expect union.json '.recalls[0].refused_signatures | length == 1' "second signature refused"
expect union.json '.referendums[0].carried' "strike levy carried by double majority"
expect union.json '.executive["Broad Left"] | index("General Secretary") != null' "executive formed"

say "union federation: every record verifies, and so does the whole folder"
for record in union/*/; do
  "$VECHE" verify "$record" > /dev/null || bad "veche verify $record"
done
[ "$(ls -d union/*/ | wc -l)" -eq 5 ] || bad "expected 5 records (4 elections, 1 by-election)"
"$VECHE" scenario verify union > verify.txt || { bad "scenario verify union"; cat verify.txt; }
grep -q "events.jsonl: .* events; .* signed heads" verify.txt || bad "event log not checked"

say "congress of 1918: inflated and invented delegations caught, the junior partner resigns"
"$VECHE" scenario run "$ROOT/examples/congress-1918.toml" --out congress --format json > congress.json || bad "1918 run"
expect congress.json '[.refused_mandates[] | select(.council == "Kronstadt Soviet" and .fault == "inflated delegation")] | length == 4' "Kronstadt's inflated delegation refused whole"
expect congress.json '[.refused_mandates[] | select(.fault == "invented council")] | length == 2' "two invented committees refused"
expect congress.json '.seated | length == 33' "33 seated"
expect congress.json '.executive_record.resigned == ["Left SRs"]' "Left SRs resigned"
expect congress.json '[.executive_record.picks[] | select(.party == "Left SRs" and .reallocation == false) | .portfolio] == ["Justice", "Land", "Posts and Telegraphs"]' "junior partner took justice, land, posts"
expect congress.json '.executive.Bolsheviks | length == 10' "portfolios shared again"
"$VECHE" scenario verify congress > /dev/null || bad "scenario verify congress"

say "same scenario, same summary"
"$VECHE" scenario run "$ROOT/examples/congress-1918.toml" --out again --format json > again.json || bad "second run"
cmp -s congress.json again.json || bad "two runs of one scenario differ"

say "tampering is caught"
cp -r union tampered
sed -i '1s/"Byrne"/"Brown"/' tampered/events.jsonl
out=$("$VECHE" scenario verify tampered) && bad "an edited event verified"
grep -q "do not rebuild its root" <<<"$out" || { bad "edited event not named"; echo "$out"; }
cp -r union forged
sed -i '1s/"delegate":"[^"]*"/"delegate":"Kowalski"/' forged/mandates.jsonl
out=$("$VECHE" scenario verify forged) && bad "a forged mandate verified"
grep -q "signature does not hold" <<<"$out" || { bad "forged mandate not named"; echo "$out"; }

say "docs/scenarios.md: the example plays as shown"
# fenced MARKER: the fenced block that follows an HTML comment MARKER in the page.
fenced() { awk -v m="<!-- $1 -->" '$0 == m {on=1; next} on && /^```/ {if (inside) exit; inside=1; next} inside {print}' "$ROOT/docs/scenarios.md"; }
fenced "example: small.toml" > small.toml
fenced "output: small.toml" > small.expected
[ -s small.toml ] && [ -s small.expected ] || bad "example not found in docs/scenarios.md"
"$VECHE" scenario run small.toml --out fed > small.out || bad "docs example run"
diff small.expected small.out || bad "docs example output differs"
"$VECHE" scenario verify fed > /dev/null || bad "docs example does not verify"

say "bad scenario files: one line, file:line: key, exit 2, nothing written"
refused() {  # FILE PATTERN WHAT
  local out rc
  out=$("$VECHE" scenario run "$1" --out "out-$1" 2>&1)
  rc=$?
  [ $rc -eq 2 ] || bad "$3: exit $rc"
  grep -q -- "$2" <<<"$out" || { bad "$3: no \"$2\" in: $out"; }
  [ ! -e "out-$1" ] && [ ! -e "out-$1.building" ] || bad "$3: output written"
  echo "refused: $3 -> $out"
}
cat > unknown.toml <<'TOML'
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Docks"
level = "local"
parent = "Congres"
TOML
refused unknown.toml 'unknown.toml:7: council\[2\].parent: no council called "Congres"' "unknown council"
cat > twice.toml <<'TOML'
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "A"
level = "local"
parent = "Congress"
[[council]]
name = "B"
level = "local"
parent = "Congress"
[[election]]
council = "A"
method = "irv"
seats = 1
candidates = ["Ann", "Bo"]
generate = { voters = 10 }
[[election]]
council = "B"
method = "irv"
seats = 1
candidates = ["Cy", "Ann"]
generate = { voters = 10 }
TOML
refused twice.toml 'twice.toml:22: election\[2\].candidates: "Ann" also stands in election\[1\] (A): a delegate elected twice' "delegate elected twice"
cat > noquestion.toml <<'TOML'
[[council]]
name = "Congress"
level = "congress"
[[referendum]]
majority = "simple"
[[referendum.count]]
council = "Congress"
electorate = 10
yes = 5
TOML
refused noquestion.toml 'noquestion.toml:4: referendum\[1\].question: a referendum needs a question' "referendum without a question"
"$VECHE" scenario run "$ROOT/examples/union-federation.toml" --out union > /dev/null 2>&1
[ $? -eq 2 ] || bad "an existing output folder was not refused with exit 2"

if [ $failed -ne 0 ]; then echo "scenario.sh: FAILED"; exit 1; fi
echo "scenario.sh: all checks hold"
