#include <fmt/format.h>

#include <algorithm>

#include "veche/core/error.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"
#include "veche/count/strict_view.hpp"
#include "veche/count/tally.hpp"

namespace veche {

namespace {

// The ballots in piles, one pile a continuing candidate, as a count sheet keeps them.
// Each distinct ballot is kept once with its weight and a cursor at the preference it
// now counts for, so an exclusion re-reads only the excluded candidate's pile.
class Piles {
 public:
  Piles(const Profile& ballots, std::vector<bool> continuing)
      : ballots_(ballots),
        continuing_(std::move(continuing)),
        cursor_(ballots.size(), 0),
        piles_(continuing_.size()),
        totals_(continuing_.size(), 0) {
    exhausted_ = ballots.rejected;
    for (std::size_t i = 0; i < ballots.size(); ++i) {
      auto marks = ballots.ballot(i);
      if (marks.empty()) {
        exhausted_ += ballots.weight(i);
        continue;
      }
      CandidateId first = candidate_of(marks[0]);
      piles_[first].push_back(static_cast<std::uint32_t>(i));
      totals_[first] += ballots.weight(i);
    }
  }

  const std::vector<Weight>& totals() const { return totals_; }
  Weight exhausted() const { return exhausted_; }
  const std::vector<bool>& continuing() const { return continuing_; }

  // Excludes `losers` together and moves each of their ballots to its next continuing
  // preference (or to the non-transferable pile). Returns the moves, per loser.
  std::vector<Transfer> exclude(const std::vector<CandidateId>& losers) {
    for (CandidateId c : losers) continuing_[c] = false;
    std::vector<Transfer> transfers;
    std::vector<Weight> moved(continuing_.size());
    for (CandidateId from : losers) {
      std::fill(moved.begin(), moved.end(), 0);
      Weight lost = 0;
      const std::vector<std::uint32_t>& pile = piles_[from];
      for (std::size_t k = 0; k < pile.size(); ++k) {
        // A pile's ballots lie scattered over the arena, so nearly every one is a cache
        // miss; asking for a ballot some places ahead lets those misses overlap.
        if (k + kPrefetchAhead < pile.size()) prefetch(pile[k + kPrefetchAhead]);
        const std::uint32_t i = pile[k];
        std::optional<CandidateId> next = advance(i);
        if (next) {
          piles_[*next].push_back(i);
          moved[*next] += ballots_.weight(i);
        } else {
          lost += ballots_.weight(i);
        }
      }
      piles_[from] = {};
      totals_[from] = 0;
      for (CandidateId to = 0; to < moved.size(); ++to) {
        if (moved[to] == 0) continue;
        totals_[to] += moved[to];
        transfers.push_back(Transfer{from, to, std::to_string(moved[to])});
      }
      if (lost > 0) transfers.push_back(Transfer{from, std::nullopt, std::to_string(lost)});
      exhausted_ += lost;
    }
    return transfers;
  }

 private:
  static constexpr std::size_t kPrefetchAhead = 8;

  // Starts bringing in the marks that ballot i's cursor points at.
  void prefetch(std::uint32_t i) const {
    __builtin_prefetch(ballots_.ballot(i).data() + cursor_[i]);
  }

  // Moves ballot i's cursor to its next continuing preference.
  std::optional<CandidateId> advance(std::uint32_t i) {
    auto marks = ballots_.ballot(i);
    std::uint32_t& at = cursor_[i];
    while (at < marks.size() && !continuing_[candidate_of(marks[at])]) ++at;
    if (at == marks.size()) return std::nullopt;
    return candidate_of(marks[at]);
  }

  const Profile& ballots_;
  std::vector<bool> continuing_;
  std::vector<std::uint32_t> cursor_;
  std::vector<std::vector<std::uint32_t>> piles_;
  std::vector<Weight> totals_;
  Weight exhausted_ = 0;
};

std::vector<CandidateId> continuing_by_votes(const Piles& piles) {
  std::vector<CandidateId> order;
  for (CandidateId c = 0; c < piles.continuing().size(); ++c) {
    if (piles.continuing()[c]) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(), [&](CandidateId a, CandidateId b) {
    return piles.totals()[a] < piles.totals()[b];
  });
  return order;
}

// Batch elimination: the largest set of lowest candidates whose votes together are fewer
// than the next candidate's. Such candidates could not overtake anyone even if every
// vote of the set went to one of them, so excluding them at once changes no result.
// Empty when that set has fewer than two members.
std::vector<CandidateId> hopeless_candidates(const std::vector<CandidateId>& by_votes,
                                             const std::vector<Weight>& totals) {
  std::size_t largest = 0;
  Weight below = 0;
  for (std::size_t k = 0; k + 1 < by_votes.size(); ++k) {
    below += totals[by_votes[k]];
    if (below < totals[by_votes[k + 1]]) largest = k + 1;
  }
  if (largest < 2) return {};
  std::vector<CandidateId> set(by_votes.begin(), by_votes.begin() + static_cast<long>(largest));
  std::sort(set.begin(), set.end());
  return set;
}

}  // namespace

// Instant runoff (alternative vote), one seat. Each round every ballot counts for its
// highest-ranked continuing candidate. A candidate with more than half of the votes of
// continuing candidates is elected; otherwise the candidate with the fewest votes is
// excluded and their ballots go to their next continuing preference.
Outcome count_irv(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("irv", profile, options);
  if (outcome.seats != 1) {
    throw UsageError("irv fills one seat; for more seats use an STV method");
  }
  std::vector<bool> standing = standing_candidates(profile, options);
  if (std::none_of(standing.begin(), standing.end(), [](bool s) { return s; })) {
    throw UsageError("no candidate is standing");
  }
  Profile strict_copy;
  const Profile& ballots = strict_view(profile, options, strict_copy);
  Piles piles(ballots, standing);
  std::vector<std::vector<Weight>> history;  // totals of each finished round, oldest first

  for (int number = 1;; ++number) {
    Round round;
    round.votes = totals_as_text(piles.totals(), piles.continuing());
    round.exhausted = std::to_string(piles.exhausted());
    std::vector<CandidateId> by_votes = continuing_by_votes(piles);
    const std::vector<Weight>& totals = piles.totals();
    Weight in_play = 0;
    for (CandidateId c : by_votes) in_play += totals[c];
    CandidateId leader = by_votes.back();
    if (by_votes.size() == 1 || 2 * totals[leader] > in_play) {
      round.action = by_votes.size() == 1
                         ? fmt::format("{} elected as the last continuing candidate",
                                       profile.candidates[leader])
                         : fmt::format("{} elected with a majority ({} of {})",
                                       profile.candidates[leader], totals[leader], in_play);
      round.elected.push_back(leader);
      outcome.elected.push_back(leader);
      outcome.rounds.push_back(std::move(round));
      break;
    }
    std::vector<CandidateId> losers;
    if (options.batch_elimination) losers = hopeless_candidates(by_votes, totals);
    if (losers.empty()) {
      std::vector<CandidateId> lowest;
      for (CandidateId c : by_votes) {
        if (totals[c] == totals[by_votes.front()]) lowest.push_back(c);
      }
      CandidateId loser = lowest.front();
      if (lowest.size() > 1) {
        Tie tie = break_tie(lowest, Seek::lowest, "exclusion", history, options.ties, number,
                            profile.candidates);
        loser = tie.chosen;
        round.ties.push_back(std::move(tie));
      }
      losers.push_back(loser);
    }
    round.action = fmt::format("{} excluded", names_of(losers, profile.candidates));
    round.excluded = losers;
    history.push_back(totals);
    round.transfers = piles.exclude(losers);
    outcome.rounds.push_back(std::move(round));
  }
  if (options.batch_elimination) {
    outcome.notes.push_back(
        "batch elimination: each round excludes together the most candidates whose votes "
        "added up are fewer than the next candidate's");
  }
  outcome.notes.push_back(fmt::format("overvotes: {}", to_string(options.overvote)));
  return outcome;
}

}  // namespace veche
