#include "veche/count/highest_scores.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/tally.hpp"

namespace veche {

// Every candidate a ballot ranks, at any rank and equal or not, is approved by it. The
// `seats` candidates approved by the most voters are elected. A ballot that ranks no
// standing candidate approves no one and is counted as non-transferable.
Outcome count_approval(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("approval", profile, options);
  std::vector<bool> standing = standing_candidates(profile, options);

  std::vector<Weight> approvals(profile.candidate_count(), 0);
  Weight approves_no_one = 0;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    bool any = false;
    for (Mark m : profile.ballot(i)) {
      CandidateId c = candidate_of(m);
      if (!standing[c]) continue;
      approvals[c] += profile.weight(i);
      any = true;
    }
    if (!any) approves_no_one += profile.weight(i);
  }

  Round round;
  round.action = "Approvals";
  round.votes = totals_as_text(approvals, standing);
  round.exhausted = std::to_string(approves_no_one + profile.rejected);
  const std::vector<std::vector<Weight>> no_history;
  outcome.elected = highest_scores(approvals, standing, static_cast<std::size_t>(outcome.seats),
                                   "election", no_history, options.ties, 1, profile.candidates,
                                   round);
  round.elected = outcome.elected;
  outcome.rounds.push_back(std::move(round));
  outcome.notes.push_back("every candidate ranked on a ballot counts as approved by it");
  return outcome;
}

}  // namespace veche
