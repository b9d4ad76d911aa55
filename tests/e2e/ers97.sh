#!/usr/bin/env bash
# `veche count --method stv-ers97` end to end: the worked example in
# docs/methods/stv-ers97.md (its ballots, its command, its output as printed there), the
# method listed by `veche methods`, and the same result in JSON, byte for byte each time.
set -euo pipefail
veche=$1
docs=$(cd "$(dirname "$0")/../../docs" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

block() { awk -v name="$1" '$0 == "<!-- " name " -->" {on = 1; next} on && /^```/ {if (open) exit; open = 1; next} on && open' "$docs/methods/stv-ers97.md"; }
block example.blt > "$work/example.blt"
[ -s "$work/example.blt" ] || fail "no example in docs/methods/stv-ers97.md"
block example.out > "$work/expected"
(cd "$work" && "$veche" count --method stv-ers97 example.blt) > "$work/got"
diff "$work/expected" "$work/got" || fail "docs/methods/stv-ers97.md example differs"

"$veche" methods > "$work/methods"
grep -q "^ *stv-ers97 " "$work/methods" || fail "veche methods does not list stv-ers97"

"$veche" count --method stv-ers97 --format json "$work/example.blt" > "$work/a.json"
"$veche" count --method stv-ers97 --format json "$work/example.blt" | cmp - "$work/a.json" \
  || fail "json output is not deterministic"
grep -q '"quota": "9.50"' "$work/a.json" || fail "json quota"
grep -q '"action": "Dan excluded, sub-stage 2 of 2: papers at 0.20"' "$work/a.json" || fail "json sub-stage"
"$veche" count --method stv-ers97 --format html "$work/example.blt" > "$work/sheet.html"
grep -q "Surplus of Eve transferred" "$work/sheet.html" || fail "html report"
echo "ok"
