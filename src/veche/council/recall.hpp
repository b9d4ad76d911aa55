#pragma once
// Recall: the members who elected a delegate can take the seat back. A petition reaching
// the threshold brings a recall vote; a recalled seat is refilled by the rule that fits
// how it was won.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "veche/council/majority.hpp"
#include "veche/council/petition.hpp"

namespace veche {

struct RecallRules {
  Share petition{1, 4};  // signatures ÷ members of the constituency, at least
  Majority majority = Majority::simple;
  Share turnout{0, 1};  // ballots cast ÷ electorate, at least, for the vote to count
};

bool recall_triggered(const Petition& petition, const Organisation& organisation,
                      const RecallRules& rules);

// The recall vote's count in the delegate's constituency (ballots are secret: only totals).
struct RecallBallots {
  std::uint64_t electorate = 0;
  std::uint64_t recall = 0;  // for recalling the delegate
  std::uint64_t keep = 0;    // against
  std::uint64_t blank = 0;   // cast but for neither
};

struct RecallResult {
  bool turnout_met = false;
  bool recalled = false;
  std::string reason;  // one sentence, for the record
};

// Recalled when the turnout is met and `recall` carries by the rules' majority (absolute:
// more than half of all ballots cast, blank ones included).
RecallResult decide_recall(const RecallBallots& ballots, const RecallRules& rules);

// How a vacated seat is refilled, following how it was won.
enum class RefillRule {
  next_on_list,   // a party-list seat: the party's next candidate not elected or standing down
  stv_countback,  // an STV seat: the departed delegate's ballots recounted among the unelected
  by_election,    // a single-winner seat: a new election
};
std::string_view to_string(RefillRule rule);
// The rule for a seat won by `method`: an apportionment (party list) method, an STV
// method, or any other count method. UsageError for a name veche does not know.
RefillRule refill_rule_for(std::string_view method);

// The party's next candidate on its list who is neither seated nor unavailable.
std::optional<std::string> next_on_list(const std::vector<std::string>& list,
                                        const std::set<std::string>& seated,
                                        const std::set<std::string>& unavailable = {});

}  // namespace veche
