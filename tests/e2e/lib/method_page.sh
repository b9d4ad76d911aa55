# Sourced by the e2e scripts of a counting method with a worked example on its page
# docs/methods/METHOD.md: the example's ballots (the block after <!-- example.blt -->) counted
# by the page's command must print exactly the page's output (after <!-- example.out -->);
# `veche methods` lists the method; its JSON is the same byte for byte each time.
# After `check_method_page VECHE METHOD`, $work/example.blt and $work/a.json are there for
# the method's own checks; `fail` stops with a message.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

check_method_page() {
  local veche=$1 method=$2 page
  page="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../docs" && pwd)/methods/$method.md"
  block() { awk -v name="$1" '$0 == "<!-- " name " -->" {on = 1; next} on && /^```/ {if (open) exit; open = 1; next} on && open' "$page"; }
  block example.blt > "$work/example.blt"
  [ -s "$work/example.blt" ] || fail "no example in docs/methods/$method.md"
  block example.out > "$work/expected"
  (cd "$work" && "$veche" count --method "$method" example.blt) > "$work/got"
  diff "$work/expected" "$work/got" || fail "docs/methods/$method.md example differs"

  "$veche" methods > "$work/methods"
  grep -q "^ *$method " "$work/methods" || fail "veche methods does not list $method"

  "$veche" count --method "$method" --format json "$work/example.blt" > "$work/a.json"
  "$veche" count --method "$method" --format json "$work/example.blt" | cmp - "$work/a.json" \
    || fail "json output is not deterministic"
}
