#!/usr/bin/env bash
# `veche countback` end to end: a real Scottish ward counted, each member's seat vacated
# in turn and refilled from their papers; the example in docs/methods/countback.md; and
# one clear line with exit 2 for a name that is wrong.
set -euo pipefail
veche=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") data=$2
docs=$(cd "$(dirname "$0")/../../docs" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

tar -xJf "$data/scotland-2017/scotland-2017.tar.xz" -C "$work" ./clackmannanshire/clackmannanshire-north.blt
ward="$work/clackmannanshire/clackmannanshire-north.blt"
"$veche" count --method stv-scottish --format json "$ward" > "$work/count.json"

# For every member: the winner stood and was not elected, and the first stage (votes and
# non-transferable) holds the member's papers in full: their total at the end of the
# count, plus at most the 0.00001 a paper that truncating transfer values left them.
python3 - "$work/count.json" > "$work/members" <<'PY'
import json, sys
count = json.load(open(sys.argv[1]))
for name in count["elected"]:
    print(name)
PY
[ "$(wc -l < "$work/members")" -eq 4 ] || fail "the ward elects 4"
while IFS= read -r member; do
  "$veche" countback --method stv-scottish --vacating "$member" --format json "$ward" > "$work/back.json"
  python3 - "$work/count.json" "$work/back.json" "$member" <<'PY' || fail "countback for $member"
import json, sys
from fractions import Fraction as F
count, back, member = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
assert back["seats"] == 1, back["seats"]
winner, = back["elected"]
assert winner != member and winner not in count["elected"], winner
unelected = set(count["candidates"]) - set(count["elected"])
assert set(back["rounds"][0]["votes"]) == unelected, back["rounds"][0]["votes"]
first = back["rounds"][0]
papers = sum(F(v) for v in first["votes"].values()) + F(first["exhausted"])
held = F(count["rounds"][-1]["votes"][member])
poll = sum(F(v) for v in count["rounds"][0]["votes"].values()) + F(count["rounds"][0].get("exhausted", "0"))
assert held <= papers < held + poll / 100000, (papers, held)
# The winner has more than half of the votes still in the count at the last stage.
last = back["rounds"][-1]["votes"]
live = sum(F(v) for v in last.values())
assert 2 * F(last[winner]) > live or sum(1 for v in last.values() if F(v) > 0) <= 1, last
print(f"{member}: {winner} in {len(back['rounds'])} stages, papers worth {float(papers):.5f}", file=sys.stderr)
PY
done < "$work/members"

# Same input, same flags: byte-identical output.
member=$(head -1 "$work/members")
"$veche" countback --method stv-scottish --vacating "$member" --format json "$ward" > "$work/a.json"
"$veche" countback --method stv-scottish --vacating "$member" --format json "$ward" | cmp - "$work/a.json" \
  || fail "output not deterministic"
"$veche" countback --method stv-scottish --vacating "$member" --format html "$ward" > "$work/back.html"
grep -q "<svg" "$work/back.html" || fail "html report"

# The example in the documentation: its ballots, its command, its output, as printed there.
block() { awk -v name="$1" '$0 == "<!-- " name " -->" {on = 1; next} on && /^```/ {if (open) exit; open = 1; next} on && open' "$docs/methods/countback.md"; }
block example.blt > "$work/example.blt"
[ -s "$work/example.blt" ] || fail "no example in docs/methods/countback.md"
block example.out > "$work/expected"
(cd "$work" && "$veche" countback --method stv-scottish --vacating Ann example.blt) > "$work/got"
diff "$work/expected" "$work/got" || fail "docs/methods/countback.md example differs"

# Bad requests: one line, exit 2, nothing on stdout.
expect_bad() {
  local what=$1; shift
  set +e
  "$veche" countback "$@" > "$work/out" 2> "$work/err"
  local rc=$?
  set -e
  [ $rc -eq 2 ] || fail "$what: exit $rc, expected 2"
  [ ! -s "$work/out" ] || fail "$what: printed a result"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "$what: message is not one line: $(cat "$work/err")"
}
expect_bad "unknown name" --method stv-scottish --vacating "Nobody" "$ward"
grep -q -- '--vacating: "Nobody" is not in the file' "$work/err" || fail "unknown name: $(cat "$work/err")"
expect_bad "not elected" --method stv-scottish --vacating "Jack GERVAISE (Grn)" "$ward"
grep -q "Jack GERVAISE (Grn) was not elected" "$work/err" || fail "not elected: $(cat "$work/err")"
expect_bad "elected as standing" --method stv-scottish --vacating "$member" --standing "$(sed -n 2p "$work/members")" "$ward"
expect_bad "unknown standing" --method stv-scottish --vacating "$member" --standing "Nobody" "$ward"
expect_bad "not STV" --method irv --vacating "$member" "$ward"
expect_bad "unknown method" --method no-such-method --vacating "$member" "$ward"
echo "e2e countback: all checks passed"
