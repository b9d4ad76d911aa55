#include <algorithm>

#include "veche/count/highest_scores.hpp"
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

  const std::vector<std::vector<Weight>> no_history;
  outcome.elected =
      highest_scores(totals, standing, static_cast<std::size_t>(outcome.seats), "election",
                     no_history, options.ties, 1, profile.candidates, round);
  round.elected = outcome.elected;
  outcome.rounds.push_back(std::move(round));
  return outcome;
}

}  // namespace veche
