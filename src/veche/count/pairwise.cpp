#include "veche/count/pairwise.hpp"

#include <limits>

#include "veche/core/error.hpp"
#include "veche/count/tally.hpp"

namespace veche {

std::vector<std::vector<Weight>> Pairwise::matrix() const {
  std::vector<std::vector<Weight>> out(n_, std::vector<Weight>(n_, 0));
  for (std::size_t a = 0; a < n_; ++a) {
    for (std::size_t b = 0; b < n_; ++b) out[a][b] = beats_[a * n_ + b];
  }
  return out;
}

namespace {

// A ballot's place for each candidate: ranked groups 1, 2, ... best first, unranked below
// them all. Withdrawn candidates get 0, so no ranked candidate ever counts as above them.
void place_candidates(std::span<const Mark> marks, const std::vector<bool>& standing,
                      std::vector<std::uint32_t>& place, std::vector<CandidateId>& ranked) {
  constexpr std::uint32_t kUnranked = std::numeric_limits<std::uint32_t>::max();
  for (std::size_t c = 0; c < place.size(); ++c) place[c] = standing[c] ? kUnranked : 0;
  ranked.clear();
  std::uint32_t group = 0;
  for (Mark m : marks) {
    if (!equal_to_previous(m)) ++group;
    CandidateId c = candidate_of(m);
    if (!standing[c]) continue;
    place[c] = group;
    ranked.push_back(c);
  }
}

}  // namespace

Pairwise count_pairwise(const Profile& profile, const std::vector<bool>& standing) {
  const std::size_t n = profile.candidate_count();
  Pairwise pairs(n);
  std::vector<std::uint32_t> place(n);
  std::vector<CandidateId> ranked;
  ranked.reserve(n);
  for (std::size_t i = 0; i < profile.size(); ++i) {
    place_candidates(profile.ballot(i), standing, place, ranked);
    const Weight w = profile.weight(i);
    // A ballot with many voters is one pass: its weight is added once a pair. Written
    // without a branch so the inner loop vectorises.
    for (CandidateId a : ranked) {
      Weight* row = &pairs.at(a, 0);
      const std::uint32_t above = place[a];
      for (std::size_t b = 0; b < n; ++b) row[b] += w & (Weight{0} - Weight{above < place[b]});
    }
  }
  return pairs;
}

std::optional<CandidateId> condorcet_winner(const Pairwise& pairs, const std::vector<bool>& among) {
  for (CandidateId a = 0; a < among.size(); ++a) {
    if (!among[a]) continue;
    bool beats_all = true;
    for (CandidateId b = 0; b < among.size() && beats_all; ++b) {
      if (b != a && among[b] && !pairs.defeats(a, b)) beats_all = false;
    }
    if (beats_all) return a;
  }
  return std::nullopt;
}

std::string names_of(const std::vector<CandidateId>& ids, std::span<const std::string> names) {
  std::string out;
  for (CandidateId c : ids) out += (out.empty() ? "" : ", ") + names[c];
  return out;
}

CandidateId break_tie_for_winner(std::vector<CandidateId> level, const Contest& contest,
                                 Round& round) {
  static const std::vector<std::vector<Weight>> no_history;
  Tie tie = break_tie(std::move(level), Seek::highest, "winner", no_history, contest.ties,
                      contest.round, contest.names);
  CandidateId chosen = tie.chosen;
  round.ties.push_back(std::move(tie));
  return chosen;
}

Outcome count_by_pairs(std::string_view method, const Profile& profile,
                       const CountOptions& options, const PickWinner& pick) {
  Outcome outcome = begin_outcome(method, profile, options);
  std::vector<bool> among = standing_candidates(profile, options);
  const auto standing_count = static_cast<int>(std::count(among.begin(), among.end(), true));
  if (outcome.seats > standing_count) {
    throw UsageError(fmt::format("{} seats but only {} candidates standing", outcome.seats,
                                 standing_count));
  }
  Pairwise pairs = count_pairwise(profile, among);
  outcome.pairwise = pairs.matrix();
  outcome.smith_set = smith_set(pairs, among);
  if (outcome.seats > 1) {
    outcome.notes.push_back(
        "more than one seat: the method is applied once a seat, each time to the candidates "
        "not yet elected");
  }
  for (int seat = 1; seat <= outcome.seats; ++seat) {
    Round round;
    Contest contest{pairs, among, options.ties, profile.candidates, seat, outcome.notes};
    std::optional<CandidateId> winner = pick(contest, round);
    if (winner) {
      round.elected.push_back(*winner);
      outcome.elected.push_back(*winner);
      among[*winner] = false;
    }
    outcome.rounds.push_back(std::move(round));
    if (!winner) break;
  }
  return outcome;
}

}  // namespace veche
