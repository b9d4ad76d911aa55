// Properties of the single-winner and Condorcet methods on random elections.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "unit/count/ballots.hpp"
#include "veche/count/pairwise.hpp"
#include "veche/count/tally.hpp"
#include "veche/report/report.hpp"

namespace veche::testing {
namespace {

const std::vector<std::string_view> kCondorcetMethods{"condorcet", "schulze", "ranked-pairs",
                                                      "copeland", "minimax"};
const std::vector<std::string_view> kAllMethods{"plurality", "approval",  "borda",   "two-round",
                                                "irv",       "condorcet", "schulze", "ranked-pairs",
                                                "copeland",  "minimax"};

std::optional<CandidateId> condorcet_winner_of(const Profile& profile) {
  std::vector<bool> all(profile.candidate_count(), true);
  return condorcet_winner(count_pairwise(profile, all), all);
}

bool tie_with_votes(const Outcome& outcome) {
  return std::any_of(outcome.rounds.begin(), outcome.rounds.end(), [](const Round& r) {
    return std::any_of(r.ties.begin(), r.ties.end(),
                       [&](const Tie& t) { return r.votes[t.tied.front()] != "0"; });
  });
}

RC_GTEST_PROP(CondorcetMethods, ElectTheCondorcetWinnerWhenThereIsOne, ()) {
  const RandomElection election = *random_election();
  const Profile profile = election.profile();
  std::optional<CandidateId> winner = condorcet_winner_of(profile);
  RC_TAG(winner.has_value());
  for (std::string_view method : kCondorcetMethods) {
    Outcome outcome = count_by(method, profile);
    if (winner) {
      RC_ASSERT(outcome.elected == std::vector<CandidateId>{*winner});
      RC_ASSERT(outcome.smith_set == std::vector<CandidateId>{*winner});
    } else if (method == "condorcet") {
      RC_ASSERT(outcome.elected.empty());
    }
  }
}

RC_GTEST_PROP(CondorcetMethods, SchulzeAndRankedPairsElectFromTheSmithSet, ()) {
  const Profile profile = (*random_election()).profile();
  for (std::string_view method : {"schulze", "ranked-pairs"}) {
    Outcome outcome = count_by(method, profile);
    RC_ASSERT(outcome.elected.size() == 1u);
    const auto& smith = outcome.smith_set;
    RC_ASSERT(std::find(smith.begin(), smith.end(), outcome.elected[0]) != smith.end());
  }
}

// Every member of the Smith set beats or ties every candidate outside it, and no smaller
// non-empty top set exists: each member reaches every other by wins or ties.
RC_GTEST_PROP(SmithSet, BeatsEveryoneOutside, ()) {
  const Profile profile = (*random_election()).profile();
  std::vector<bool> all(profile.candidate_count(), true);
  Pairwise pairs = count_pairwise(profile, all);
  std::vector<CandidateId> smith = smith_set(pairs, all);
  RC_ASSERT(!smith.empty());
  for (CandidateId in : smith) {
    for (CandidateId out = 0; out < all.size(); ++out) {
      if (std::find(smith.begin(), smith.end(), out) == smith.end()) {
        RC_ASSERT(pairs.defeats(in, out));
      }
    }
  }
}

RC_GTEST_PROP(Irv, BatchEliminationElectsTheSameAsOneAtATime, ()) {
  // Many voters a ballot, so that level totals (and so lots) are rare.
  const Profile profile = (*random_election(100000)).profile();
  CountOptions batch;
  batch.batch_elimination = true;
  Outcome single = count_by("irv", profile);
  Outcome batched = count_by("irv", profile, batch);
  // Lots drawn in different rounds may differ; without a tie between candidates who have
  // votes the winner must agree (candidates with none go in any order, moving nothing).
  RC_PRE(!tie_with_votes(single) && !tie_with_votes(batched));
  RC_ASSERT(single.elected == batched.elected);
  RC_ASSERT(batched.rounds.size() <= single.rounds.size());
}

RC_GTEST_PROP(Irv, EveryRoundAccountsForEveryBallot, ()) {
  const Profile profile = (*random_election()).profile();
  Outcome outcome = count_by("irv", profile);
  for (const Round& round : outcome.rounds) {
    Weight sum = std::stoull(round.exhausted);
    for (const std::string& v : round.votes) sum += v.empty() ? 0 : std::stoull(v);
    RC_ASSERT(sum == profile.total_weight());
  }
}

RC_GTEST_PROP(AllMethods, DoNotDependOnTheOrderOfBallots, ()) {
  RandomElection election = *random_election();
  const Profile forward = election.profile();
  std::reverse(election.ballots.begin(), election.ballots.end());
  const Profile backward = election.profile();
  for (std::string_view method : kAllMethods) {
    RC_ASSERT(outcome_json(count_by(method, forward)).dump() ==
              outcome_json(count_by(method, backward)).dump());
  }
}

RC_GTEST_PROP(AllMethods, AreDeterministic, ()) {
  const Profile profile = (*random_election()).profile();
  CountOptions options;
  options.ties.seed = *rc::gen::element<std::string>("0", "veche", "2026-11-25");
  for (std::string_view method : kAllMethods) {
    RC_ASSERT(outcome_json(count_by(method, profile, options)).dump() ==
              outcome_json(count_by(method, profile, options)).dump());
  }
}

RC_GTEST_PROP(SeveralSeats, ElectAsManyDifferentCandidatesAsSeats, ()) {
  const RandomElection election = *random_election();
  const Profile profile = election.profile();
  CountOptions options;
  options.seats = *rc::gen::inRange<int>(1, static_cast<int>(election.names.size()) + 1);
  for (std::string_view method :
       {"approval", "borda", "schulze", "ranked-pairs", "copeland", "minimax"}) {
    Outcome outcome = count_by(method, profile, options);
    std::vector<CandidateId> elected = outcome.elected;
    RC_ASSERT(elected.size() == static_cast<std::size_t>(options.seats));
    std::sort(elected.begin(), elected.end());
    RC_ASSERT(std::adjacent_find(elected.begin(), elected.end()) == elected.end());
  }
}

RC_GTEST_PROP(Schulze, TheFirstOfSeveralSeatsIsTheSingleWinner, ()) {
  const RandomElection election = *random_election();
  const Profile profile = election.profile();
  CountOptions options;
  options.seats = static_cast<int>(election.names.size());
  RC_ASSERT(count_by("schulze", profile, options).elected.front() ==
            count_by("schulze", profile).elected.front());
}

RC_GTEST_PROP(Borda, PointsAddUpToTheComparisonsMade, ()) {
  // Each ballot gives out one point per pair it orders, so the points total the matrix.
  const Profile profile = (*random_election()).profile();
  Outcome borda = count_by("borda", profile);
  Outcome copeland = count_by("copeland", profile);
  Weight points = 0, compared = 0;
  for (const std::string& v : borda.rounds.at(0).votes) points += std::stoull(v);
  for (const auto& row : copeland.pairwise) {
    for (Weight w : row) compared += w;
  }
  RC_ASSERT(points == compared);
}

}  // namespace
}  // namespace veche::testing
