#include <fmt/format.h>

#include "veche/core/error.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"

namespace veche {

namespace {

std::vector<Weight> pairwise_wins(const Contest& contest) {
  std::vector<Weight> wins(contest.among.size(), 0);
  for (CandidateId a = 0; a < wins.size(); ++a) {
    for (CandidateId b = 0; b < wins.size(); ++b) {
      if (contest.among[a] && contest.among[b] && contest.pairs.defeats(a, b)) ++wins[a];
    }
  }
  return wins;
}

}  // namespace

// The Condorcet winner: the candidate who beats every other in a head-to-head count. When
// there is none, nobody is elected (Outcome.elected stays empty), the round says so, and
// the Smith set is reported: the candidates a completion method would choose among.
Outcome count_condorcet(const Profile& profile, const CountOptions& options) {
  if (seats_for(profile, options) != 1) {
    throw UsageError("condorcet fills one seat; for a ranking of several use schulze");
  }
  return count_by_pairs("condorcet", profile, options,
                        [](const Contest& contest, Round& round) -> std::optional<CandidateId> {
    std::vector<Weight> wins = pairwise_wins(contest);
    for (CandidateId c = 0; c < wins.size(); ++c) {
      round.votes.push_back(contest.among[c] ? std::to_string(wins[c]) : "");
    }
    std::optional<CandidateId> winner = condorcet_winner(contest.pairs, contest.among);
    if (winner) {
      round.action = fmt::format("{} beats every other candidate: the Condorcet winner",
                                 contest.names[*winner]);
    } else {
      round.action = fmt::format("No Condorcet winner; the Smith set is {}",
                                 names_of(smith_set(contest.pairs, contest.among), contest.names));
    }
    return winner;
  });
}

}  // namespace veche
