#pragma once
#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "veche/core/candidate.hpp"
#include "veche/core/outcome.hpp"

namespace veche {

// How ties are broken, by name. Earlier-round totals first (if look_back is set), then
// either the returning officer's order or a lot drawn from `seed`.
struct TiePolicy {
  enum class LookBack { none, backward, forward };
  LookBack look_back = LookBack::backward;  // most recent earlier round first
  std::string seed = "0";                   // the lot's seed, written into every Outcome
  std::vector<CandidateId> order;           // --tie-order: most favoured first; replaces the lot
};

// Which end of a tie is wanted: the lowest (to exclude) or the highest (to elect first).
enum class Seek { lowest, highest };

// The lot: the tied candidate whose SHA-256("seed:round:name") is smallest, so anyone
// with the seed can redraw it by hand. With an order given, the order decides instead.
CandidateId draw_lot(std::span<const CandidateId> tied, Seek seek, const TiePolicy& policy,
                     int round, std::span<const std::string> names, std::string& resolved_by);

// Breaks a tie among `tied`. `history[r][c]` is candidate c's total after round r (oldest
// first) for the rounds before this one; any totally ordered number type works.
template <class Number>
Tie break_tie(std::vector<CandidateId> tied, Seek seek, std::string purpose,
              const std::vector<std::vector<Number>>& history, const TiePolicy& policy,
              int round, std::span<const std::string> names) {
  Tie tie{std::move(purpose), tied, 0, ""};
  std::sort(tied.begin(), tied.end());
  auto narrow_at = [&](std::size_t r) {
    const auto& totals = history[r];
    auto better = [&](CandidateId a, CandidateId b) {
      return seek == Seek::lowest ? totals[a] < totals[b] : totals[b] < totals[a];
    };
    CandidateId best = *std::min_element(tied.begin(), tied.end(), better);
    std::erase_if(tied, [&](CandidateId c) { return better(best, c); });
    if (tied.size() == 1) tie.resolved_by = fmt::format("earlier rounds (round {})", r + 1);
  };
  if (policy.look_back == TiePolicy::LookBack::backward) {
    for (std::size_t r = history.size(); r-- > 0 && tied.size() > 1;) narrow_at(r);
  } else if (policy.look_back == TiePolicy::LookBack::forward) {
    for (std::size_t r = 0; r < history.size() && tied.size() > 1; ++r) narrow_at(r);
  }
  if (tied.size() == 1) {
    tie.chosen = tied.front();
  } else {
    tie.chosen = draw_lot(tied, seek, policy, round, names, tie.resolved_by);
  }
  return tie;
}

}  // namespace veche
