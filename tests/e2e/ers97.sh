#!/usr/bin/env bash
# `veche count --method stv-ers97` end to end: the worked example in
# docs/methods/stv-ers97.md (its ballots, its command, its output as printed there), the
# method listed by `veche methods`, and the same result in JSON, byte for byte each time.
set -euo pipefail
veche=$1
source "$(dirname "$0")/lib/method_page.sh"
check_method_page "$veche" stv-ers97
grep -q '"quota": "9.50"' "$work/a.json" || fail "json quota"
grep -q '"action": "Dan excluded, sub-stage 2 of 2: papers at 0.20"' "$work/a.json" || fail "json sub-stage"
"$veche" count --method stv-ers97 --format html "$work/example.blt" > "$work/sheet.html"
grep -q "Surplus of Eve transferred" "$work/sheet.html" || fail "html report"
echo "ok"
