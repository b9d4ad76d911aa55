
#include "veche/count/highest_scores.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"
#include "veche/count/tally.hpp"

namespace veche {

// A ballot gives each standing candidate one point for every standing candidate it ranks
// below them. With n standing and a full strict ballot that is n-1, n-2, ..., 0. On a
// truncated ballot unranked candidates get 0 and the ranked ones keep the points of their
// place; candidates ranked equal each get the points of the lowest place their group
// covers. So a candidate's Borda score is their row of the pairwise matrix, summed: whole
// numbers, no fractions. The `seats` highest scores are elected.
Outcome count_borda(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("borda", profile, options);
  std::vector<bool> standing = standing_candidates(profile, options);
  Pairwise pairs = count_pairwise(profile, standing);

  std::vector<Weight> points(profile.candidate_count(), 0);
  for (CandidateId a = 0; a < points.size(); ++a) {
    for (CandidateId b = 0; b < points.size(); ++b) points[a] += pairs(a, b);
  }

  Round round;
  round.action = "Borda points";
  round.votes = totals_as_text(points, standing);
  const std::vector<std::vector<Weight>> no_history;
  outcome.elected = highest_scores(points, standing, static_cast<std::size_t>(outcome.seats),
                                   "election", no_history, options.ties, 1, profile.candidates,
                                   round);
  round.elected = outcome.elected;
  outcome.rounds.push_back(std::move(round));
  outcome.notes.push_back(
      "points: one for each standing candidate ranked below; unranked candidates score 0; "
      "equal ranks score the lowest place of their group");
  return outcome;
}

}  // namespace veche
