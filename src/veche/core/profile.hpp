#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/candidate.hpp"

namespace veche {

// A mark on a ballot: a candidate id, with kEqual set when that candidate is ranked
// equal with the one before it (an equal ranking, or an overvote).
using Mark = std::uint32_t;
inline constexpr Mark kEqual = 0x8000'0000u;
inline constexpr CandidateId candidate_of(Mark m) { return m & ~kEqual; }
inline constexpr bool equal_to_previous(Mark m) { return (m & kEqual) != 0; }

// The ballots of one contest: every distinct ballot once, with how many voters cast it.
// All marks live in one arena; ballot i is marks()[start(i) .. start(i+1)).
class Profile {
 public:
  std::string title;
  std::vector<std::string> candidates;  // names as the file spells them, in file order
  std::vector<bool> withdrawn;          // per candidate: withdrawn before the count
  int seats = 1;                        // as the file states; a count may override it
  Weight rejected = 0;                  // ballots set aside as invalid when read

  std::size_t size() const { return weights_.size(); }
  std::span<const Mark> ballot(std::size_t i) const {
    return {marks_.data() + starts_[i], starts_[i + 1] - starts_[i]};
  }
  Weight weight(std::size_t i) const { return weights_[i]; }
  Weight total_weight() const { return total_; }
  bool has_equal_ranks() const { return has_equal_; }
  std::size_t candidate_count() const { return candidates.size(); }

  // The same ballots with one candidate per rank, for methods that need it: each
  // overvote is handled by `remedy`, and withdrawn candidates are dropped.
  Profile strict(Remedy overvote) const;

  friend class ProfileBuilder;

 private:
  std::vector<Mark> marks_;
  std::vector<std::size_t> starts_{0};
  std::vector<Weight> weights_;
  Weight total_ = 0;
  bool has_equal_ = false;
};

// Builds a Profile ballot by ballot, merging identical ballots as they arrive.
// Skipped ranks (empty groups) and repeated candidates are handled by the rules here,
// so every reader treats them alike.
class ProfileBuilder {
 public:
  explicit ProfileBuilder(std::vector<std::string> candidates, BallotRules rules = {});

  // A ballot as groups of candidates, best first; a group of two or more is an equal
  // ranking, an empty group a skipped rank. Returns false when the rules reject it.
  // Throws UsageError for Remedy::error (the reader turns it into an InputError).
  bool add(std::span<const std::vector<CandidateId>> groups, Weight weight);

  // Fast path for a ballot that is already one candidate per rank with no repeats.
  void add_strict(std::span<const CandidateId> ranking, Weight weight);

  Profile finish() &&;
  Profile& profile() { return profile_; }

 private:
  void append(std::span<const Mark> marks, Weight weight);

  Profile profile_;
  BallotRules rules_;
  std::unordered_map<std::string, std::size_t> index_;  // ballot bytes → ballot number
  std::vector<Mark> scratch_;
  std::vector<bool> seen_;
};

}  // namespace veche
