#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/candidate.hpp"

namespace veche {

// A mark on a ballot: a candidate id, with kEqual set when that candidate is ranked
// equal with the one before it (an equal ranking, or an overvote).
using Mark = std::uint32_t;
inline constexpr Mark kEqual = 0x8000'0000u;
inline constexpr CandidateId candidate_of(Mark m) {
  return m & ~kEqual;
}
inline constexpr bool equal_to_previous(Mark m) {
  return (m & kEqual) != 0;
}

// The ballots of one contest: every distinct ballot once, with how many voters cast it.
// Everything lives in one arena: from start(i), ballot i's weight and length, a word each,
// then its marks. Keeping a ballot's weight and length beside its marks lets the builder
// merge a repeated ballot with one read of memory instead of three. A weight past 2^32 - 1
// (rare: a file of weighted ballots) is kept aside, and its word says where.
class Profile {
 public:
  std::string title;
  std::vector<std::string> candidates;  // names as the file spells them, in file order
  std::vector<bool> withdrawn;          // per candidate: withdrawn before the count
  int seats = 1;                        // as the file states; a count may override it
  Weight rejected = 0;                  // ballots set aside as invalid when read

  std::size_t size() const { return starts_.size(); }
  std::span<const Mark> ballot(std::size_t i) const {
    const Mark* entry = arena_.data() + starts_[i];
    return {entry + kEntryHead, entry[kLength] & ~kLargeWeight};
  }
  Weight weight(std::size_t i) const { return weight_at(arena_.data() + starts_[i]); }
  Weight total_weight() const { return total_; }
  bool has_equal_ranks() const { return has_equal_; }
  std::size_t candidate_count() const { return candidates.size(); }

  // The same ballots with one candidate per rank, for methods that need it: each
  // overvote is handled by `remedy`, and withdrawn candidates are dropped.
  Profile strict(Remedy overvote) const;

  friend class ProfileBuilder;

 private:
  // A ballot's entry in the arena: its weight, its length, then its marks. The length's top
  // bit (no ballot has 2^31 marks) says the weight word numbers one of large_weights_.
  static constexpr std::size_t kWeight = 0;
  static constexpr std::size_t kLength = 1;
  static constexpr std::size_t kEntryHead = 2;
  static constexpr Mark kLargeWeight = 0x8000'0000u;
  Weight weight_at(const Mark* entry) const {
    if (entry[kLength] & kLargeWeight) return large_weights_[entry[kWeight]];
    return entry[kWeight];
  }
  void set_weight(Mark* entry, Weight weight) {
    if (weight <= 0xFFFF'FFFFu) {
      entry[kWeight] = static_cast<Mark>(weight);
      return;
    }
    entry[kWeight] = static_cast<Mark>(large_weights_.size());
    entry[kLength] |= kLargeWeight;
    large_weights_.push_back(weight);
  }
  void add_weight(Mark* entry, Weight weight) {
    if (entry[kLength] & kLargeWeight) {
      large_weights_[entry[kWeight]] += weight;
    } else {
      set_weight(entry, entry[kWeight] + weight);
    }
  }

  std::vector<Mark> arena_;
  std::vector<std::size_t> starts_;  // where each ballot's entry begins in the arena
  std::vector<Weight> large_weights_;
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

  // A candidate named after the builder was made (a reader that learns the names as it
  // reads the ballots); gets the next id.
  CandidateId add_candidate(std::string name);

  // Fast path for a ballot that is already one candidate per rank with no repeats.
  void add_strict(std::span<const CandidateId> ranking, Weight weight);

  // Room for at most `ballots` distinct ballots holding `marks` marks in all, bounds a
  // reader knows from its file's size. The arena then never moves: growing by doubling
  // would hold two copies for a moment, and reserved pages never written are never resident.
  void reserve(std::size_t ballots, std::size_t marks);

  Profile finish() &&;
  // The profile as built so far, every ballot given to add() in it.
  Profile& profile() {
    flush();
    return profile_;
  }

 private:
  // A ballot waiting to be merged: where its entry is in the arena, past the ballots already
  // merged; its length, hash and weight.
  struct Pending {
    std::size_t begin, size;
    std::uint64_t tag;
    Weight weight;
  };
  static constexpr std::size_t kBatch = 16;

  void append(std::span<const Mark> marks, Weight weight);
  void ask_for_likely_repeats() const;
  void insert(const Pending& p, std::size_t& kept_end);
  void flush();
  void grow_index();

  Profile profile_;
  BallotRules rules_;
  // Ballot marks → the ballot's entry, as an open-addressed hash table over the profile's own
  // arena: a slot is (28 bits of the ballot's hash << 36) | (where its entry starts + 1), 0
  // when empty. A distinct ballot costs one 8-byte slot instead of a heap-allocated key, and
  // a repeat is merged by reading its slot and then its entry, where weight, length and marks
  // sit together.
  std::vector<std::uint64_t> index_;
  // Ballots are merged kBatch at a time, in the order they came: each one's table slot is
  // asked of memory when it arrives, and the entry it likely repeats before the batch is
  // merged, so the cache misses of a batch overlap instead of being waited for one by one.
  std::vector<Pending> pending_;
  std::vector<Mark> scratch_;
  std::vector<bool> seen_;
};

}  // namespace veche
