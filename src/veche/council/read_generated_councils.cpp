#include <fmt/format.h>

#include "veche/council/scenario_register.hpp"
#include "veche/council/seeded_draws.hpp"

namespace veche {

namespace {

// How many members each made-up council attests: one figure, or a range drawn from a seed.
struct MemberCounts {
  std::optional<std::uint64_t> least, most;
  std::string seed = "0";
};

MemberCounts read_member_counts(const ScenarioToml& toml, const toml::table& t,
                                const std::string& path) {
  MemberCounts counts;
  const toml::node* node = t.get("members");
  if (!node) return counts;
  std::string key = path + ".members";
  if (node->is_integer()) {
    counts.least = counts.most =
        static_cast<std::uint64_t>(toml.number(t, "members", path).value_or(0));
  } else {
    if (!node->is_table())
      toml.fail(*node, key, "expected a whole number or { from = N, to = M, seed = \"…\" }");
    const toml::table& range = *node->as_table();
    toml.check_keys(range, key, {"from", "to", "seed"});
    auto from = toml.number(range, "from", key);
    auto to = toml.number(range, "to", key);
    if (!from || !to) toml.fail(range, key + (from ? ".to" : ".from"), "missing");
    if (*from > *to)
      toml.fail(range, key, fmt::format("the range runs from {} down to {}", *from, *to));
    counts.least = static_cast<std::uint64_t>(*from);
    counts.most = static_cast<std::uint64_t>(*to);
    counts.seed = toml.text(range, "seed", key).value_or(counts.seed);
  }
  if (t.get("roll") && static_cast<std::int64_t>(*counts.most) > kMostMadeUpMembers)
    toml.fail(
        *node, key,
        fmt::format("at most {} members a council when its roll is made up", kMostMadeUpMembers));
  return counts;
}

std::vector<std::string> read_parents(const ScenarioToml& toml, const toml::table& t,
                                      const std::string& path) {
  const toml::node* node = t.get("parent");
  if (!node)
    toml.fail(t, path + ".parent", "missing: the council(s) the made-up councils are under");
  if (node->is_string()) return {toml.required_text(t, "parent", path)};
  std::vector<std::string> parents = toml.texts(t, "parent", path);
  if (parents.empty()) toml.fail(*node, path + ".parent", "names no council");
  return parents;
}

std::string council_name(std::string_view pattern, std::string_view parent, std::int64_t n) {
  std::string out;
  for (std::size_t at = 0; at < pattern.size();) {
    if (pattern.substr(at, 3) == "{n}") {
      out += std::to_string(n);
      at += 3;
    } else if (pattern.substr(at, 8) == "{parent}") {
      out += parent;
      at += 8;
    } else {
      out += pattern[at++];
    }
  }
  return out;
}

// One [[councils]] table: `count` councils under each parent, numbered from 1 under each
// parent when the name says which ("{parent} Branch {n}"), or on across parents.
void read_table(const ScenarioToml& toml, const toml::table& t, const std::string& path,
                Organisation& o, SaidAt& said_at, std::int64_t& made) {
  toml.check_keys(t, path, {"count", "level", "parent", "name", "members", "roll"});
  auto count = toml.number(t, "count", path, 1);
  if (!count) toml.fail(t, path + ".count", "missing: how many councils to make up");
  if (!t.get("level")) toml.fail(t, path + ".level", "missing");
  CouncilLevel level =
      toml.parsed<CouncilLevel>(t, "level", path, CouncilLevel::local, parse_council_level,
                                "local, district, regional or congress");
  std::vector<std::string> parents = read_parents(toml, t, path);
  std::string pattern = toml.required_text(t, "name", path);
  std::int64_t total = *count * static_cast<std::int64_t>(parents.size());
  if (made + total > kMostMadeUpCouncils)
    toml.fail(*t.get("count"), path + ".count",
              fmt::format("at most {} councils are made up in all", kMostMadeUpCouncils));
  made += total;
  bool per_parent = pattern.find("{parent}") != std::string::npos;
  if (total > 1 && pattern.find("{n}") == std::string::npos && (*count > 1 || !per_parent))
    toml.fail(*t.get("name"), path + ".name",
              fmt::format("{} councils need \"{{n}}\" in their name to tell them apart", total));
  MemberCounts counts = read_member_counts(toml, t, path);
  SeededDraws draws(counts.seed, "members");
  std::int64_t n = 0;
  for (std::size_t p = 0; p < parents.size(); ++p) {
    if (per_parent) n = 0;
    auto parent = o.find_council(parents[p]);
    if (!parent) {
      const toml::node& at = *t.get("parent");
      toml.fail(at.is_array() ? (*at.as_array())[p] : at,
                at.is_array() ? ScenarioToml::item(path + ".parent", p) : path + ".parent",
                fmt::format("no council called \"{}\" (written, or made up by an earlier "
                            "[[councils]])",
                            parents[p]));
    }
    for (std::int64_t i = 0; i < *count; ++i) {
      Council c;
      c.name = council_name(pattern, parents[p], ++n);
      if (auto clash = said_at.find(c.name); clash != said_at.end()) {
        toml.fail(*t.get("name"), path + ".name",
                  fmt::format("makes up \"{}\", a council already named at line {}", c.name,
                              clash->second->source().begin.line));
      }
      c.level = level;
      c.parent = parent;
      if (counts.least)
        c.attested_members = *counts.least + draws.below(*counts.most - *counts.least + 1);
      said_at[c.name] = &t;
      CouncilId id = o.add_council(std::move(c));
      read_member_roll(toml, t, path, o, id);
    }
  }
}

}  // namespace

void read_generated_councils(const ScenarioToml& toml, const toml::table& root, Organisation& o,
                             SaidAt& said_at) {
  auto tables = toml.tables(root, "councils", "");
  std::int64_t made = 0;
  for (std::size_t i = 0; i < tables.size(); ++i)
    read_table(toml, *tables[i], ScenarioToml::item("councils", i), o, said_at, made);
}

}  // namespace veche
