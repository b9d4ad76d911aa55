#!/usr/bin/env bash
# `veche count --method stv-gregory` end to end: the worked example in
# docs/methods/stv-gregory.md (its ballots, its command, its output as printed there), the
# method listed by `veche methods`, and the same result in JSON, byte for byte each time.
set -euo pipefail
veche=$1
docs=$(cd "$(dirname "$0")/../../docs" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

block() { awk -v name="$1" '$0 == "<!-- " name " -->" {on = 1; next} on && /^```/ {if (open) exit; open = 1; next} on && open' "$docs/methods/stv-gregory.md"; }
block example.blt > "$work/example.blt"
[ -s "$work/example.blt" ] || fail "no example in docs/methods/stv-gregory.md"
block example.out > "$work/expected"
(cd "$work" && "$veche" count --method stv-gregory example.blt) > "$work/got"
diff "$work/expected" "$work/got" || fail "docs/methods/stv-gregory.md example differs"

"$veche" methods > "$work/methods"
grep -q "^ *stv-gregory " "$work/methods" || fail "veche methods does not list stv-gregory"

"$veche" count --method stv-gregory --format json "$work/example.blt" > "$work/a.json"
"$veche" count --method stv-gregory --format json "$work/example.blt" | cmp - "$work/a.json" \
  || fail "json output is not deterministic"
grep -q '"quota": 19' "$work/a.json" || fail "json quota"
grep -q '"action": "Birch excluded (papers at transfer value 3/22)"' "$work/a.json" || fail "json parcel"
echo "ok"
