#pragma once
// Where every reader puts the ballots it reads: a ProfileBuilder that knows the file and the
// line, so a defect the rules refuse becomes an InputError that says where it is.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/candidate.hpp"
#include "veche/core/profile.hpp"

namespace veche::io {

// One ballot as ranks of candidates, best first, reusing its storage from ballot to ballot
// (a reader must not allocate per ballot to keep up with the disk).
class Ranks {
 public:
  void clear() { used_ = 0; }
  void open_rank() {
    if (used_ == groups_.size()) groups_.emplace_back();
    groups_[used_++].clear();
  }
  void mark(CandidateId c) { groups_[used_ - 1].push_back(c); }
  std::size_t size() const { return used_; }
  bool empty() const { return used_ == 0; }
  void drop_after(std::size_t n) { used_ = n < used_ ? n : used_; }
  std::span<const std::vector<CandidateId>> groups() const { return {groups_.data(), used_}; }

 private:
  std::vector<std::vector<CandidateId>> groups_;
  std::size_t used_ = 0;
};

// What the reader does with a mark that names no candidate, as rules.unknown_name says.
enum class UnknownMark { pass_over, end_ballot, reject_ballot };
// Throws the InputError for Remedy::error.
UnknownMark unknown_mark(Remedy remedy, const std::string& path, std::size_t line,
                         const std::string& field, const std::string& why);

class BallotSink {
 public:
  BallotSink(std::string path, std::vector<std::string> candidates, const BallotRules& rules);

  // Adds a ballot read from `line`; the builder's refusal (Remedy::error) becomes an
  // InputError there.
  void add(const Ranks& ranks, Weight weight, std::size_t line);
  void add_strict(std::span<const CandidateId> ranking, Weight weight, std::size_t line);
  // A ballot set aside as invalid while it was read.
  void reject(Weight weight, std::size_t line);

  // A mark that names no candidate: throws for Remedy::error, else says what to do.
  UnknownMark unknown_mark(std::size_t line, const std::string& field, const std::string& why);

  // Bounds on what the file can hold, so the profile is laid out once (ProfileBuilder).
  void reserve(std::size_t ballots, std::size_t marks) { builder_.reserve(ballots, marks); }

  // A candidate first named by a ballot (a CSV with one column a rank); gets the next id.
  CandidateId add_candidate(std::string name) {
    ++candidate_count_;
    return builder_.add_candidate(std::move(name));
  }

  std::size_t candidate_count() const { return candidate_count_; }
  const std::string& path() const { return path_; }
  Profile& profile() { return builder_.profile(); }
  Profile finish() && { return std::move(builder_).finish(); }

 private:
  void count(Weight weight, std::size_t line);

  std::string path_;
  Remedy unknown_name_;
  std::size_t candidate_count_;
  ProfileBuilder builder_;
  Weight read_ = 0;  // every weight read, to refuse a sum that does not fit
};

}  // namespace veche::io
