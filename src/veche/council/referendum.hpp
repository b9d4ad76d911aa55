#pragma once
// Initiative and referendum: members file an initiative; enough signatures before the
// deadline put its question to every member of the constituencies concerned.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "veche/council/majority.hpp"
#include "veche/council/petition.hpp"

namespace veche {

// What must be true of participation for the result to stand.
enum class ReferendumQuorum {
  none,
  turnout,   // ballots cast ÷ electorate reaches the share
  approval,  // yes ÷ electorate reaches the share
};
// What "carried" means: simple, absolute, two-thirds (as Majority), or a double majority:
// more yes than no among the voters and in more than half of the constituencies.
enum class ReferendumMajority { simple, absolute, two_thirds, double_majority };

std::string_view to_string(ReferendumQuorum quorum);
std::string_view to_string(ReferendumMajority majority);
std::optional<ReferendumQuorum> parse_referendum_quorum(std::string_view text);
std::optional<ReferendumMajority> parse_referendum_majority(std::string_view text);

struct ReferendumRules {
  Share initiative{1, 10};  // signatures ÷ members of the constituencies, at least
  ReferendumQuorum quorum = ReferendumQuorum::none;
  Share quorum_share{0, 1};
  ReferendumMajority majority = ReferendumMajority::simple;
};

bool initiative_triggered(const Petition& initiative, const Organisation& organisation,
                          const ReferendumRules& rules);

// One constituency's count (ballots are secret: only totals).
struct ConstituencyCount {
  std::string council;
  std::uint64_t electorate = 0;
  std::uint64_t yes = 0, no = 0, blank = 0;
};

struct ReferendumResult {
  std::string question;
  std::uint64_t electorate = 0, yes = 0, no = 0, blank = 0;
  bool quorum_met = false;
  bool voters_majority = false;    // the majority the rules ask of the voters
  std::uint64_t councils_yes = 0;  // constituencies with more yes than no
  std::uint64_t councils = 0;
  bool councils_majority = true;  // only a double majority asks it
  bool carried = false;
  std::string reason;
};

// UsageError (no_question) for an empty question or no constituency.
ReferendumResult decide_referendum(std::string question, std::span<const ConstituencyCount> counts,
                                   const ReferendumRules& rules);

nlohmann::ordered_json referendum_json(const ReferendumResult& result);

}  // namespace veche
