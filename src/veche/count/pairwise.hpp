#pragma once
// The pairwise comparisons every Condorcet method starts from, and the driver that turns
// a "pick one winner" rule into a count.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "veche/count/method.hpp"

namespace veche {

// How many voters prefer a to b, for every ordered pair. A ballot prefers a to b when it
// ranks a above b; unranked candidates are below every ranked one and level with each
// other, and candidates ranked equal (kEqual) are level: level candidates prefer neither.
// Withdrawn candidates take part in no comparison (their rows and columns are 0).
class Pairwise {
 public:
  Pairwise() = default;
  explicit Pairwise(std::size_t candidates) : n_(candidates), beats_(candidates * candidates, 0) {}

  std::size_t candidate_count() const { return n_; }
  Weight operator()(CandidateId a, CandidateId b) const { return beats_[a * n_ + b]; }
  Weight& at(CandidateId a, CandidateId b) { return beats_[a * n_ + b]; }
  bool defeats(CandidateId a, CandidateId b) const { return (*this)(a, b) > (*this)(b, a); }

  // As Outcome.pairwise holds it: [a][b].
  std::vector<std::vector<Weight>> matrix() const;

 private:
  std::size_t n_ = 0;
  std::vector<Weight> beats_;
};

Pairwise count_pairwise(const Profile& profile, const std::vector<bool>& standing);

// The Smith set of the candidates marked in `among`: the smallest non-empty set whose
// every member beats every candidate outside it. Ascending ids.
std::vector<CandidateId> smith_set(const Pairwise& pairs, const std::vector<bool>& among);

// The candidate who beats every other candidate in `among`, if there is one.
std::optional<CandidateId> condorcet_winner(const Pairwise& pairs, const std::vector<bool>& among);

// What a Condorcet method sees when it picks a winner: the comparisons, who is still in
// the running, and what it needs to break a tie and record the round.
struct Contest {
  const Pairwise& pairs;
  const std::vector<bool>& among;
  const TiePolicy& ties;
  std::span<const std::string> names;
  int round = 1;  // 1-based, as break_tie and the record number rounds
  std::vector<std::string>& notes;  // the Outcome's notes, for what a round cannot hold
};

// One application of a method: the winner (nullopt: the method names none) and the round
// it recorded (scores in `votes`, ties, what was decided in `action`).
using PickWinner = std::function<std::optional<CandidateId>(const Contest&, Round&)>;

// A whole count by a Condorcet method. One seat: one application. More seats: the method
// is applied again to the candidates not yet elected, once a seat, so the winners come
// in the method's order (for Schulze this is the Schulze ranking's top). Fills pairwise
// and smith_set from every standing candidate.
Outcome count_by_pairs(std::string_view method, const Profile& profile,
                       const CountOptions& options, const PickWinner& pick);

// Among tied `level` candidates, the one the tie policy favours to win; the tie is
// recorded in `round`. No history: a Condorcet method has no earlier rounds.
CandidateId break_tie_for_winner(std::vector<CandidateId> level, const Contest& contest,
                                 Round& round);

// The names of `ids`, comma-separated, for actions and notes.
std::string names_of(const std::vector<CandidateId>& ids, std::span<const std::string> names);

}  // namespace veche
