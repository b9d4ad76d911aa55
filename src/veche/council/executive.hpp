#pragma once
// A congress's executive: the portfolios shared among the coalition parties, by d'Hondt
// sequential choice or by an agreement the congress records.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "veche/core/candidate.hpp"
#include "veche/core/outcome.hpp"
#include "veche/core/tie_policy.hpp"

namespace veche {

struct CoalitionParty {
  std::string name;
  int seats = 0;                         // its seats in the congress
  Weight votes = 0;                      // its votes at the election, for ties; 0 when unknown
  std::vector<std::string> preferences;  // portfolios, most wanted first
};

struct PortfolioPick {
  int pick = 0;  // 1-based, across formation and every re-allocation
  std::string party;
  std::string portfolio;
  std::string quotient;  // seats ÷ (portfolios held + 1), 3 places, truncated; "" by agreement
  bool reallocation = false;  // taken after a party resigned
};

struct Executive {
  std::string rule;                     // "d'Hondt sequential choice" or "recorded agreement"
  std::vector<std::string> portfolios;  // in the congress's order
  std::vector<CoalitionParty> parties;  // in the coalition's order
  std::vector<std::optional<std::size_t>> holder;  // per portfolio: index into parties
  std::vector<bool> resigned;                      // per party
  std::vector<PortfolioPick> picks;
  std::vector<Tie> ties;  // tied quotients; ids index parties
  std::string tie_seed;
  std::vector<std::string> notes;

  std::vector<std::string> portfolios_of(std::string_view party) const;
};

// Each round the party with the highest quotient seats ÷ (portfolios held + 1) takes the
// first portfolio on its list still free (or, its list exhausted, the first free one in the
// congress's order), until every portfolio is taken. Level quotients are decided by the
// policy: with look-back, more votes, then more seats; then the order or the lot.
Executive form_executive(std::vector<CoalitionParty> parties, std::vector<std::string> portfolios,
                         const TiePolicy& ties);

// Portfolios as the coalition agreed them: (portfolio, party) pairs, each portfolio
// exactly once, to a coalition party. UsageError naming what is wrong otherwise.
Executive form_executive_by_agreement(
    std::vector<CoalitionParty> parties, std::vector<std::string> portfolios,
    const std::vector<std::pair<std::string, std::string>>& agreement);

// `party` leaves the executive. Its portfolios are re-allocated by the rule that formed it:
// d'Hondt sequential choice resumes among the parties still in, each quotient counting the
// portfolios that party holds now, until the vacated portfolios are taken. An executive
// formed by agreement needs the new agreement for the vacated portfolios (`agreement`).
void resign_from_executive(Executive& executive, std::string_view party, const TiePolicy& ties,
                           const std::vector<std::pair<std::string, std::string>>& agreement = {});

std::string executive_text(const Executive& executive);
// {"rule":…, "parties":{party: [portfolios…]}, "picks":[…], "resigned":[…], "ties":[…]}
nlohmann::ordered_json executive_json(const Executive& executive);

}  // namespace veche
