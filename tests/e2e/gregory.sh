#!/usr/bin/env bash
# `veche count --method stv-gregory` end to end: the worked example in
# docs/methods/stv-gregory.md (its ballots, its command, its output as printed there), the
# method listed by `veche methods`, and the same result in JSON, byte for byte each time.
set -euo pipefail
veche=$1
source "$(dirname "$0")/lib/method_page.sh"
check_method_page "$veche" stv-gregory
grep -q '"quota": 19' "$work/a.json" || fail "json quota"
grep -q '"action": "Birch excluded (papers at transfer value 3/22)"' "$work/a.json" || fail "json parcel"
echo "ok"
