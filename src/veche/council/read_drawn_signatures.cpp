#include <fmt/format.h>

#include "veche/council/draw_members.hpp"
#include "veche/council/petition.hpp"
#include "veche/council/scenario_register.hpp"

namespace veche {

std::vector<ScenarioSignature> read_drawn_signatures(const ScenarioToml& toml, const toml::table& t,
                                                     const std::string& path, const Scenario& s,
                                                     const ScenarioRecall& recall) {
  const Organisation& o = s.organisation;
  CouncilId constituency = recall.constituency;
  std::vector<ScenarioSignature> out;
  const toml::node* node = t.get("signatures");
  if (!node) return out;
  std::string sp = path + ".signatures";
  const toml::table& drawn = toml.table_at(*node, sp);
  toml.check_keys(drawn, sp, {"count", "seed", "at"});
  auto count = toml.number(drawn, "count", sp, 1);
  if (!count) toml.fail(drawn, sp + ".count", "missing: how many members sign");
  std::int64_t before = static_cast<std::int64_t>(recall.signatures.size());
  for (const ScenarioRecall& earlier : s.recalls)
    before += static_cast<std::int64_t>(earlier.signatures.size());
  if (*count > kMostSignatures - before)
    toml.fail(*drawn.get("count"), sp + ".count",
              fmt::format("at most {} signatures in all petitions together", kMostSignatures));
  std::string when = toml.required_text(drawn, "at", sp);
  auto at = parse_moment(when);
  if (!at)
    toml.fail(*drawn.get("at"), sp + ".at", "expected a UTC time such as 2026-03-01T12:00:00Z");
  ConstituencyMembers members(o, constituency);
  if (static_cast<std::uint64_t>(*count) > members.size()) {
    toml.fail(*drawn.get("count"), sp + ".count",
              fmt::format("{} signatures, but {} has {} members on its register", *count,
                          o.council(constituency).name, members.size()));
  }
  SeededDraws draws(toml.text(drawn, "seed", sp).value_or("0"), "signatures:" + recall.delegate);
  for (MemberId id : draw_members(members, static_cast<std::uint64_t>(*count), draws))
    out.push_back({o.member(id).name, *at});
  return out;
}

}  // namespace veche
