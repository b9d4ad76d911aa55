#!/bin/bash
# The public record through the CLI: build, verify, tamper (each caught by name),
# import a real election, and kill -9 in the middle of a stream of casts.
# Usage: record.sh VECHE_BINARY TEST_DATA_DIR SHARED_DATA_DIR
set -u
VECHE=$1
DATA=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
failed=0

say() { echo "== $*"; }
bad() { echo "FAILED: $*"; failed=1; }

# verify_fails RECORD PATTERN WHAT: verify must exit non-zero and print PATTERN.
verify_fails() {
  local out
  out=$("$VECHE" verify "$1" 2>&1)
  local rc=$?
  if [ $rc -eq 0 ]; then bad "$3: verify passed"; echo "$out"; return; fi
  if ! grep -q -- "$2" <<<"$out"; then bad "$3: no \"$2\" in:"; echo "$out"; return; fi
  echo "caught: $3 -> $(grep -m1 '^FAIL' <<<"$out")"
}

verify_holds() {
  local out
  if ! out=$("$VECHE" verify "$@" 2>&1); then bad "verify $* failed"; echo "$out"; fi
}

say "build a record step by step"
"$VECHE" record init rec --method irv --candidates Alice,Bob,Carol,Dave --title "Club 2026" \
  --run-by "Returning officer" --council "Club board" >/dev/null || bad init
for i in $(seq 1 20); do
  case $((i % 4)) in
    0) r="-r Alice -r Bob" ;; 1) r="-r Bob -r Carol" ;; 2) r="-r Carol -r Alice=Dave" ;; *) r="-r Dave" ;;
  esac
  "$VECHE" record cast rec --voter "member-$i" $r >> receipts.jsonl || bad "cast $i"
done
"$VECHE" record cast rec --voter member-1 -r Alice >/dev/null 2>&1 && bad "a second vote was accepted"
"$VECHE" record close rec >/dev/null || bad close
"$VECHE" record cast rec --voter late -r Alice >/dev/null 2>&1 && bad "a cast after close was accepted"
"$VECHE" record count rec >/dev/null || bad count
verify_holds rec
"$VECHE" verify rec
head -1 receipts.jsonl > receipt.json
verify_holds rec --receipt receipt.json
first=$(grep '"log":"ballots"' rec/heads.jsonl | sed -n 2p)
last=$(grep '"log":"ballots"' rec/heads.jsonl | tail -1)
verify_holds rec --from "$first" --to "$last"

say "tamper tests"
fresh() { rm -rf t; cp -r rec t; }

fresh; sed -i '3s/ranks/ranke/' t/ballots.jsonl
verify_fails t "ballots.jsonl line" "one byte of one ballot changed"

fresh; sed -i '5d' t/ballots.jsonl
verify_fails t "ballots.jsonl" "a ballot dropped"

fresh; sed -i '5p' t/ballots.jsonl
verify_fails t "ballots.jsonl" "a ballot duplicated"

fresh
a=$(sed -n 1p t/ballots.jsonl); n=2
while [ "$(sed -n ${n}p t/ballots.jsonl)" = "$a" ]; do n=$((n + 1)); done
b=$(sed -n ${n}p t/ballots.jsonl)
awk -v n="$n" -v a="$a" -v b="$b" 'NR==1{print b; next} NR==n{print a; next} {print}' rec/ballots.jsonl > t/ballots.jsonl
verify_fails t "do not rebuild" "two ballots reordered"

fresh; echo '{"ranks":[["Carol"]]}' >> t/ballots.jsonl
verify_fails t "cast after close" "a ballot added after close"

"$VECHE" record init other --method irv --candidates Alice,Bob,Carol,Dave --title "Club 2026" >/dev/null
"$VECHE" record cast other --voter x -r Carol >/dev/null
"$VECHE" record close other >/dev/null && "$VECHE" record count other >/dev/null
fresh; cp other/outcome.json t/outcome.json
verify_fails t "outcome.json" "the outcome swapped for another"

# Re-signed with another key: the other record's returning officer signs this outcome.
fresh; rm -rf resign; cp -r rec resign
other_key=$(grep -o '"returning_officer": "[0-9a-f]*"' other/manifest.json)
sed -i "s/\"returning_officer\": \"[0-9a-f]*\"/$other_key/" resign/manifest.json
"$VECHE" record count resign --keys other.keys >/dev/null || bad "re-sign"
cp resign/outcome.json t/outcome.json
verify_fails t "signature does not hold" "the outcome re-signed with another key"

fresh; size=$(stat -c %s t/ballots.jsonl); truncate -s $((size / 2)) t/ballots.jsonl
verify_fails t "ballots.jsonl" "ballots.jsonl truncated"
fresh; size=$(stat -c %s t/heads.jsonl); truncate -s $((size - 40)) t/heads.jsonl
verify_fails t "FAIL" "heads.jsonl truncated"
fresh; truncate -s 100 t/outcome.json
verify_fails t "outcome.json" "outcome.json truncated"
fresh; truncate -s 0 t/roll.jsonl
verify_fails t "roll.jsonl" "roll.jsonl emptied"
fresh; sed -i '2d' t/roll.jsonl
verify_fails t "roll.jsonl" "a voter dropped from the roll"
fresh; sed -i 's/"size":3,/"size":4,/' t/heads.jsonl
verify_fails t "heads.jsonl line" "a head's size changed"

say "import a real election"
"$VECHE" record import burlington --method irv "$DATA/burlington-2006/00005-00000001.toi" >/dev/null \
  || bad "import"
verify_holds burlington
out=$("$VECHE" verify burlington)
grep -q "roll: not part of this record" <<<"$out" || bad "verify does not say the roll is missing"
want=$("$VECHE" count --method irv --format json "$DATA/burlington-2006/00005-00000001.toi" \
       | python3 -c 'import json,sys; print(json.load(sys.stdin)["elected"])')
got=$(python3 -c 'import json,sys; print(json.load(open("burlington/outcome.json"))["outcome"]["elected"])')
[ "$want" = "$got" ] || bad "import elected $got, count elected $want"
official=$(python3 -c "import json; print(json.load(open('$DATA/burlington-2006/official.json'))['elected'])")
[ "$official" = "$got" ] || bad "import elected $got, officially $official"
for i in $(seq 1 30); do echo "voter-$i"; done > short-roll.txt
"$VECHE" record import wrong --method irv --roll short-roll.txt \
  "$DATA/burlington-2006/00005-00000001.toi" >/dev/null 2>&1 && bad "a roll of the wrong length was accepted"

say "import with every option of the count"
burlington="$DATA/burlington-2006/00005-00000001.toi"
options=(--method irv --overvote reject --repeated reject --tie-seed 42 --tie-look-back none
         --batch-elimination)
"$VECHE" record import opts "${options[@]}" "$burlington" >/dev/null || bad "import with options"
verify_holds opts
for want in '"overvote": "reject"' '"repeated": "reject"' '"tie_seed": "42"' '"look_back": "none"' \
            '"batch_elimination": true'; do
  grep -q -- "$want" opts/manifest.json || bad "manifest.json lacks $want"
done
want=$("$VECHE" count "${options[@]}" --format json "$burlington" | python3 -c 'import json,sys; print(json.load(sys.stdin))')
got=$(python3 -c 'import json; print(json.load(open("opts/outcome.json"))["outcome"])')
[ "$want" = "$got" ] || bad "import with options counted otherwise than count with the same flags"
rm -rf t; cp -r opts t; sed -i 's/"overvote": "reject"/"overvote": "exhaust"/' t/manifest.json
verify_fails t 'count.overvote is "exhaust", but outcome.json was counted with "reject"' \
  "an option of the count edited in manifest.json"

say "ballots the rules set aside stay in the record"
printf '%s\n' rank1,rank2,rank3 Alice,Bob, Bob,Zed,Alice Carol,,Alice Alice,Carol, Bob,Alice, > set-aside.csv
"$VECHE" record import aside --method irv --candidates Alice,Bob,Carol --unknown-name reject \
  --skipped-rank reject set-aside.csv > aside.out || bad "import with ballots set aside"
grep -q "5 ballots (2 set aside by the ballot rules)" aside.out || bad "import does not say what it set aside: $(cat aside.out)"
verify_holds aside
[ "$(grep -c '^{"rejected":\["skipped_rank","unknown_name"\]}$' aside/ballots.jsonl)" = 2 ] \
  || bad "the set-aside ballots are not in ballots.jsonl: $(cat aside/ballots.jsonl)"
want=$("$VECHE" count --method irv --candidates Alice,Bob,Carol --unknown-name reject --skipped-rank reject \
       --format json set-aside.csv | python3 -c 'import json,sys; print(json.load(sys.stdin))')
got=$(python3 -c 'import json; print(json.load(open("aside/outcome.json"))["outcome"])')
[ "$want" = "$got" ] || bad "the record of set-aside ballots counts otherwise than count"

say "a bad line in a stream of casts is named; the batches before it stand"
"$VECHE" record init stream --method irv --candidates Alice,Bob >/dev/null
printf '%s\n' '{"voter":"s1","ranks":[["Alice"]]}' '{"ranks":[["Bob"]],"voter":"s2"}' \
  '{"voter":"s3","ranks":[["Zed"]]}' '{"voter":"s4","ranks":[["Bob"]]}' > bad-stream.jsonl
"$VECHE" record cast stream --stdin --batch 1 < bad-stream.jsonl > stream-receipts.jsonl 2> stream.err
rc=$?
[ $rc -eq 2 ] || bad "a stream with an unknown name exited $rc, not 2"
grep -q '^stdin:3: ranks: "Zed" is not a candidate' stream.err || bad "no stdin:3 message: $(cat stream.err)"
[ "$(wc -l < stream-receipts.jsonl)" = 2 ] || bad "not 2 receipts before the bad line"
[ "$(wc -l < stream/ballots.jsonl)" = 2 ] || bad "not 2 ballots before the bad line"
printf '%s\n' '{"voter":"s5","ranks":[["Alice"]]' | "$VECHE" record cast stream --stdin > /dev/null 2> stream.err
grep -q '^stdin:1: ' stream.err || bad "a line that is not JSON is not named: $(cat stream.err)"
verify_holds stream
head -n 2 stream-receipts.jsonl | tail -n 1 > stream-receipt.json
verify_holds stream --receipt stream-receipt.json

say "kill -9 during a stream of casts"
"$VECHE" record init live --method irv --candidates Alice,Bob,Carol,Dave >/dev/null
python3 -c '
import json
names = ["Alice", "Bob", "Carol", "Dave"]
for i in range(400000):
    print(json.dumps({"voter": "v%d" % i, "ranks": [[names[i % 4]], [names[(i * 7 + 1) % 4]]]}))
' > stream.jsonl
"$VECHE" record cast live --stdin --batch 200 < stream.jsonl > live-receipts.jsonl &
pid=$!
for _ in $(seq 1 100); do
  [ "$(wc -l < live-receipts.jsonl)" -gt 2000 ] && break
  sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null
n=$(wc -l < live-receipts.jsonl)
echo "receipts before the kill: $n"
[ "$n" -gt 0 ] || bad "no receipt before the kill"
verify_holds live
"$VECHE" verify live | grep -E "never cast|torn|interrupted" || true
# Every receipt printed in full before the kill: check the first, the last and a sample.
head -n "$n" live-receipts.jsonl | python3 -c '
import sys
lines = [l for l in sys.stdin if l.endswith("\n")]
pick = sorted(set([0, len(lines) - 1] + list(range(0, len(lines), max(1, len(lines) // 10)))))
for i in pick: open("live-receipt-%d.json" % i, "w").write(lines[i])
'
for r in live-receipt-*.json; do verify_holds live --receipt "$r"; done
# The record goes on after the crash, and every receipt still holds after close.
echo '{"voter":"after-crash","ranks":[["Alice"]]}' | "$VECHE" record cast live --stdin >/dev/null \
  || bad "cast after the crash"
"$VECHE" record close live >/dev/null && "$VECHE" record count live >/dev/null || bad "close after the crash"
verify_holds live
for r in live-receipt-*.json; do verify_holds live --receipt "$r"; done

if [ $failed -ne 0 ]; then echo "record.sh: FAILED"; exit 1; fi
echo "record.sh: all passed"
