#include <fmt/format.h>
#include <fmt/ranges.h>

#include "veche/council/draw_members.hpp"
#include "veche/council/petition.hpp"
#include "veche/council/scenario_register.hpp"

namespace veche {

std::vector<ScenarioSignature> read_drawn_signatures(const ScenarioToml& toml, const toml::table& t,
                                                     const std::string& path, const Scenario& s,
                                                     std::span<const CouncilId> constituencies,
                                                     const std::string& subject,
                                                     std::size_t written) {
  const Organisation& o = s.organisation;
  std::vector<ScenarioSignature> out;
  const toml::node* node = t.get("signatures");
  if (!node) return out;
  std::string sp = path + ".signatures";
  const toml::table& drawn = toml.table_at(*node, sp);
  toml.check_keys(drawn, sp, {"count", "seed", "at"});
  auto count = toml.number(drawn, "count", sp, 1);
  if (!count) toml.fail(drawn, sp + ".count", "missing: how many members sign");
  std::int64_t before = static_cast<std::int64_t>(written);
  for (const ScenarioRecall& earlier : s.recalls)
    before += static_cast<std::int64_t>(earlier.signatures.size());
  for (const ScenarioReferendum& earlier : s.referendums) {
    if (earlier.initiative)
      before += static_cast<std::int64_t>(earlier.initiative->signatures.size());
  }
  if (*count > kMostSignatures - before)
    toml.fail(*drawn.get("count"), sp + ".count",
              fmt::format("at most {} signatures in all petitions together", kMostSignatures));
  std::string when = toml.required_text(drawn, "at", sp);
  auto at = parse_moment(when);
  if (!at)
    toml.fail(*drawn.get("at"), sp + ".at", "expected a UTC time such as 2026-03-01T12:00:00Z");
  ConstituencyMembers members(o, constituencies);
  if (static_cast<std::uint64_t>(*count) > members.size()) {
    std::vector<std::string> names;
    for (CouncilId c : constituencies) names.push_back(o.council(c).name);
    toml.fail(*drawn.get("count"), sp + ".count",
              fmt::format("{} signatures, but {} {} {} members on {} register", *count,
                          fmt::join(names, " and "), names.size() == 1 ? "has" : "have",
                          members.size(), names.size() == 1 ? "its" : "their"));
  }
  SeededDraws draws(toml.text(drawn, "seed", sp).value_or("0"), "signatures:" + subject);
  for (MemberId id : draw_members(members, static_cast<std::uint64_t>(*count), draws))
    out.push_back({o.member(id).name, *at});
  return out;
}

}  // namespace veche
