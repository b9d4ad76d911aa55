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
expect union.json '[.elections[] | select(.council == "North") | .elected | length] == [7]' "North elects its 7 apportioned delegates"
expect union.json '.seated | length == 36' "36 delegates seated"
expect union.json '[.delegations.councils[].basis] | add == 248205' "300 branches of 248,205 members, most made up from counts"
expect union.json '[.elections[] | select(.council | test(" Branch "))] | length == 294' "every made-up branch holds the election written for its level"
expect union.json '[.elections[] | select(.council == "South") | .elected[0]] == ["South Branch 41 member 360"]' "a district's candidates drawn from its branches' members"
expect union.json '.recalls[1].signatures == 40 and .recalls[1].eligible == 248 and (.recalls[1].triggered | not)' "40 drawn signatures fall short of a quarter of the branch"
expect union.json 'any(.refused_mandates[]; .council == "Harbour Social Club" and .fault == "invented council")' "invented branch refused"
expect union.json 'any(.refused_mandates[]; .delegate == "Kowalski" and .fault == "not elected")' "signed but not elected refused"
expect union.json '.recalls[0].recalled and .recalls[0].refill == "by-election" and .recalls[0].by_election.elected == ["Cleo"]' "recall refilled by by-election"
expect union.json '.recalls[0].refused_signatures | length == 1' "second signature refused"
expect union.json '.referendums[0].carried' "strike levy carried by double majority"
expect union.json '.referendums[0].initiative | .signatures == 25000 and .eligible == 248205 and .triggered and ([.refused_signatures[].member] == ["Ada"])' "initiative of 25,000 drawn signatures triggers the referendum; a late one refused"
expect union.json '[.referendums[0].constituencies[].record] == ["referendum 1/North", "referendum 1/South", "referendum 1/East", "referendum 1/West", "referendum 1/Midlands", "referendum 1/Capital"]' "each constituency's referendum vote has its record"
expect union.json '.recalls[0].vote.record == "Docks recall 1" and .recalls[0].vote.recall == 3' "the recall vote has its record"
expect union.json '.executive["Broad Left"] | index("General Secretary") != null' "executive formed"
expect union.json '[.level_delegations[].parent] == ["North", "South", "East", "West", "Midlands", "Capital"]' "each district's table of its branches' delegates"
expect union.json '([.level_delegations[].councils[] | {(.council): .delegates}] | add) as $t | all(.elections[] | select(.to != "Congress"); .seats == $t[.council])' "every branch elects the delegates its district's table gives it"
expect union.json '[.elections[] | select(.to != "Congress" and .seats == 2)] | length > 0' "some branches send two"
expect union.json '([.level_delegations[].seated | length] | add) == ([.level_delegations[].total] | add)' "every branch delegate seated at their district"
expect union.json 'any(.refused_mandates[]; .council == "North Branch 3" and .to == "South" and .fault == "not a delegation to this council")' "a branch's mandate to another district refused, the district named"

say "union federation: every record verifies, and so does the whole folder"
records=$(ls -d union/*/manifest.json union/*/*/manifest.json | xargs -n1 -d '\n' dirname)
while read -r record; do
  "$VECHE" verify "$record" > /dev/null || bad "veche verify $record"
done <<<"$(grep -v " Branch " <<<"$records"; echo "union/North Branch 17")"  # scenario verify checks all
[ "$(wc -l <<<"$records")" -eq 314 ] || bad "expected 314 records (306 elections, 1 by-election, 1 recall vote, 6 referendum votes)"
"$VECHE" scenario verify union > verify.txt || { bad "scenario verify union"; cat verify.txt; }
grep -q "events.jsonl: .* events; .* signed heads" verify.txt || bad "event log not checked"
grep -q 'events.jsonl line [0-9]*: referendum ".*": 6 record(s) recounted as logged, carried by its rules' verify.txt || bad "referendum not decided again from its records"
grep -q '"event":"initiative","question":"Shall the federation levy 1% of dues for a strike fund?",.*"signatures":25000,.*"triggered":true' union/events.jsonl || bad "the initiative not in the event log"
grep -q 'events.jsonl line [0-9]*: recall of Dev: record Docks recall 1 recounted as logged, recalled' verify.txt || bad "recall vote not decided again from its record"
[ "$(grep -c "election record verifies" verify.txt)" -eq 314 ] || bad "scenario verify did not check all 314 records"
grep -q 'mandates.jsonl line [0-9]*: .* of North Branch 17, signed, elected by record North Branch 17$' verify.txt || bad "scenario verify did not check a branch's mandate to its district"
grep -q '"event":"mandate checked","council":"North Branch 3","delegate":"Jones","to":"South","seated":false' union/events.jsonl || bad "the district's refusal not in the event log"
grep -q 'mandates.jsonl line [0-9]*: Cleo of Docks, signed, elected by record Docks by-election 1$' verify.txt || bad "scenario verify did not check the refilled branch mandate"

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
cp -r union recast
sed -i '0,/"no"/s/"no"/"yes"/' "recast/referendum 1/South/ballots.jsonl"
out=$("$VECHE" scenario verify recast) && bad "an edited referendum ballot verified"
grep -q "^FAIL  referendum 1/South/" <<<"$out" || { bad "edited referendum ballot not named"; echo "$out"; }

say "refills: countback and next on the list, twice each, on mandates the congress checks"
cat > refills.toml <<'TOML'
[organisation]
name = "Federation"
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Docks"
level = "local"
parent = "Congress"
members = 2000
[[council]]
name = "Depot"
level = "local"
parent = "Congress"
members = 2000
[delegations]
rule = "proportional"
method = "dhondt"
seats = 4
minimum = 2
[[election]]
council = "Docks"
method = "stv-scottish"
candidates = ["Ann", "Bo", "Cy", "Di"]
[[election.ballot]]
ranks = ["Ann", "Cy"]
count = 40
[[election.ballot]]
ranks = ["Bo", "Di"]
count = 35
[[election.ballot]]
ranks = ["Cy"]
count = 15
[[election.ballot]]
ranks = ["Di"]
count = 10
[[election]]
council = "Depot"
method = "sainte-lague"
[[election.list]]
party = "Reds"
candidates = ["Ed", "Flo", "Gus"]
[[election.list]]
party = "Blues"
candidates = ["Hal", "Ida"]
[[election.ballot]]
ranks = ["Reds"]
count = 70
[[election.ballot]]
ranks = ["Blues"]
count = 30
TOML
for delegate in Ann Ed Cy Flo; do
  printf '[[recall]]\ndelegate = "%s"\ndeadline = "2026-06-01T00:00:00Z"\nthreshold = "0"\n[recall.vote]\nelectorate = 20\nrecall = 15\nkeep = 5\n' "$delegate" >> refills.toml
done
"$VECHE" scenario run refills.toml --out refills --format json > refills.json || bad "refills run"
expect refills.json '[.recalls[] | (.countback // .next_on_list).elected] == ["Cy", "Flo", "Di", "Gus"]' "each recall refilled from its record"
expect refills.json '([.seated[].delegate] | sort) == ["Bo", "Di", "Gus", "Hal"] and (.refused_mandates | length == 0)' "the refilled delegates seated"
"$VECHE" scenario verify refills > refills.txt || { bad "scenario verify refills"; cat refills.txt; }
grep -q "Di of Docks, signed, seated by the countback-2.json of record Docks" refills.txt || bad "the second countback's mandate not checked"
grep -q 'Gus of Depot, signed, seated by the next on the list after \["Ed","Flo"\]' refills.txt || bad "the second list refill's mandate not checked"
cp -r refills recounted
sed -i 's/"elected": "Di"/"elected": "Cy"/' recounted/Docks/countback-2.json
out=$("$VECHE" scenario verify recounted) && bad "an edited countback statement verified"
grep -q "names a countback-2.json other than record Docks's" <<<"$out" || { bad "edited countback not named"; echo "$out"; }

say "docs/scenarios.md: the example plays as shown"
# fenced MARKER: the fenced block that follows an HTML comment MARKER in the page.
fenced() { awk -v m="<!-- $1 -->" '$0 == m {on=1; next} on && /^```/ {if (inside) exit; inside=1; next} inside {print}' "$ROOT/docs/scenarios.md"; }
fenced "example: small.toml" > small.toml
fenced "output: small.toml" > small.expected
[ -s small.toml ] && [ -s small.expected ] || bad "example not found in docs/scenarios.md"
"$VECHE" scenario run small.toml --out fed > small.out || bad "docs example run"
diff small.expected small.out || bad "docs example output differs"
"$VECHE" scenario verify fed > /dev/null || bad "docs example does not verify"

say "docs/scenarios.md: a register from counts plays as shown"
fenced "example: branches.toml" > branches.toml
fenced "output: branches.toml" > branches.expected
[ -s branches.toml ] && [ -s branches.expected ] || bad "register-from-counts example not found"
"$VECHE" scenario run branches.toml --out shops > branches.out || bad "branches.toml run"
diff branches.expected branches.out || bad "branches.toml output differs"
"$VECHE" scenario verify shops > /dev/null || bad "branches.toml does not verify"

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
