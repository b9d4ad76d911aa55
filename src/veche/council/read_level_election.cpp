#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "veche/apportion/method.hpp"
#include "veche/council/draw_members.hpp"
#include "veche/council/scenario_register.hpp"
#include "veche/count/method.hpp"

namespace veche {

namespace {

// How a level's councils make up their candidates: `count` of them, drawn from the council's
// members, or named from a pattern.
struct MadeUpCandidates {
  std::int64_t count = 0;
  std::optional<std::string> pattern;
  std::string seed = "0";
};

// The ballots: a `turnout` share of each council's electorate votes.
struct MadeUpBallots {
  Share turnout;
  std::string seed = "0";
};

MadeUpCandidates read_made_up_candidates(const ScenarioToml& toml, const toml::table& t,
                                         const std::string& path) {
  std::string cp = path + ".candidates";
  const toml::node* node = t.get("candidates");
  if (!node) toml.fail(t, cp, "missing: candidates = { count = N } made up for each council");
  const toml::table& c = toml.table_at(*node, cp);
  toml.check_keys(c, cp, {"count", "name", "seed"});
  MadeUpCandidates made;
  auto count = toml.number(c, "count", cp, 1);
  if (!count) toml.fail(c, cp + ".count", "missing: how many stand in each council");
  if (*count > kMostMadeUpCandidates)
    toml.fail(
        *c.get("count"), cp + ".count",
        fmt::format("at most {} candidates are made up for an election", kMostMadeUpCandidates));
  made.count = *count;
  made.pattern = toml.text(c, "name", cp);
  if (made.pattern) {
    if (made.count > 1 && made.pattern->find("{n}") == std::string::npos)
      toml.fail(*c.get("name"), cp + ".name", "needs \"{n}\" to tell the candidates apart");
    if (made.pattern->find("{council}") == std::string::npos)
      toml.fail(*c.get("name"), cp + ".name",
                "needs \"{council}\": a name standing in two councils would be elected twice");
  }
  made.seed = toml.text(c, "seed", cp).value_or(made.seed);
  return made;
}

MadeUpBallots read_made_up_ballots(const ScenarioToml& toml, const toml::table& t,
                                   const std::string& path) {
  std::string gp = path + ".generate";
  const toml::node* node = t.get("generate");
  if (!node)
    toml.fail(t, gp, "missing: generate = { turnout = \"40%\", seed = \"…\" } for every council");
  const toml::table& g = toml.table_at(*node, gp);
  toml.check_keys(g, gp, {"turnout", "seed"});
  if (!g.get("turnout")) toml.fail(g, gp + ".turnout", "missing: the share of members voting");
  MadeUpBallots made;
  made.turnout =
      toml.parsed<Share>(g, "turnout", gp, {}, parse_council_share, "a share such as 40% or 2/5");
  made.seed = toml.text(g, "seed", gp).value_or(made.seed);
  return made;
}

std::string with_council(const std::string& pattern, const std::string& council, std::int64_t n) {
  std::string out;
  for (std::size_t at = 0; at < pattern.size();) {
    if (pattern.compare(at, 3, "{n}") == 0) {
      out += std::to_string(n);
      at += 3;
    } else if (pattern.compare(at, 9, "{council}") == 0) {
      out += council;
      at += 9;
    } else {
      out += pattern[at++];
    }
  }
  return out;
}

// Members who stand in an election already, by their local council: a delegate elected
// twice would hold two seats.
using Standing = std::map<CouncilId, std::vector<MemberId>>;
Standing members_standing(const Scenario& s) {
  Standing out;
  for (const DelegateElection& e : s.elections) {
    for (const std::string& name : standing(e)) {
      if (auto id = s.organisation.find_member(name))
        out[s.organisation.constituency_of(*id)].push_back(*id);
    }
  }
  return out;
}

// Drawn from the council's members (listed or on its roll) who stand nowhere else, or named
// from the pattern.
std::vector<std::string> candidates_in(const ScenarioToml& toml, const toml::table& t,
                                       const std::string& path, const Organisation& o,
                                       CouncilId council, const MadeUpCandidates& made,
                                       const Standing& standing_elsewhere) {
  std::vector<std::string> out;
  const std::string& name = o.council(council).name;
  if (made.pattern) {
    for (std::int64_t n = 1; n <= made.count; ++n)
      out.push_back(with_council(*made.pattern, name, n));
    return out;
  }
  ConstituencyMembers members(o, council);
  std::unordered_set<MemberId> excluded;
  if (o.council(council).level == CouncilLevel::local) {
    if (auto own = standing_elsewhere.find(council); own != standing_elsewhere.end())
      excluded.insert(own->second.begin(), own->second.end());
  } else {
    for (const auto& [local, ids] : standing_elsewhere) {
      if (o.is_within(local, council)) excluded.insert(ids.begin(), ids.end());
    }
  }
  if (members.size() - excluded.size() < static_cast<std::uint64_t>(made.count)) {
    const toml::table& c = *t.get("candidates")->as_table();
    toml.fail(*c.get("count"), path + ".candidates.count",
              fmt::format("{} candidates to draw from the members of {}, which has {} on its "
                          "register standing nowhere else (give it a roll, or the candidates a "
                          "name pattern)",
                          made.count, name, members.size() - excluded.size()));
  }
  SeededDraws draws(made.seed, name + ":candidates");
  for (MemberId id : draw_members(members, static_cast<std::uint64_t>(made.count), draws, excluded))
    out.push_back(o.member(id).name);
  return out;
}

// voters = electorate × turnout, rounded down, without overflow.
std::uint64_t voters_of(std::uint64_t electorate, Share turnout) {
  return electorate / turnout.den * turnout.num +
         electorate % turnout.den * turnout.num / turnout.den;
}

}  // namespace

std::vector<DelegateElection> read_level_election(const ScenarioToml& toml, const toml::table& t,
                                                  const std::string& path, const Scenario& s) {
  toml.check_keys(t, path, {"level", "method", "seats", "candidates", "generate", "tie_seed"});
  const Organisation& o = s.organisation;
  CouncilLevel level =
      toml.parsed<CouncilLevel>(t, "level", path, CouncilLevel::local, parse_council_level,
                                "local, district, regional or congress");
  std::string method = toml.required_text(t, "method", path);
  if (find_apportion_method(method))
    toml.fail(
        *t.get("method"), path + ".method",
        "an election for a whole level is counted by a counting method, not from party lists");
  if (!find_count_method(method))
    toml.fail(*t.get("method"), path + ".method",
              fmt::format("no counting method called \"{}\" (see veche methods)", method));
  std::optional<std::int64_t> seats = toml.number(t, "seats", path, 1);
  MadeUpCandidates candidates = read_made_up_candidates(toml, t, path);
  if (seats && *seats > candidates.count)
    toml.fail(*t.get("seats"), path + ".seats",
              fmt::format("{} seats but {} candidates", *seats, candidates.count));
  MadeUpBallots ballots = read_made_up_ballots(toml, t, path);
  std::set<std::string, std::less<>> elect_already;
  for (const DelegateElection& e : s.elections) elect_already.insert(e.council);

  std::int64_t councils_at_level =
      std::ranges::count_if(o.councils(), [&](const Council& c) { return c.level == level; });
  if (councils_at_level * candidates.count > kMostMadeUpCandidatesALevel)
    toml.fail(*t.get("candidates"), path + ".candidates.count",
              fmt::format("{} councils of {} candidates: at most {} are made up for a level",
                          councils_at_level, candidates.count, kMostMadeUpCandidatesALevel));
  RegisterCounts counts = register_counts(o);
  Standing standing_elsewhere = members_standing(s);
  std::vector<DelegateElection> out;
  bool any = false;
  for (CouncilId id = 0; id < o.councils().size(); ++id) {
    const Council& c = o.council(id);
    if (c.level != level) continue;
    any = true;
    if (!c.parent)
      toml.fail(*t.get("level"), path + ".level", "the top council elects no delegates");
    if (elect_already.contains(c.name)) continue;
    if (!seats && !s.delegation_rule_for(*c.parent))
      toml.fail(t, path + ".seats",
                fmt::format("missing: {} sends delegates to {}, which no [delegations] rule "
                            "apportions",
                            c.name, o.council(*c.parent).name));
    DelegateElection e;
    e.council = c.name;
    e.to = o.council(*c.parent).name;
    e.method = method;
    e.seats = static_cast<int>(seats.value_or(0));
    e.candidates = candidates_in(toml, t, path, o, id, candidates, standing_elsewhere);
    e.generated.voters = voters_of(counts.electorate[id], ballots.turnout);
    e.generated.seed = ballots.seed;
    if (e.generated.voters > kMostMadeUpVoters)
      toml.fail(*t.get("generate"), path + ".generate.turnout",
                fmt::format("{} voters in {}: at most {} ballots are made up for a council",
                            e.generated.voters, c.name, kMostMadeUpVoters));
    if (e.generated.voters == 0)
      toml.fail(*t.get("generate"), path + ".generate.turnout",
                fmt::format("{} of {}'s {} electors is no voter at all", to_string(ballots.turnout),
                            c.name, counts.electorate[id]));
    e.tie_seed = toml.text(t, "tie_seed", path).value_or(e.tie_seed);
    out.push_back(std::move(e));
  }
  if (!any)
    toml.fail(*t.get("level"), path + ".level",
              fmt::format("no council is at the {} level", to_string(level)));
  return out;
}

}  // namespace veche
