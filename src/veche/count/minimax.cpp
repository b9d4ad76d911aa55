#include <fmt/format.h>

#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"

namespace veche {

// Minimax (Simpson–Kramer), winning votes: a candidate's score is their worst defeat, the
// number of voters on the winning side of the largest majority against them (0 when no
// one beats them). The lowest score wins.
Outcome count_minimax(const Profile& profile, const CountOptions& options) {
  return count_by_pairs("minimax", profile, options,
                        [](const Contest& contest, Round& round) -> std::optional<CandidateId> {
    const std::size_t n = contest.among.size();
    std::vector<Weight> worst(n, 0);
    std::vector<CandidateId> in;
    for (CandidateId a = 0; a < n; ++a) {
      if (!contest.among[a]) continue;
      in.push_back(a);
      for (CandidateId b = 0; b < n; ++b) {
        if (b != a && contest.among[b] && contest.pairs.defeats(b, a)) {
          worst[a] = std::max(worst[a], contest.pairs(b, a));
        }
      }
    }
    Weight least = worst[in.front()];
    for (CandidateId c : in) least = std::min(least, worst[c]);
    std::vector<CandidateId> best;
    for (CandidateId c = 0; c < n; ++c) {
      round.votes.push_back(contest.among[c] ? std::to_string(worst[c]) : "");
      if (contest.among[c] && worst[c] == least) best.push_back(c);
    }
    CandidateId winner = best.front();
    if (best.size() > 1) winner = break_tie_for_winner(best, contest, round);
    round.action = fmt::format("{} has the smallest worst defeat ({})", contest.names[winner],
                               least);
    return winner;
  });
}

}  // namespace veche
