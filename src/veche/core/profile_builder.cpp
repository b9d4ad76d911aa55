#include <cstring>

#include "veche/core/error.hpp"
#include "veche/core/profile.hpp"

namespace veche {

ProfileBuilder::ProfileBuilder(std::vector<std::string> candidates, BallotRules rules)
    : rules_(rules) {
  profile_.withdrawn.assign(candidates.size(), false);
  profile_.candidates = std::move(candidates);
  seen_.assign(profile_.candidates.size(), false);
}

namespace {
// Applies `remedy` to a defect; returns false when the ballot ends here.
bool remedy_allows_more(Remedy remedy, const char* defect) {
  switch (remedy) {
    case Remedy::skip: return true;
    case Remedy::exhaust: return false;
    case Remedy::reject: return false;
    case Remedy::error: throw UsageError(defect);
  }
  return false;
}
}  // namespace

bool ProfileBuilder::add(std::span<const std::vector<CandidateId>> groups, Weight weight) {
  scratch_.clear();
  std::fill(seen_.begin(), seen_.end(), false);
  // A skipped rank only matters when something is ranked after it.
  std::size_t last_filled = groups.size();
  for (std::size_t g = groups.size(); g-- > 0;) {
    if (!groups[g].empty()) { last_filled = g; break; }
  }
  for (std::size_t g = 0; g < groups.size() && last_filled < groups.size() && g <= last_filled;
       ++g) {
    const auto& group = groups[g];
    if (group.empty()) {
      if (rules_.skipped_rank == Remedy::reject) { profile_.rejected += weight; return false; }
      if (!remedy_allows_more(rules_.skipped_rank, "a rank is skipped")) break;
      continue;
    }
    bool first_in_group = true;
    bool stop = false;
    for (CandidateId c : group) {
      if (c >= seen_.size()) throw UsageError("candidate number out of range");
      if (seen_[c]) {
        if (rules_.repeated == Remedy::reject) { profile_.rejected += weight; return false; }
        if (!remedy_allows_more(rules_.repeated, "a candidate is ranked twice")) {
          stop = true;
          break;
        }
        continue;
      }
      seen_[c] = true;
      scratch_.push_back(first_in_group ? c : (c | kEqual));
      first_in_group = false;
    }
    if (stop) break;
  }
  append(scratch_, weight);
  return true;
}

void ProfileBuilder::add_strict(std::span<const CandidateId> ranking, Weight weight) {
  append(ranking, weight);
}

void ProfileBuilder::append(std::span<const Mark> marks, Weight weight) {
  if (weight == 0) return;
  std::string key(reinterpret_cast<const char*>(marks.data()), marks.size_bytes());
  auto [it, inserted] = index_.try_emplace(std::move(key), profile_.weights_.size());
  if (inserted) {
    profile_.marks_.insert(profile_.marks_.end(), marks.begin(), marks.end());
    profile_.starts_.push_back(profile_.marks_.size());
    profile_.weights_.push_back(weight);
    for (Mark m : marks) profile_.has_equal_ |= equal_to_previous(m);
  } else {
    profile_.weights_[it->second] += weight;
  }
  profile_.total_ += weight;
}

Profile ProfileBuilder::finish() && {
  index_ = {};
  return std::move(profile_);
}

}  // namespace veche
