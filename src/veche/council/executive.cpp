#include "veche/council/executive.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "veche/core/error.hpp"
#include "veche/core/rational.hpp"
#include "veche/report/text_table.hpp"

namespace veche {

namespace {

constexpr std::string_view kSequential = "d'Hondt sequential choice";
constexpr std::string_view kAgreement = "recorded agreement";

std::optional<std::size_t> index_of(const std::vector<std::string>& names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

std::optional<std::size_t> party_index(const Executive& e, std::string_view name) {
  for (std::size_t p = 0; p < e.parties.size(); ++p) {
    if (e.parties[p].name == name) return p;
  }
  return std::nullopt;
}

Executive begin_executive(std::string_view rule, std::vector<CoalitionParty> parties,
                          std::vector<std::string> portfolios) {
  if (parties.empty()) throw UsageError("an executive needs at least one coalition party");
  if (portfolios.empty()) throw UsageError("an executive needs at least one portfolio");
  for (std::size_t i = 0; i < portfolios.size(); ++i) {
    if (index_of(portfolios, portfolios[i]) != i)
      throw UsageError("portfolio " + portfolios[i] + " is listed twice");
  }
  Executive e;
  e.rule = std::string(rule);
  e.portfolios = std::move(portfolios);
  e.parties = std::move(parties);
  for (std::size_t p = 0; p < e.parties.size(); ++p) {
    if (party_index(e, e.parties[p].name) != p)
      throw UsageError("party " + e.parties[p].name + " is listed twice");
    if (e.parties[p].seats < 0)
      throw UsageError("party " + e.parties[p].name + " has fewer than no seats");
  }
  e.holder.assign(e.portfolios.size(), std::nullopt);
  e.resigned.assign(e.parties.size(), false);
  return e;
}

int held_by(const Executive& e, std::size_t party) {
  return static_cast<int>(
      std::count(e.holder.begin(), e.holder.end(), std::optional<std::size_t>(party)));
}

Rational quotient(const Executive& e, std::size_t party) {
  return Rational::ratio(e.parties[party].seats, held_by(e, party) + 1);
}

// The parties still in with a seat, those at the highest quotient among them.
std::vector<CandidateId> highest_quotients(const Executive& e) {
  std::vector<CandidateId> top;
  for (std::size_t p = 0; p < e.parties.size(); ++p) {
    if (e.resigned[p] || e.parties[p].seats == 0) continue;
    auto id = static_cast<CandidateId>(p);
    if (top.empty() || quotient(e, top.front()) < quotient(e, p)) {
      top.assign(1, id);
    } else if (quotient(e, p) == quotient(e, top.front())) {
      top.push_back(id);
    }
  }
  return top;
}

CandidateId choose_party(Executive& e, const TiePolicy& policy, int pick) {
  std::vector<CandidateId> top = highest_quotients(e);
  if (top.empty())
    throw UsageError("no party left in the executive holds a seat to choose a portfolio");
  if (top.size() == 1) return top.front();
  // Oldest first: seats, then votes, so a backward look-back asks votes first.
  std::vector<std::vector<Weight>> history(2);
  std::vector<std::string> names;
  for (const CoalitionParty& party : e.parties) {
    history[0].push_back(static_cast<Weight>(party.seats));
    history[1].push_back(party.votes);
    names.push_back(party.name);
  }
  Tie tie =
      break_tie(top, Seek::highest, fmt::format("pick {}", pick), history, policy, pick, names);
  // The look-back's "rounds" are the party's seats and votes; say so.
  if (tie.resolved_by == "earlier rounds (round 1)") tie.resolved_by = "more seats";
  if (tie.resolved_by == "earlier rounds (round 2)") tie.resolved_by = "more votes";
  CandidateId chosen = tie.chosen;
  e.ties.push_back(std::move(tie));
  return chosen;
}

// The party's most wanted portfolio still free; its list exhausted, the congress's first free one.
std::size_t choose_portfolio(const Executive& e, std::size_t party) {
  for (const std::string& wanted : e.parties[party].preferences) {
    auto i = index_of(e.portfolios, wanted);
    if (i && !e.holder[*i]) return *i;
  }
  auto free = std::find(e.holder.begin(), e.holder.end(), std::nullopt);
  return static_cast<std::size_t>(free - e.holder.begin());
}

void choose_until_filled(Executive& e, const TiePolicy& policy, bool reallocation) {
  e.tie_seed = policy.seed;
  while (std::find(e.holder.begin(), e.holder.end(), std::nullopt) != e.holder.end()) {
    int pick = static_cast<int>(e.picks.size()) + 1;
    CandidateId party = choose_party(e, policy, pick);
    std::string q = quotient(e, party).decimal(3);
    std::size_t portfolio = choose_portfolio(e, party);
    e.holder[portfolio] = party;
    e.picks.push_back({pick, e.parties[party].name, e.portfolios[portfolio], q, reallocation});
  }
}

void apply_agreement(Executive& e,
                     const std::vector<std::pair<std::string, std::string>>& agreement,
                     bool reallocation) {
  for (const auto& [portfolio, party] : agreement) {
    auto i = index_of(e.portfolios, portfolio);
    if (!i)
      throw UsageError("the agreement gives " + portfolio +
                       ", which is not a portfolio of this executive");
    auto p = party_index(e, party);
    if (!p || e.resigned[*p])
      throw UsageError("the agreement gives " + portfolio + " to " + party +
                       ", which is not a party of the executive");
    if (e.holder[*i]) throw UsageError("the agreement gives " + portfolio + " twice");
    e.holder[*i] = *p;
    e.picks.push_back({static_cast<int>(e.picks.size()) + 1, party, portfolio, "", reallocation});
  }
  auto vacant = std::find(e.holder.begin(), e.holder.end(), std::nullopt);
  if (vacant != e.holder.end()) {
    throw UsageError("the agreement leaves " +
                     e.portfolios[static_cast<std::size_t>(vacant - e.holder.begin())] +
                     " to no one");
  }
}

}  // namespace

std::vector<std::string> Executive::portfolios_of(std::string_view party) const {
  std::vector<std::string> out;
  auto p = party_index(*this, party);
  for (std::size_t i = 0; p && i < portfolios.size(); ++i) {
    if (holder[i] == p) out.push_back(portfolios[i]);
  }
  return out;
}

Executive form_executive(std::vector<CoalitionParty> parties, std::vector<std::string> portfolios,
                         const TiePolicy& ties) {
  Executive e = begin_executive(kSequential, std::move(parties), std::move(portfolios));
  choose_until_filled(e, ties, false);
  return e;
}

Executive form_executive_by_agreement(
    std::vector<CoalitionParty> parties, std::vector<std::string> portfolios,
    const std::vector<std::pair<std::string, std::string>>& agreement) {
  Executive e = begin_executive(kAgreement, std::move(parties), std::move(portfolios));
  apply_agreement(e, agreement, false);
  return e;
}

void resign_from_executive(Executive& e, std::string_view party, const TiePolicy& ties,
                           const std::vector<std::pair<std::string, std::string>>& agreement) {
  auto p = party_index(e, party);
  if (!p) throw UsageError(fmt::format("{} is not a party of the executive", party));
  if (e.resigned[*p])
    throw UsageError(fmt::format("{} has already resigned from the executive", party));
  std::vector<std::string> vacated = e.portfolios_of(party);
  e.resigned[*p] = true;
  for (auto& h : e.holder) {
    if (h == p) h.reset();
  }
  e.notes.push_back(fmt::format("{} resigned, giving up {}", party, fmt::join(vacated, ", ")));
  if (e.rule == kAgreement) {
    apply_agreement(e, agreement, true);
  } else {
    choose_until_filled(e, ties, true);
  }
}

std::string executive_text(const Executive& e) {
  std::string out = fmt::format("Executive by {}\n\n", e.rule);
  TextTable table;
  table.add_row({"Pick", "Party", "Quotient", "Portfolio"});
  for (const PortfolioPick& pick : e.picks) {
    table.add_row({std::to_string(pick.pick), pick.party, pick.quotient,
                   pick.portfolio + (pick.reallocation ? " (re-allocated)" : "")});
  }
  out += table.render();
  for (const Tie& tie : e.ties) {
    out += fmt::format("Tie for {}: {} chosen by {}\n", tie.purpose, e.parties[tie.chosen].name,
                       tie.resolved_by);
  }
  for (const std::string& note : e.notes) out += "Note: " + note + "\n";
  return out;
}

nlohmann::ordered_json executive_json(const Executive& e) {
  nlohmann::ordered_json json;
  json["rule"] = e.rule;
  json["parties"] = nlohmann::ordered_json::object();
  for (std::size_t p = 0; p < e.parties.size(); ++p) {
    if (!e.resigned[p]) json["parties"][e.parties[p].name] = e.portfolios_of(e.parties[p].name);
  }
  json["picks"] = nlohmann::ordered_json::array();
  for (const PortfolioPick& pick : e.picks) {
    json["picks"].push_back({{"pick", pick.pick},
                             {"party", pick.party},
                             {"portfolio", pick.portfolio},
                             {"quotient", pick.quotient},
                             {"reallocation", pick.reallocation}});
  }
  json["resigned"] = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < e.parties.size(); ++p) {
    if (e.resigned[p]) json["resigned"].push_back(e.parties[p].name);
  }
  json["ties"] = nlohmann::ordered_json::array();
  for (const Tie& tie : e.ties) {
    json["ties"].push_back({{"purpose", tie.purpose},
                            {"chosen", e.parties[tie.chosen].name},
                            {"resolved_by", tie.resolved_by}});
  }
  json["tie_seed"] = e.tie_seed;
  return json;
}

}  // namespace veche
