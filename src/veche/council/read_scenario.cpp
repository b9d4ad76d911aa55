#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "veche/apportion/threshold.hpp"
#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"
#include "veche/council/scenario_register.hpp"
#include "veche/council/scenario_toml.hpp"
#include "veche/count/method.hpp"
#include "veche/ledger/signing.hpp"

namespace veche {

namespace {

// Reads one file, remembering where each thing was said so every complaint can point at it.
class ScenarioReader : public ScenarioToml {
 public:
  explicit ScenarioReader(std::string file) : ScenarioToml(std::move(file)) {}

  Scenario read(const toml::table& root);

 private:
  void read_parties(const toml::table& organisation, Organisation& o);
  void read_councils(const toml::table& root, Organisation& o);
  void read_members(const toml::table& root, Organisation& o);
  void validate(const Organisation& o, const toml::table& root) const;
  DelegationRule read_delegations(const toml::table& t, const std::string& path) const;
  void read_all_delegations(const toml::table& t, Scenario& s) const;
  void check_apportionable(const toml::table& t, const std::string& path, const Organisation& o,
                           CouncilId receiving, const DelegationRule& rule) const;
  std::vector<std::string> read_mandate_to(const toml::table& root, const Scenario& s) const;
  std::vector<Mandate> read_mandates(const toml::table& root) const;
  ScenarioExecutive read_executive(const toml::table& t) const;
  std::vector<std::pair<std::string, std::string>> read_agreement(const toml::table& t,
                                                                  const std::string& path,
                                                                  const ScenarioExecutive& e) const;
  ScenarioQuestion read_question(const toml::table& t, const std::string& path) const;
  ScenarioMotion read_motion(const toml::table& t, const std::string& path,
                             const Organisation& o) const;
  ScenarioRecall read_recall(const toml::table& t, const std::string& path,
                             const Scenario& s) const;
  Moment moment(const toml::table& t, std::string_view key, const std::string& path) const {
    std::string value = required_text(t, key, path);
    auto parsed_moment = parse_moment(value);
    if (!parsed_moment)
      fail(*t.get(key), join(path, key), "expected a UTC time such as 2026-03-01T12:00:00Z");
    return *parsed_moment;
  }
  ScenarioReferendum read_referendum(const toml::table& t, const std::string& path,
                                     const Scenario& s) const;
  ScenarioInitiative read_initiative(const toml::table& t, const std::string& path,
                                     const Scenario& s, const ScenarioReferendum& r) const;
  std::vector<ScenarioSignature> read_signatures(const toml::table& t,
                                                 const std::string& path) const;
  PublicVote read_vote(const toml::table& t, const std::string& path, PublicVote vote) const;
  void read_elections(const toml::table& root, Scenario& s) const;
  DelegateElection read_election(const toml::table& t, const std::string& path,
                                 const Scenario& s) const;
  std::vector<std::string> read_candidates(const toml::table& t, const std::string& path) const;
  void read_lists(const toml::table& t, const std::string& path, DelegateElection& e) const;
  std::vector<BallotGroup> read_ballots(const toml::table& t, const std::string& path,
                                        const std::vector<std::string>& candidates) const;
  GeneratedBallots read_generated(const toml::table& t, const std::string& path) const;
  std::optional<ScenarioByElection> read_by_election(const toml::table& t,
                                                     const std::string& path) const;
  std::vector<std::string> read_mandate_records(const toml::table& root, const Scenario& s) const;
  const DelegateElection* election_of(const Scenario& s, std::string_view delegate) const;

  std::map<std::string, const toml::node*, std::less<>>
      said_at_;  // council or member name → its table
};

void ScenarioReader::read_parties(const toml::table& organisation, Organisation& o) {
  for (const std::string& name : texts(organisation, "parties", "organisation")) {
    if (o.find_party(name)) {
      fail(*organisation.get("parties"), "organisation.parties",
           fmt::format("party \"{}\" is listed twice", name));
    }
    o.add_party(name);
  }
}

// Councils may be listed in any order: all are named first, then parents are resolved.
void ScenarioReader::read_councils(const toml::table& root, Organisation& o) {
  auto councils = tables(root, "council", "");
  if (councils.empty()) fail(root, "council", "a scenario needs at least one [[council]]");
  std::vector<std::optional<std::string>> parents;
  for (std::size_t i = 0; i < councils.size(); ++i) {
    const toml::table& t = *councils[i];
    std::string path = item("council", i);
    check_keys(t, path, {"name", "level", "parent", "members", "electorate", "roll"});
    Council c;
    c.name = required_text(t, "name", path);
    if (o.find_council(c.name))
      fail(*t.get("name"), path + ".name", fmt::format("council \"{}\" is listed twice", c.name));
    if (!t.get("level")) fail(t, path + ".level", "missing");
    c.level = parsed<CouncilLevel>(t, "level", path, CouncilLevel::local, parse_council_level,
                                   "local, district, regional or congress");
    if (auto n = number(t, "members", path)) c.attested_members = static_cast<std::uint64_t>(*n);
    if (auto n = number(t, "electorate", path)) c.electorate = static_cast<std::uint64_t>(*n);
    parents.push_back(text(t, "parent", path));
    said_at_[c.name] = &t;
    read_member_roll(*this, t, path, o, o.add_council(std::move(c)));
  }
  for (std::size_t i = 0; i < councils.size(); ++i) {
    if (!parents[i]) continue;
    auto parent = o.find_council(*parents[i]);
    if (!parent) {
      fail(*councils[i]->get("parent"), item("council", i) + ".parent",
           fmt::format("no council called \"{}\"", *parents[i]));
    }
    o.council(static_cast<CouncilId>(i)).parent = parent;
  }
  read_generated_councils(*this, root, o, said_at_);
}

void ScenarioReader::read_members(const toml::table& root, Organisation& o) {
  auto members = tables(root, "member", "");
  for (std::size_t i = 0; i < members.size(); ++i) {
    const toml::table& t = *members[i];
    std::string path = item("member", i);
    check_keys(t, path, {"name", "council", "party"});
    std::string name = required_text(t, "name", path);
    if (auto known = o.find_member(name)) {
      // A name a roll makes up is taken too (council/member_roll.hpp).
      fail(*t.get("name"), path + ".name",
           *known & kRollMember ? fmt::format("member \"{}\" is made up by the roll of {}", name,
                                              o.council(o.constituency_of(*known)).name)
                                : fmt::format("member \"{}\" is listed twice", name));
    }
    CouncilId council = council_named(t, "council", path, o);
    std::optional<PartyId> party;
    if (auto party_name = text(t, "party", path)) {
      party = o.find_party(*party_name);
      if (!party)
        fail(*t.get("party"), path + ".party",
             fmt::format("no party called \"{}\" in parties", *party_name));
    }
    said_at_[name] = &t;
    o.add_member(name, council, party);
  }
}

void ScenarioReader::validate(const Organisation& o, const toml::table& root) const {
  try {
    o.validate();
  } catch (const OrganisationError& e) {
    auto at = said_at_.find(e.subject());
    const toml::node& node =
        at == said_at_.end() ? static_cast<const toml::node&>(root) : *at->second;
    fail(node, e.subject(), e.what());
  }
}

DelegationRule ScenarioReader::read_delegations(const toml::table& t,
                                                const std::string& path) const {
  std::set<std::string_view> keys = {"rule",    "method", "seats",    "basis",
                                     "minimum", "per",    "rounding", "tie_seed"};
  // [delegations] is the congress's rule; its sub-tables are the rules of the levels below.
  if (path == "delegations") keys.insert({"district", "regional"});
  check_keys(t, path, keys);
  DelegationRule rule;
  std::string kind = text(t, "rule", path).value_or("proportional");
  if (kind != "proportional" && kind != "ratio")
    fail(*t.get("rule"), path + ".rule", "expected proportional or ratio");
  rule.kind = kind == "ratio" ? DelegationRule::Kind::ratio : DelegationRule::Kind::proportional;
  rule.method = text(t, "method", path).value_or(rule.method);
  rule.basis = parsed<DelegationBasis>(t, "basis", path, rule.basis, parse_delegation_basis,
                                       "members or electorate");
  rule.rounding = parsed<RatioRounding>(t, "rounding", path, rule.rounding, parse_ratio_rounding,
                                        "up, down or nearest");
  rule.minimum = static_cast<int>(number(t, "minimum", path).value_or(rule.minimum));
  if (rule.kind == DelegationRule::Kind::ratio) {
    auto per = number(t, "per", path, 1);
    if (!per) fail(t, path + ".per", "a ratio rule needs per (one delegate per how many members)");
    rule.per = static_cast<std::uint64_t>(*per);
  } else {
    auto seats = number(t, "seats", path, 1);
    if (!seats) fail(t, path + ".seats", "a proportional rule needs seats (delegates in all)");
    rule.seats = static_cast<int>(*seats);
  }
  rule.ties.seed = text(t, "tie_seed", path).value_or(rule.ties.seed);
  return rule;
}

// [delegations.district] is the rule by which each district is sent delegates by the
// councils below it, as [delegations] is the congress's.
void ScenarioReader::read_all_delegations(const toml::table& t, Scenario& s) const {
  s.delegations = read_delegations(t, "delegations");
  check_apportionable(t, "delegations", s.organisation, s.congress, *s.delegations);
  const Organisation& o = s.organisation;
  for (CouncilLevel level : {CouncilLevel::district, CouncilLevel::regional}) {
    std::string path = fmt::format("delegations.{}", to_string(level));
    const toml::node* rule = t.get(to_string(level));
    if (!rule) continue;
    const toml::table& table = table_at(*rule, path);
    s.level_delegations[level] = read_delegations(table, path);
    for (CouncilId id = 0; id < o.councils().size(); ++id) {
      if (id != s.congress && o.council(id).level == level && !o.children(id).empty())
        check_apportionable(table, path, o, id, s.level_delegations[level]);
    }
  }
}

// A rule the register cannot meet (minimums past the seats, an unknown method, no members)
// is a mistake in the file, named at its table now rather than found when the scenario plays.
void ScenarioReader::check_apportionable(const toml::table& t, const std::string& path,
                                         const Organisation& o, CouncilId receiving,
                                         const DelegationRule& rule) const {
  try {
    apportion_delegations(o, receiving, rule);
  } catch (const UsageError& e) {
    fail(t, path, fmt::format("{}: {}", o.council(receiving).name, e.what()));
  }
}

// A written mandate goes to the congress unless it names a council receiving delegates.
std::vector<std::string> ScenarioReader::read_mandate_to(const toml::table& root,
                                                         const Scenario& s) const {
  std::vector<std::string> out;
  auto mandates = tables(root, "mandate", "");
  for (std::size_t i = 0; i < mandates.size(); ++i) {
    CouncilId to = s.congress;
    if (mandates[i]->get("to")) {
      to = council_named(*mandates[i], "to", item("mandate", i), s.organisation);
      if (!s.delegation_rule_for(to))
        fail(*mandates[i]->get("to"), item("mandate", i) + ".to",
             fmt::format("no [delegations] rule apportions the delegates sent to {}",
                         s.organisation.council(to).name));
    }
    out.push_back(s.organisation.council(to).name);
  }
  return out;
}

std::vector<Mandate> ScenarioReader::read_mandates(const toml::table& root) const {
  std::vector<Mandate> out;
  auto mandates = tables(root, "mandate", "");
  for (std::size_t i = 0; i < mandates.size(); ++i) {
    std::string path = item("mandate", i);
    check_keys(*mandates[i], path, {"council", "delegate", "record", "to"});
    // An unknown council here is not a mistake in the file: it is what the credentials
    // check is for, and it is refused and named there.
    out.push_back({required_text(*mandates[i], "council", path),
                   required_text(*mandates[i], "delegate", path)});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ScenarioReader::read_agreement(
    const toml::table& t, const std::string& path, const ScenarioExecutive& e) const {
  std::vector<std::pair<std::string, std::string>> out;
  const toml::node* node = t.get("agreement");
  if (!node) return out;
  const toml::table& agreement = table_at(*node, path + ".agreement");
  for (const auto& [portfolio, party] : agreement) {
    std::string key = path + ".agreement." + std::string(portfolio.str());
    auto name = party.value<std::string>();
    if (!name) fail(party, key, "expected the name of a party");
    if (std::find(e.portfolios.begin(), e.portfolios.end(), portfolio.str()) ==
        e.portfolios.end()) {
      fail(party, key, "not one of the executive's portfolios");
    }
    out.emplace_back(std::string(portfolio.str()), *name);
  }
  return out;
}

ScenarioExecutive ScenarioReader::read_executive(const toml::table& t) const {
  const std::string path = "executive";
  check_keys(t, path, {"rule", "portfolios", "party", "agreement", "resignation", "tie_seed"});
  ScenarioExecutive e;
  std::string rule = text(t, "rule", path).value_or("dhondt");
  if (rule != "dhondt" && rule != "agreement")
    fail(*t.get("rule"), path + ".rule", "expected dhondt or agreement");
  e.by_agreement = rule == "agreement";
  e.portfolios = texts(t, "portfolios", path);
  if (e.portfolios.empty()) fail(t, path + ".portfolios", "an executive needs its portfolios");
  auto parties = tables(t, "party", path);
  if (parties.empty())
    fail(t, path + ".party", "an executive needs at least one [[executive.party]]");
  for (std::size_t i = 0; i < parties.size(); ++i) {
    std::string p = item("executive.party", i);
    check_keys(*parties[i], p, {"name", "seats", "votes", "preferences"});
    CoalitionParty party;
    party.name = required_text(*parties[i], "name", p);
    auto seats = number(*parties[i], "seats", p);
    if (!seats) fail(*parties[i], p + ".seats", "missing");
    party.seats = static_cast<int>(*seats);
    party.votes = static_cast<Weight>(number(*parties[i], "votes", p).value_or(0));
    party.preferences = texts(*parties[i], "preferences", p);
    e.parties.push_back(std::move(party));
  }
  e.agreement = read_agreement(t, path, e);
  if (e.by_agreement && e.agreement.empty())
    fail(t, path + ".agreement", "an executive by agreement needs its agreement");
  auto resignations = tables(t, "resignation", path);
  for (std::size_t i = 0; i < resignations.size(); ++i) {
    std::string r = item("executive.resignation", i);
    check_keys(*resignations[i], r, {"party", "agreement"});
    std::string party = required_text(*resignations[i], "party", r);
    bool known = std::any_of(e.parties.begin(), e.parties.end(),
                             [&](const CoalitionParty& c) { return c.name == party; });
    if (!known)
      fail(*resignations[i]->get("party"), r + ".party",
           fmt::format("\"{}\" is not a party of the executive", party));
    e.resignations.push_back({party, read_agreement(*resignations[i], r, e)});
  }
  e.ties.seed = text(t, "tie_seed", path).value_or(e.ties.seed);
  return e;
}

std::vector<std::string> ScenarioReader::read_candidates(const toml::table& t,
                                                         const std::string& path) const {
  std::vector<std::string> candidates = texts(t, "candidates", path);
  if (candidates.empty()) fail(t, path + ".candidates", "an election needs its candidates");
  std::set<std::string> seen;
  for (const std::string& name : candidates) {
    if (name.empty()) fail(*t.get("candidates"), path + ".candidates", "a candidate needs a name");
    if (!seen.insert(name).second) {
      fail(*t.get("candidates"), path + ".candidates", fmt::format("\"{}\" is listed twice", name));
    }
  }
  return candidates;
}

// A party-list election: the parties are what the ballot offers; each list's names stand.
void ScenarioReader::read_lists(const toml::table& t, const std::string& path,
                                DelegateElection& e) const {
  auto lists = tables(t, "list", path);
  if (lists.empty()) fail(t, path + ".list", "a party-list election needs [[...list]] tables");
  for (std::size_t i = 0; i < lists.size(); ++i) {
    std::string lp = item(path + ".list", i);
    check_keys(*lists[i], lp, {"party", "candidates"});
    PartyList l{required_text(*lists[i], "party", lp), read_candidates(*lists[i], lp)};
    if (std::find(e.candidates.begin(), e.candidates.end(), l.party) != e.candidates.end()) {
      fail(*lists[i]->get("party"), lp + ".party", fmt::format("\"{}\" has two lists", l.party));
    }
    e.candidates.push_back(l.party);
    e.lists.push_back(std::move(l));
  }
  if (auto share = text(t, "threshold", path)) {
    try {
      parse_share(*share);
    } catch (const UsageError& error) {
      fail(*t.get("threshold"), path + ".threshold", error.what());
    }
    e.threshold = *share;
  }
}

std::vector<BallotGroup> ScenarioReader::read_ballots(
    const toml::table& t, const std::string& path,
    const std::vector<std::string>& candidates) const {
  std::vector<BallotGroup> out;
  auto ballots = tables(t, "ballot", path);
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    std::string bp = item(path + ".ballot", i);
    check_keys(*ballots[i], bp, {"ranks", "count"});
    BallotGroup group{texts(*ballots[i], "ranks", bp),
                      static_cast<Weight>(number(*ballots[i], "count", bp, 1).value_or(1))};
    if (group.ranks.empty())
      fail(*ballots[i], bp + ".ranks", "a ballot ranks at least one candidate");
    std::set<std::string> ranked;
    for (const std::string& name : group.ranks) {
      if (std::find(candidates.begin(), candidates.end(), name) == candidates.end()) {
        fail(*ballots[i]->get("ranks"), bp + ".ranks",
             fmt::format("\"{}\" is not a candidate", name));
      }
      if (!ranked.insert(name).second) {
        fail(*ballots[i]->get("ranks"), bp + ".ranks", fmt::format("\"{}\" is ranked twice", name));
      }
    }
    out.push_back(std::move(group));
  }
  return out;
}

GeneratedBallots ScenarioReader::read_generated(const toml::table& t,
                                                const std::string& path) const {
  GeneratedBallots g;
  const toml::node* node = t.get("generate");
  if (!node) return g;
  const toml::table& generate = table_at(*node, path + ".generate");
  check_keys(generate, path + ".generate", {"voters", "seed"});
  auto voters = number(generate, "voters", path + ".generate", 1);
  if (!voters) fail(generate, path + ".generate.voters", "missing");
  g.voters = static_cast<std::uint64_t>(*voters);
  g.seed = text(generate, "seed", path + ".generate").value_or(g.seed);
  return g;
}

DelegateElection ScenarioReader::read_election(const toml::table& t, const std::string& path,
                                               const Scenario& s) const {
  check_keys(t, path,
             {"council", "method", "seats", "candidates", "list", "threshold", "ballot", "generate",
              "tie_seed"});
  const Organisation& o = s.organisation;
  DelegateElection e;
  CouncilId council = council_named(t, "council", path, o);
  e.council = o.council(council).name;
  if (!o.council(council).parent)
    fail(*t.get("council"), path + ".council", "the top council elects no delegates");
  e.to = o.council(*o.council(council).parent).name;
  e.method = required_text(t, "method", path);
  bool list = find_apportion_method(e.method) != nullptr;
  if (!list && !find_count_method(e.method)) {
    fail(*t.get("method"), path + ".method",
         fmt::format("no counting or apportionment method called \"{}\" (see veche methods)",
                     e.method));
  }
  e.seats = static_cast<int>(number(t, "seats", path, 1).value_or(0));
  bool apportioned = s.delegation_rule_for(*o.council(council).parent) != nullptr;
  if (e.seats == 0 && !apportioned) {
    fail(t, path + ".seats",
         fmt::format("missing: no [delegations] rule apportions the delegates sent to {}", e.to));
  }
  if (list) {
    read_lists(t, path, e);
  } else {
    if (t.get("list") || t.get("threshold"))
      fail(t, path + ".method", "lists and thresholds need an apportionment method");
    e.candidates = read_candidates(t, path);
    if (e.seats > static_cast<int>(e.candidates.size())) {
      fail(*t.get("seats"), path + ".seats",
           fmt::format("{} seats but {} candidates", e.seats, e.candidates.size()));
    }
  }
  e.ballots = read_ballots(t, path, e.candidates);
  e.generated = read_generated(t, path);
  if (e.ballots.empty() == (e.generated.voters == 0)) {
    fail(t, path,
         "an election needs either [[...ballot]] tables or generate = { voters = N, seed = \"...\" "
         "}");
  }
  e.tie_seed = text(t, "tie_seed", path).value_or(e.tie_seed);
  return e;
}

// A council holds one election; a candidate stands in one, so no delegate can be elected twice.
// Elections written for a whole level are read last: they are held by the councils of that
// level that hold none of their own.
void ScenarioReader::read_elections(const toml::table& root, Scenario& s) const {
  auto elections = tables(root, "election", "");
  std::map<std::string, std::pair<std::size_t, std::string>> stands_in;  // table, council
  auto admit = [&](std::size_t i, DelegateElection e) {
    std::string path = item("election", i);
    for (const std::string& name : standing(e)) {
      auto [at, fresh] = stands_in.emplace(name, std::pair{i, e.council});
      if (!fresh) {
        const toml::node* where = elections[i]->get("candidates");
        // Named twice in this very election (two lists, say) or already in an earlier one.
        std::string also = at->second == std::pair{i, e.council}
                               ? "is named twice in this election"
                               : fmt::format("also stands in election[{}] ({})",
                                             at->second.first + 1, at->second.second);
        fail(where ? *where : static_cast<const toml::node&>(*elections[i]), path + ".candidates",
             fmt::format("\"{}\" {}: a delegate elected twice would hold two seats", name, also));
      }
    }
    s.elections.push_back(std::move(e));
  };
  std::vector<std::size_t> for_a_level;
  for (std::size_t i = 0; i < elections.size(); ++i) {
    std::string path = item("election", i);
    if (elections[i]->get("level")) {
      if (elections[i]->get("council"))
        fail(*elections[i]->get("level"), path + ".level",
             "an election is held in a council or for a level, not both");
      for_a_level.push_back(i);
      continue;
    }
    DelegateElection e = read_election(*elections[i], path, s);
    for (const DelegateElection& earlier : s.elections) {
      if (earlier.council == e.council) {
        fail(*elections[i]->get("council"), path + ".council",
             fmt::format("{} already holds an election", e.council));
      }
    }
    admit(i, std::move(e));
  }
  for (std::size_t i : for_a_level) {
    for (DelegateElection& e : read_level_election(*this, *elections[i], item("election", i), s))
      admit(i, std::move(e));
  }
}

const DelegateElection* ScenarioReader::election_of(const Scenario& s,
                                                    std::string_view delegate) const {
  for (const DelegateElection& e : s.elections) {
    auto names = standing(e);
    if (std::find(names.begin(), names.end(), delegate) != names.end()) return &e;
  }
  return nullptr;
}

std::vector<std::string> ScenarioReader::read_mandate_records(const toml::table& root,
                                                              const Scenario& s) const {
  std::vector<std::string> out;
  auto mandates = tables(root, "mandate", "");
  for (std::size_t i = 0; i < mandates.size(); ++i) {
    auto record = text(*mandates[i], "record", item("mandate", i));
    bool known =
        record && std::any_of(s.elections.begin(), s.elections.end(),
                              [&](const DelegateElection& e) { return e.council == *record; });
    if (record && !known) {
      fail(*mandates[i]->get("record"), item("mandate", i) + ".record",
           fmt::format("no [[election]] in council \"{}\" to sign it", *record));
    }
    out.push_back(record.value_or(""));
  }
  return out;
}

std::optional<ScenarioByElection> ScenarioReader::read_by_election(const toml::table& t,
                                                                   const std::string& path) const {
  const toml::node* node = t.get("by_election");
  if (!node) return std::nullopt;
  std::string bp = path + ".by_election";
  const toml::table& b = table_at(*node, bp);
  check_keys(b, bp, {"candidates", "ballot", "generate"});
  ScenarioByElection by;
  by.candidates = read_candidates(b, bp);
  by.ballots = read_ballots(b, bp, by.candidates);
  by.generated = read_generated(b, bp);
  if (by.ballots.empty() == (by.generated.voters == 0)) {
    fail(b, bp,
         "a by-election needs either [[...ballot]] tables or generate = { voters = N, seed = "
         "\"...\" }");
  }
  return by;
}

ScenarioReferendum ScenarioReader::read_referendum(const toml::table& t, const std::string& path,
                                                   const Scenario& s) const {
  const Organisation& o = s.organisation;
  check_keys(t, path, {"question", "majority", "quorum", "quorum_share", "count", "initiative"});
  ScenarioReferendum r;
  auto question = text(t, "question", path);
  if (!question) fail(t, path + ".question", "a referendum needs a question");
  r.question = *question;
  r.rules.majority =
      parsed<ReferendumMajority>(t, "majority", path, r.rules.majority, parse_referendum_majority,
                                 "simple, absolute, two-thirds or double");
  r.rules.quorum = parsed<ReferendumQuorum>(t, "quorum", path, r.rules.quorum,
                                            parse_referendum_quorum, "none, turnout or approval");
  r.rules.quorum_share = parsed<Share>(t, "quorum_share", path, r.rules.quorum_share,
                                       parse_council_share, "a share such as 1/3, 25% or 0.4");
  auto counts = tables(t, "count", path);
  if (counts.empty())
    fail(t, path + ".count", "a referendum needs the count of at least one constituency");
  for (std::size_t i = 0; i < counts.size(); ++i) {
    std::string c = item(path + ".count", i);
    check_keys(*counts[i], c, {"council", "electorate", "yes", "no", "blank", "seed", "generate"});
    PublicVote vote;
    vote.council = o.council(council_named(*counts[i], "council", c, o)).name;
    vote.question = r.question;
    for (const PublicVote& earlier : r.votes) {
      if (earlier.council == vote.council)
        fail(*counts[i]->get("council"), c + ".council",
             fmt::format("{} is counted twice in this referendum", vote.council));
    }
    r.votes.push_back(read_vote(*counts[i], c, std::move(vote)));
  }
  if (const toml::node* node = t.get("initiative")) {
    std::string ip = path + ".initiative";
    const toml::table& initiative = table_at(*node, ip);
    r.initiative = read_initiative(initiative, ip, s, r);
    r.rules.initiative = parsed<Share>(initiative, "threshold", ip, r.rules.initiative,
                                       parse_council_share, "a share such as 1/10");
  }
  return r;
}

ScenarioInitiative ScenarioReader::read_initiative(const toml::table& t, const std::string& path,
                                                   const Scenario& s,
                                                   const ScenarioReferendum& r) const {
  check_keys(t, path, {"deadline", "threshold", "signature", "signatures"});
  ScenarioInitiative initiative{moment(t, "deadline", path), read_signatures(t, path)};
  std::vector<CouncilId> constituencies;
  for (const PublicVote& vote : r.votes)
    constituencies.push_back(*s.organisation.find_council(vote.council));
  for (ScenarioSignature& drawn : read_drawn_signatures(*this, t, path, s, constituencies,
                                                        r.question, initiative.signatures.size()))
    initiative.signatures.push_back(std::move(drawn));
  return initiative;
}

std::vector<ScenarioSignature> ScenarioReader::read_signatures(const toml::table& t,
                                                               const std::string& path) const {
  std::vector<ScenarioSignature> out;
  auto signatures = tables(t, "signature", path);
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    std::string sp = item(path + ".signature", i);
    check_keys(*signatures[i], sp, {"member", "at"});
    // A signature by a stranger is not a mistake in the file: the petition refuses it.
    out.push_back({required_text(*signatures[i], "member", sp), moment(*signatures[i], "at", sp)});
  }
  return out;
}

// A vote's ballots: how many gave each answer and how many left it blank, cast one a voter
// in an order drawn from `seed`; or generate = { turnout, <first answer>, blank, seed }.
PublicVote ScenarioReader::read_vote(const toml::table& t, const std::string& path,
                                     PublicVote v) const {
  const std::string& yes = v.answers.at(0);
  const std::string& no = v.answers.at(1);
  v.electorate = static_cast<std::uint64_t>(number(t, "electorate", path).value_or(0));
  v.answer_for = static_cast<std::uint64_t>(number(t, yes, path).value_or(0));
  v.against = static_cast<std::uint64_t>(number(t, no, path).value_or(0));
  v.blank = static_cast<std::uint64_t>(number(t, "blank", path).value_or(0));
  v.order_seed = text(t, "seed", path).value_or(v.order_seed);
  const toml::node* node = t.get("generate");
  if (!node) {
    if (v.answer_for + v.against + v.blank > v.electorate) {
      fail(t, path,
           fmt::format("{} ballots cast but an electorate of {}",
                       v.answer_for + v.against + v.blank, v.electorate));
    }
    return v;
  }
  std::string gp = path + ".generate";
  if (t.get(yes) || t.get(no) || t.get("blank") || t.get("seed"))
    fail(*node, gp, fmt::format("ballots are either given ({}, {}, blank) or generated", yes, no));
  if (v.electorate == 0)
    fail(t, path + ".electorate", "generated ballots are drawn from an electorate of at least 1");
  const toml::table& g = table_at(*node, gp);
  check_keys(g, gp, {"turnout", yes, "blank", "seed"});
  GeneratedVote made;
  made.turnout =
      parsed<Share>(g, "turnout", gp, made.turnout, parse_council_share, "a share such as 60%");
  made.answer_for =
      parsed<Share>(g, yes, gp, made.answer_for, parse_council_share, "a share such as 55%");
  made.blank = parsed<Share>(g, "blank", gp, made.blank, parse_council_share, "a share such as 2%");
  made.seed = text(g, "seed", gp).value_or(made.seed);
  v.generated = made;
  return v;
}

// A delegate who stood in one of the scenario's elections was elected there: the
// constituency and the method default to that election's.
ScenarioRecall ScenarioReader::read_recall(const toml::table& t, const std::string& path,
                                           const Scenario& s) const {
  const Organisation& o = s.organisation;
  check_keys(t, path,
             {"delegate", "constituency", "method", "deadline", "threshold", "majority", "turnout",
              "signature", "signatures", "vote", "by_election"});
  ScenarioRecall r;
  r.delegate = required_text(t, "delegate", path);
  const DelegateElection* won_in = election_of(s, r.delegate);
  if (won_in && !t.get("constituency")) {
    r.constituency = *o.find_council(won_in->council);
  } else {
    r.constituency = council_named(t, "constituency", path, o);
  }
  if (won_in && !t.get("method")) {
    r.method = won_in->method;
  } else {
    r.method = required_text(t, "method", path);
  }
  try {
    refill_rule_for(r.method);
  } catch (const UsageError& e) {
    fail(t.get("method") ? *t.get("method") : static_cast<const toml::node&>(t), path + ".method",
         e.what());
  }
  r.by_election = read_by_election(t, path);
  if (r.by_election && (!won_in || refill_rule_for(r.method) != RefillRule::by_election)) {
    fail(*t.get("by_election"), path + ".by_election",
         "only a single-winner seat won in one of the scenario's [[election]]s is refilled by a "
         "by-election");
  }
  r.deadline = moment(t, "deadline", path);
  r.rules.petition = parsed<Share>(t, "threshold", path, r.rules.petition, parse_council_share,
                                   "a share such as 1/4");
  r.rules.majority = parsed<Majority>(t, "majority", path, r.rules.majority, parse_majority,
                                      "simple, absolute or two-thirds");
  r.rules.turnout = parsed<Share>(t, "turnout", path, r.rules.turnout, parse_council_share,
                                  "a share such as 1/2");
  r.signatures = read_signatures(t, path);
  for (ScenarioSignature& drawn : read_drawn_signatures(*this, t, path, s, {&r.constituency, 1},
                                                        r.delegate, r.signatures.size()))
    r.signatures.push_back(std::move(drawn));
  if (const toml::node* node = t.get("vote")) {
    std::string vp = path + ".vote";
    const toml::table& vote = table_at(*node, vp);
    check_keys(vote, vp, {"electorate", "recall", "keep", "blank", "seed", "generate"});
    PublicVote v;
    v.council = o.council(r.constituency).name;
    v.question = fmt::format("Shall {} be recalled?", r.delegate);
    v.answers = {"recall", "keep"};
    r.vote = read_vote(vote, vp, std::move(v));
  }
  return r;
}

ScenarioQuestion ScenarioReader::read_question(const toml::table& t,
                                               const std::string& path) const {
  ScenarioQuestion q;
  auto question = text(t, "text", path);
  if (!question) fail(t, path + ".text", "a motion or amendment needs its text");
  q.text = *question;
  q.proposer = required_text(t, "proposer", path);
  q.seconder = required_text(t, "seconder", path);
  auto votes = tables(t, "vote", path);
  for (std::size_t i = 0; i < votes.size(); ++i) {
    std::string vp = item(path + ".vote", i);
    check_keys(*votes[i], vp, {"delegate", "vote"});
    std::string delegate = required_text(*votes[i], "delegate", vp);
    std::string vote = required_text(*votes[i], "vote", vp);
    std::optional<Vote> v;
    for (Vote candidate : {Vote::aye, Vote::no, Vote::abstain}) {
      if (to_string(candidate) == vote) v = candidate;
    }
    if (!v)
      fail(*votes[i]->get("vote"), vp + ".vote",
           fmt::format("expected aye, no or abstain, not \"{}\"", vote));
    q.votes.push_back({delegate, *v});
  }
  return q;
}

ScenarioMotion ScenarioReader::read_motion(const toml::table& t, const std::string& path,
                                           const Organisation& o) const {
  check_keys(t, path,
             {"council", "seated", "present", "majority", "amendment_majority", "quorum", "text",
              "proposer", "seconder", "vote", "amendment"});
  ScenarioMotion m;
  m.council = o.council(council_named(t, "council", path, o)).name;
  m.seated = texts(t, "seated", path);
  m.present = texts(t, "present", path);
  m.rules.majority = parsed<Majority>(t, "majority", path, m.rules.majority, parse_majority,
                                      "simple, absolute or two-thirds");
  m.rules.amendment_majority =
      parsed<Majority>(t, "amendment_majority", path, m.rules.amendment_majority, parse_majority,
                       "simple, absolute or two-thirds");
  m.rules.quorum =
      parsed<Share>(t, "quorum", path, m.rules.quorum, parse_council_share, "a share such as 1/2");
  m.motion = read_question(t, path);
  auto amendments = tables(t, "amendment", path);
  for (std::size_t i = 0; i < amendments.size(); ++i) {
    std::string ap = item(path + ".amendment", i);
    check_keys(*amendments[i], ap, {"text", "proposer", "seconder", "vote"});
    m.amendments.push_back(read_question(*amendments[i], ap));
  }
  return m;
}

Scenario ScenarioReader::read(const toml::table& root) {
  check_keys(root, "",
             {"organisation", "council", "councils", "member", "delegations", "election", "mandate",
              "executive", "referendum", "recall", "motion"});
  Scenario s;
  s.file = file_;
  if (const toml::node* org = root.get("organisation")) {
    const toml::table& t = table_at(*org, "organisation");
    check_keys(t, "organisation", {"name", "congress", "parties"});
    s.organisation.name = text(t, "name", "organisation").value_or("");
    read_parties(t, s.organisation);
  }
  read_councils(root, s.organisation);
  read_members(root, s.organisation);
  validate(s.organisation, root);
  s.congress = 0;
  for (CouncilId id = 0; id < s.organisation.councils().size(); ++id) {
    if (!s.organisation.council(id).parent) s.congress = id;
  }
  if (const toml::node* org = root.get("organisation"); org && org->as_table()->get("congress")) {
    s.congress = council_named(*org->as_table(), "congress", "organisation", s.organisation);
  }
  if (const toml::node* d = root.get("delegations"))
    read_all_delegations(table_at(*d, "delegations"), s);
  read_elections(root, s);
  s.mandates = read_mandates(root);
  s.mandate_records = read_mandate_records(root, s);
  s.mandate_to = read_mandate_to(root, s);
  if (const toml::node* e = root.get("executive"))
    s.executive = read_executive(table_at(*e, "executive"));
  auto referendums = tables(root, "referendum", "");
  for (std::size_t i = 0; i < referendums.size(); ++i) {
    s.referendums.push_back(read_referendum(*referendums[i], item("referendum", i), s));
  }
  auto recalls = tables(root, "recall", "");
  for (std::size_t i = 0; i < recalls.size(); ++i) {
    s.recalls.push_back(read_recall(*recalls[i], item("recall", i), s));
  }
  auto motions = tables(root, "motion", "");
  for (std::size_t i = 0; i < motions.size(); ++i) {
    s.motions.push_back(read_motion(*motions[i], item("motion", i), s.organisation));
  }
  return s;
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& file_name) {
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    throw InputError(file_name, e.source().begin.line, "", std::string(e.description()));
  }
  Scenario s = ScenarioReader(file_name).read(root);
  s.sha256 = sha256_hex(text);
  return s;
}

Scenario read_scenario(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string(), 0, "", "cannot open the scenario file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), file.string());
}

}  // namespace veche
