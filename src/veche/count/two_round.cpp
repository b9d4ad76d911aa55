#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "veche/core/error.hpp"
#include "veche/count/highest_scores.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"
#include "veche/count/strict_view.hpp"
#include "veche/count/tally.hpp"

namespace veche {

namespace {

// First preferences of the standing candidates; returns what no one got.
Weight first_preferences(const Profile& ballots, std::vector<Weight>& totals) {
  Weight none = ballots.rejected;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    auto marks = ballots.ballot(i);
    if (marks.empty()) none += ballots.weight(i);
    else totals[candidate_of(marks[0])] += ballots.weight(i);
  }
  return none;
}

}  // namespace

// Contingent vote, one seat. A candidate with more than half of the first preferences is
// elected. Otherwise every candidate but the two with the most first preferences is
// excluded at once, and each of their ballots goes to whichever of the two it ranks
// higher (or to no one). The one of the two with more votes then wins.
Outcome count_two_round(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("two-round", profile, options);
  if (outcome.seats != 1) throw UsageError("two-round fills one seat");
  std::vector<bool> standing = standing_candidates(profile, options);
  if (std::none_of(standing.begin(), standing.end(), [](bool s) { return s; })) {
    throw UsageError("no candidate is standing");
  }
  Profile strict_copy;
  const Profile& ballots = strict_view(profile, options, strict_copy);
  const auto& names = profile.candidates;

  std::vector<Weight> totals(profile.candidate_count(), 0);
  Weight exhausted = first_preferences(ballots, totals);
  Weight valid = 0;
  for (Weight t : totals) valid += t;

  Round first;
  first.votes = totals_as_text(totals, standing);
  first.exhausted = std::to_string(exhausted);
  const std::vector<std::vector<Weight>> no_history;
  std::vector<CandidateId> finalists =
      highest_scores(totals, standing, 2, "place in the second round", no_history,
                     options.ties, 1, names, first);
  CandidateId leader = finalists.front();
  if (finalists.size() == 1 || 2 * totals[leader] > valid) {
    first.action = fmt::format("{} elected with a majority of first preferences", names[leader]);
    first.elected.push_back(leader);
    outcome.elected.push_back(leader);
    outcome.rounds.push_back(std::move(first));
    return outcome;
  }

  // Every ballot of an excluded candidate goes to the finalist it ranks higher.
  std::vector<bool> finalist(standing.size(), false);
  for (CandidateId c : finalists) finalist[c] = true;
  std::vector<Weight> second(totals.size(), 0);
  for (CandidateId c : finalists) second[c] = totals[c];
  // (from, to) → votes; `to` is kNowhere for a ballot that ranks neither finalist.
  constexpr CandidateId kNowhere = std::numeric_limits<CandidateId>::max();
  std::map<std::pair<CandidateId, CandidateId>, Weight> moved;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    auto marks = ballots.ballot(i);
    if (marks.empty() || finalist[candidate_of(marks[0])]) continue;
    auto to = std::find_if(marks.begin(), marks.end(),
                           [&](Mark m) { return finalist[candidate_of(m)]; });
    moved[{candidate_of(marks[0]), to == marks.end() ? kNowhere : candidate_of(*to)}] +=
        ballots.weight(i);
  }
  for (CandidateId c = 0; c < standing.size(); ++c) {
    if (standing[c] && !finalist[c]) first.excluded.push_back(c);
  }
  for (const auto& [move, votes] : moved) {
    std::optional<CandidateId> to;
    if (move.second == kNowhere) {
      exhausted += votes;
    } else {
      to = move.second;
      second[move.second] += votes;
    }
    first.transfers.push_back(Transfer{move.first, to, std::to_string(votes)});
  }
  first.action = fmt::format("No majority; all but {} excluded", names_of(finalists, names));
  outcome.rounds.push_back(std::move(first));

  Round runoff;
  runoff.votes = totals_as_text(second, finalist);
  runoff.exhausted = std::to_string(exhausted);
  const std::vector<std::vector<Weight>> history{totals};
  CandidateId winner =
      highest_scores(second, finalist, 1, "election", history, options.ties, 2, names, runoff)
          .front();
  runoff.action = fmt::format("{} elected in the second round", names[winner]);
  runoff.elected.push_back(winner);
  outcome.elected.push_back(winner);
  outcome.rounds.push_back(std::move(runoff));
  outcome.notes.push_back(fmt::format("overvotes: {}", to_string(options.overvote)));
  return outcome;
}

}  // namespace veche
