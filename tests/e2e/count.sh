#!/usr/bin/env bash
# The CLI contract of `veche count`, end to end: real elections, JSON shape,
# determinism, and one clear message with exit 2 for bad input.
set -euo pipefail
veche=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

json_get() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(eval(sys.argv[2], {}, {'d': d}), ensure_ascii=False))" "$@"; }

# Burlington 2006: IRV elects Bob Kiss, and so does every Condorcet method.
toi="$data/burlington-2006/00005-00000001.toi"
for method in irv schulze ranked-pairs copeland minimax condorcet; do
  "$veche" count --method "$method" --format json "$toi" > "$work/$method.json"
  [ "$(json_get "$work/$method.json" "d['elected']")" = '["Bob Kiss"]' ] || fail "$method did not elect Bob Kiss"
done
[ "$(json_get "$work/irv.json" "len(d['candidates'])")" = 6 ] || fail "candidates missing"
[ "$(json_get "$work/irv.json" "d['rounds'][0]['votes']['Bob Kiss']")" = 3809 ] || fail "first round"

# Same input, same flags: byte-identical output.
"$veche" count --method irv --format json "$toi" | cmp - "$work/irv.json" || fail "output not deterministic"

# Bad input: one line naming the file, exit 2, nothing on stdout.
expect_bad() {
  local file=$1 what=$2
  set +e
  "$veche" count --method irv "$file" > "$work/out" 2> "$work/err"
  local rc=$?
  set -e
  [ $rc -eq 2 ] || fail "$what: exit $rc, expected 2"
  [ ! -s "$work/out" ] || fail "$what: printed a result"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "$what: message is not one line: $(cat "$work/err")"
  case "$(cat "$work/err")" in "$file"*) ;; *) fail "$what: message does not start with the path: $(cat "$work/err")" ;; esac
}
printf '3 1\n1 1 2 0\n1 2 ' > "$work/truncated.blt"
expect_bad "$work/truncated.blt" "truncated BLT"
printf '3 1\n-2 1 2 0\n0\n"A"\n"B"\n"C"\n"t"\n' > "$work/negative.blt"
expect_bad "$work/negative.blt" "negative weight"
printf '3 1\n1 1 4 0\n0\n"A"\n"B"\n"C"\n"t"\n' > "$work/unknown.blt"
expect_bad "$work/unknown.blt" "candidate not on the list"
# A CSV with one column a rank names its candidates only through --candidates.
printf 'rank1,rank2\nAnn,Ben\nBen,Zed\nAnn,Cat\n' > "$work/unknown.csv"
set +e
"$veche" count --method irv --candidates Ann,Ben,Cat "$work/unknown.csv" > "$work/out" 2> "$work/err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "unknown CSV name: exit $rc"
case "$(cat "$work/err")" in "$work/unknown.csv:3"*Zed*) ;; *) fail "unknown CSV name: $(cat "$work/err")" ;; esac
"$veche" count --method irv --candidates Ann,Ben,Cat --unknown-name skip "$work/unknown.csv" > "$work/out"
grep -q "Elected: Ann" "$work/out" || fail "unknown name skipped: $(cat "$work/out")"
printf 'Ann,Ben,Cat\n1,2,3\n2,1\n' > "$work/missing.csv"
expect_bad "$work/missing.csv" "missing column"

set +e
"$veche" count --method no-such-method "$toi" > /dev/null 2> "$work/err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "unknown method: exit $rc"
echo "e2e count: all checks passed"
