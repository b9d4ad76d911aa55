#pragma once
// Electing the candidates with the highest scores (approval, Borda, two-round's first
// round): the one place where a tie at the cut-off is broken.
#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "veche/core/outcome.hpp"
#include "veche/core/tie_policy.hpp"

namespace veche {

// The `places` standing candidates with the highest scores, best first. Candidates level
// at the cut-off are separated by `break_tie` (lot or tie order; `history` for earlier
// rounds, oldest first); each such tie is recorded in `round` under `purpose`.
template <class Number>
std::vector<CandidateId> highest_scores(const std::vector<Number>& scores,
                                        const std::vector<bool>& standing, std::size_t places,
                                        const std::string& purpose,
                                        const std::vector<std::vector<Number>>& history,
                                        const TiePolicy& ties, int round_number,
                                        std::span<const std::string> names, Round& round) {
  std::vector<CandidateId> order;
  for (CandidateId c = 0; c < scores.size(); ++c) {
    if (standing[c]) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](CandidateId a, CandidateId b) { return scores[b] < scores[a]; });
  places = std::min(places, order.size());
  for (std::size_t s = 0; s < places; ++s) {
    // Candidates level with place s matter only if they do not all fit in the places left.
    std::vector<CandidateId> level;
    for (std::size_t k = s; k < order.size() && !(scores[order[k]] < scores[order[s]]); ++k) {
      level.push_back(order[k]);
    }
    if (level.size() > 1 && s + level.size() > places) {
      Tie tie = break_tie(level, Seek::highest, purpose, history, ties, round_number, names);
      auto first = order.begin() + static_cast<long>(s);
      auto it = std::find(first, order.end(), tie.chosen);
      std::rotate(first, it, it + 1);
      round.ties.push_back(std::move(tie));
    }
  }
  order.resize(places);
  return order;
}

}  // namespace veche
