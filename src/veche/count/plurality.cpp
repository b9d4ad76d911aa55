#include <algorithm>

#include "veche/count/methods.hpp"
#include "veche/count/strict_view.hpp"

namespace veche {

// Each ballot counts for its first standing choice; the `seats` highest are elected
// (single non-transferable vote when seats > 1). An overvote at the first rank follows
// the overvote rule.
Outcome count_plurality(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("plurality", profile, options);
  std::vector<bool> standing = standing_candidates(profile, options);
  Profile strict_copy;
  const Profile& ballots = strict_view(profile, options, strict_copy);

  std::vector<Weight> totals(profile.candidate_count(), 0);
  Weight exhausted = 0;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    auto marks = ballots.ballot(i);
    if (marks.empty()) {
      exhausted += ballots.weight(i);
    } else {
      totals[candidate_of(marks.front())] += ballots.weight(i);
    }
  }

  Round round;
  round.action = "First preferences";
  round.votes = totals_as_text(totals, standing);
  round.exhausted = std::to_string(exhausted + ballots.rejected);

  std::vector<CandidateId> order;
  for (CandidateId c = 0; c < totals.size(); ++c) {
    if (standing[c]) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](CandidateId a, CandidateId b) { return totals[a] > totals[b]; });
  std::vector<std::vector<Weight>> no_history;
  std::size_t seats = std::min<std::size_t>(static_cast<std::size_t>(outcome.seats), order.size());
  for (std::size_t s = 0; s < seats; ++s) {
    // Those level with the last seat share it only if the tie crosses the cut-off.
    std::vector<CandidateId> level;
    for (std::size_t k = s; k < order.size(); ++k) {
      if (totals[order[k]] == totals[order[s]]) level.push_back(order[k]);
    }
    CandidateId winner = order[s];
    if (level.size() > 1 && s + level.size() > seats) {
      Tie tie = break_tie(level, Seek::highest, "election", no_history, options.ties, 1,
                          profile.candidates);
      winner = tie.chosen;
      round.ties.push_back(std::move(tie));
      auto it = std::find(order.begin() + static_cast<long>(s), order.end(), winner);
      std::rotate(order.begin() + static_cast<long>(s), it, it + 1);
    }
    outcome.elected.push_back(winner);
    round.elected.push_back(winner);
  }
  outcome.rounds.push_back(std::move(round));
  return outcome;
}

}  // namespace veche
