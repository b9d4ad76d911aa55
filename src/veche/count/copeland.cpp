#include <fmt/format.h>

#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"

namespace veche {

namespace {

// A score kept in halves, so a pairwise tie's ½ stays exact; written as "3" or "2.5".
std::string halves_as_text(Weight halves) {
  return halves % 2 == 0 ? std::to_string(halves / 2) : fmt::format("{}.5", halves / 2);
}

}  // namespace

// Copeland: a candidate scores 1 for each candidate they beat head to head and ½ for each
// they tie with; the highest score wins. Scores are kept in halves, exactly.
Outcome count_copeland(const Profile& profile, const CountOptions& options) {
  return count_by_pairs("copeland", profile, options,
                        [](const Contest& contest, Round& round) -> std::optional<CandidateId> {
    const std::size_t n = contest.among.size();
    std::vector<Weight> halves(n, 0);
    Weight best = 0;
    for (CandidateId a = 0; a < n; ++a) {
      if (!contest.among[a]) continue;
      for (CandidateId b = 0; b < n; ++b) {
        if (b == a || !contest.among[b]) continue;
        if (contest.pairs.defeats(a, b)) halves[a] += 2;
        else if (!contest.pairs.defeats(b, a)) halves[a] += 1;
      }
      best = std::max(best, halves[a]);
    }
    std::vector<CandidateId> top;
    for (CandidateId c = 0; c < n; ++c) {
      round.votes.push_back(contest.among[c] ? halves_as_text(halves[c]) : "");
      if (contest.among[c] && halves[c] == best) top.push_back(c);
    }
    CandidateId winner = top.front();
    if (top.size() > 1) winner = break_tie_for_winner(top, contest, round);
    round.action = fmt::format("{} has the highest Copeland score", contest.names[winner]);
    return winner;
  });
}

}  // namespace veche
