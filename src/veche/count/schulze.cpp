#include <fmt/format.h>

#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"

namespace veche {

namespace {

// Strongest path strengths, winning votes: a link a→b is as strong as the number of
// voters who prefer a to b when that is a majority of the two, else it is absent (0).
// A path is as strong as its weakest link; p[a][b] is the strongest path from a to b.
// Floyd–Warshall over the candidates in the running.
std::vector<Weight> strongest_paths(const Contest& contest) {
  const std::size_t n = contest.among.size();
  std::vector<Weight> p(n * n, 0);
  for (CandidateId a = 0; a < n; ++a) {
    for (CandidateId b = 0; b < n; ++b) {
      if (a != b && contest.among[a] && contest.among[b] && contest.pairs.defeats(a, b)) {
        p[a * n + b] = contest.pairs(a, b);
      }
    }
  }
  for (CandidateId k = 0; k < n; ++k) {
    if (!contest.among[k]) continue;
    for (CandidateId a = 0; a < n; ++a) {
      if (a == k || !contest.among[a] || p[a * n + k] == 0) continue;
      for (CandidateId b = 0; b < n; ++b) {
        if (b == a || b == k || !contest.among[b]) continue;
        p[a * n + b] = std::max(p[a * n + b], std::min(p[a * n + k], p[k * n + b]));
      }
    }
  }
  return p;
}

}  // namespace

// Schulze (beatpath), winning votes. Candidate a is a potential winner when, for every
// other b, the strongest path from a to b is at least as strong as the one back. The
// round's votes are, per candidate, how many others their paths beat; the path strengths
// go in the notes, a line a candidate. Several potential winners: tie policy.
Outcome count_schulze(const Profile& profile, const CountOptions& options) {
  return count_by_pairs("schulze", profile, options,
                        [](const Contest& contest, Round& round) -> std::optional<CandidateId> {
    const std::size_t n = contest.among.size();
    std::vector<Weight> p = strongest_paths(contest);
    std::vector<CandidateId> winners;
    for (CandidateId a = 0; a < n; ++a) {
      if (!contest.among[a]) {
        round.votes.emplace_back();
        continue;
      }
      Weight beaten = 0;
      bool potential = true;
      std::string line;
      for (CandidateId b = 0; b < n; ++b) {
        if (b == a || !contest.among[b]) continue;
        if (p[a * n + b] > p[b * n + a]) ++beaten;
        if (p[a * n + b] < p[b * n + a]) potential = false;
        line += fmt::format("{}{} {}", line.empty() ? "" : ", ", contest.names[b], p[a * n + b]);
      }
      round.votes.push_back(std::to_string(beaten));
      contest.notes.push_back(fmt::format("round {}: strongest paths from {}: {}", contest.round,
                                          contest.names[a], line));
      if (potential) winners.push_back(a);
    }
    CandidateId winner = winners.front();
    if (winners.size() > 1) winner = break_tie_for_winner(winners, contest, round);
    round.action = fmt::format("{} wins by the strongest paths", contest.names[winner]);
    return winner;
  });
}

}  // namespace veche
