#include <fmt/format.h>

#include "veche/council/scenario_register.hpp"

namespace veche {

void read_member_roll(const ScenarioToml& toml, const toml::table& t, const std::string& path,
                      Organisation& o, CouncilId council) {
  const toml::node* node = t.get("roll");
  if (!node) return;
  std::string rp = path + ".roll";
  const toml::table& r = toml.table_at(*node, rp);
  toml.check_keys(r, rp, {"name", "seed", "parties", "unaffiliated"});
  MemberRoll roll;
  roll.pattern = toml.text(r, "name", rp).value_or(roll.pattern);
  roll.seed = toml.text(r, "seed", rp).value_or(roll.seed);
  if (const toml::node* parties = r.get("parties")) {
    const toml::table& weights = toml.table_at(*parties, rp + ".parties");
    roll.party_weights.assign(o.parties().size(), 0);
    for (const auto& [party, weight] : weights) {
      std::string key = rp + ".parties." + std::string(party.str());
      auto id = o.find_party(party.str());
      if (!id) toml.fail(weight, key, "no such party in organisation.parties");
      if (!weight.is_integer() || weight.as_integer()->get() < 0)
        toml.fail(weight, key, "expected a weight, a whole number 0 or more");
      roll.party_weights[*id] = static_cast<std::uint64_t>(weight.as_integer()->get());
    }
    roll.unaffiliated = 0;  // a party for everyone, unless said otherwise
  }
  if (auto none = toml.number(r, "unaffiliated", rp))
    roll.unaffiliated = static_cast<std::uint64_t>(*none);
  std::uint64_t total = roll.unaffiliated;
  for (std::uint64_t w : roll.party_weights) total += w;
  if (total == 0) toml.fail(r, rp + ".parties", "every weight is 0: no member could be drawn");
  if (total > (std::uint64_t{1} << 62)) toml.fail(r, rp + ".parties", "the weights are too large");
  const Council& c = o.council(council);
  if (c.attested_members && static_cast<std::int64_t>(*c.attested_members) > kMostMadeUpMembers)
    toml.fail(r, rp,
              fmt::format("{} members is more than the {} a roll makes up", *c.attested_members,
                          kMostMadeUpMembers));
  try {
    o.add_roll(council, std::move(roll));
  } catch (const UsageError& e) {
    toml.fail(r, rp, e.what());
  }
}

}  // namespace veche
