#include <fmt/format.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>

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
    case Remedy::skip:
      return true;
    case Remedy::exhaust:
      return false;
    case Remedy::reject:
      return false;
    case Remedy::error:
      throw UsageError(defect);
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
    if (!groups[g].empty()) {
      last_filled = g;
      break;
    }
  }
  for (std::size_t g = 0; g < groups.size() && last_filled < groups.size() && g <= last_filled;
       ++g) {
    const auto& group = groups[g];
    if (group.empty()) {
      if (rules_.skipped_rank == Remedy::reject) {
        profile_.rejected += weight;
        return false;
      }
      if (!remedy_allows_more(rules_.skipped_rank, "a rank is skipped")) break;
      continue;
    }
    bool first_in_group = true;
    bool stop = false;
    for (CandidateId c : group) {
      if (c >= seen_.size()) throw UsageError("candidate number out of range");
      if (seen_[c]) {
        if (rules_.repeated == Remedy::reject) {
          profile_.rejected += weight;
          return false;
        }
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
  // Only here can a mark be equal to the one before it (add_strict takes one a rank).
  for (Mark m : scratch_) profile_.has_equal_ |= weight != 0 && equal_to_previous(m);
  append(scratch_, weight);
  return true;
}

CandidateId ProfileBuilder::add_candidate(std::string name) {
  const auto id = static_cast<CandidateId>(profile_.candidates.size());
  profile_.candidates.push_back(std::move(name));
  profile_.withdrawn.push_back(false);
  seen_.push_back(false);
  return id;
}

void ProfileBuilder::add_strict(std::span<const CandidateId> ranking, Weight weight) {
  append(ranking, weight);
}

namespace {

// A hash of a ballot's marks, two marks a step. Any good mix will do: it only has to spread
// real ballots, which differ in few marks, over the table.
std::uint64_t hash_marks(std::span<const Mark> marks) {
  constexpr std::uint64_t kMul = 0x9E37'79B9'7F4A'7C15u;
  std::uint64_t h = marks.size() * kMul;
  std::size_t i = 0;
  for (; i + 2 <= marks.size(); i += 2) {
    std::uint64_t pair = marks[i] | (std::uint64_t{marks[i + 1]} << 32);
    h = (h ^ pair) * kMul;
    h ^= h >> 29;
  }
  if (i < marks.size()) h = ((h ^ marks[i]) * kMul) ^ (h >> 31);
  h ^= h >> 32;
  h *= 0xD6E8'FEB8'6659'FD93u;
  h ^= h >> 32;
  return h;
}

// Asks for the memory of a large array in 2 MB pages: a million ballots touch the grouping
// table at random and fill the arena page after page, and with 4 KB pages both spend much
// of their time on page faults and address translation. Only a request: the array is
// correct either way.
template <class T>
void prefer_huge_pages(const std::vector<T>& array) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(array.data());
  const std::uintptr_t end = begin + array.capacity() * sizeof(T);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = end & ~(kHuge - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

constexpr std::uint64_t kEmpty = 0;
constexpr std::size_t kFirstSlots = 1024;
// A slot holds where its ballot's entry starts (plus one, so that 0 is empty) in its low
// bits and the top bits of the ballot's hash above them. The hash bits place the slot, so
// the table grows without hashing a ballot again, up to 2^kTagBits slots: room for some 235
// million distinct ballots in an arena of up to 2^36 words (256 GiB).
constexpr unsigned kStartBits = 36;
constexpr unsigned kTagBits = 64 - kStartBits;
constexpr std::uint64_t kStartMask = (std::uint64_t{1} << kStartBits) - 1;
constexpr std::size_t kMostSlots = std::size_t{1} << kTagBits;

}  // namespace

// Doubles the table; a slot's place comes from the hash bits it keeps, so no ballot is
// hashed again.
void ProfileBuilder::grow_index() {
  const std::size_t slots = index_.empty() ? kFirstSlots : index_.size() * 2;
  if (slots > kMostSlots) {
    throw UsageError(fmt::format("more than {} distinct ballots", kMostSlots / 8 * 7));
  }
  std::vector<std::uint64_t> old = std::move(index_);
  index_.reserve(slots);
  prefer_huge_pages(index_);
  index_.assign(slots, kEmpty);
  const std::size_t mask = index_.size() - 1;
  for (std::uint64_t slot : old) {
    if (slot == kEmpty) continue;
    std::size_t at = (slot >> kStartBits) & mask;
    while (index_[at] != kEmpty) at = (at + 1) & mask;
    index_[at] = slot;
  }
}

// The ballot's entry goes to the end of the arena at once, the only copy made of its marks;
// a ballot that turns out to repeat an earlier one is dropped from there when its batch is
// merged.
void ProfileBuilder::append(std::span<const Mark> marks, Weight weight) {
  if (weight == 0) return;
  if (index_.empty()) grow_index();
  const std::uint64_t tag = hash_marks(marks) >> kStartBits;
  __builtin_prefetch(&index_[tag & (index_.size() - 1)]);
  std::vector<Mark>& arena = profile_.arena_;
  pending_.push_back(Pending{arena.size(), marks.size(), tag, weight});
  // The weight is written when the ballot is found to be new (set_weight).
  const Mark head[Profile::kEntryHead] = {0, static_cast<Mark>(marks.size())};
  arena.insert(arena.end(), std::begin(head), std::end(head));
  arena.insert(arena.end(), marks.begin(), marks.end());
  if (pending_.size() == kBatch) flush();
}

// Merges the waiting ballots in the order they came, closing up the arena behind them: a
// distinct ballot moves down to the end of the ones kept, a repeat leaves its entry behind.
void ProfileBuilder::flush() {
  if (pending_.empty()) return;
  ask_for_likely_repeats();
  std::size_t kept_end = pending_.front().begin;
  for (const Pending& p : pending_) insert(p, kept_end);
  profile_.arena_.resize(kept_end);
  pending_.clear();
}

// The first slot with a waiting ballot's tag points at the entry that ballot most likely
// repeats. Asking memory for all of a batch's entries before comparing any lets their reads
// overlap, where insert would wait for each in turn.
void ProfileBuilder::ask_for_likely_repeats() const {
  const std::size_t mask = index_.size() - 1;
  for (const Pending& p : pending_) {
    for (std::size_t at = p.tag & mask; index_[at] != kEmpty; at = (at + 1) & mask) {
      if ((index_[at] >> kStartBits) == p.tag) {
        __builtin_prefetch(profile_.arena_.data() + (index_[at] & kStartMask) - 1);
        break;
      }
    }
  }
}

void ProfileBuilder::insert(const Pending& p, std::size_t& kept_end) {
  const std::size_t distinct = profile_.starts_.size();
  // At most seven slots in eight full: a probe then compares a few more hash tags, which
  // sit side by side in a cache line, but the table stays half the size it would be at
  // three in four for many profiles (8 bytes a slot, a million distinct ballots).
  if (8 * (distinct + 1) > 7 * index_.size()) grow_index();
  const std::size_t mask = index_.size() - 1;
  Mark* const arena = profile_.arena_.data();
  Mark* const entry = arena + p.begin;
  for (std::size_t at = p.tag & mask;; at = (at + 1) & mask) {
    const std::uint64_t slot = index_[at];
    if (slot == kEmpty) {
      if (kept_end >= kStartMask) throw UsageError("more than 2^36 - 1 marks in all ballots");
      index_[at] = (p.tag << kStartBits) | (kept_end + 1);
      const std::size_t words = Profile::kEntryHead + p.size;
      if (kept_end != p.begin) std::memmove(arena + kept_end, entry, words * sizeof(Mark));
      profile_.starts_.push_back(kept_end);
      profile_.set_weight(arena + kept_end, p.weight);
      kept_end += words;
      break;
    }
    if ((slot >> kStartBits) != p.tag) continue;
    Mark* const known = arena + ((slot & kStartMask) - 1);
    if ((known[Profile::kLength] & ~Profile::kLargeWeight) == p.size &&
        std::memcmp(known + Profile::kEntryHead, entry + Profile::kEntryHead,
                    p.size * sizeof(Mark)) == 0) {
      profile_.add_weight(known, p.weight);
      break;
    }
  }
  profile_.total_ += p.weight;
}

void ProfileBuilder::reserve(std::size_t ballots, std::size_t marks) {
  // Bounds are loose (a file's size over the fewest bytes a ballot takes): address space
  // asked for and never written costs nothing, but one too large for the machine is only
  // a hint not taken, and the arena grows as it must.
  try {
    profile_.arena_.reserve(marks + ballots * Profile::kEntryHead);
    profile_.starts_.reserve(ballots);
    prefer_huge_pages(profile_.arena_);
    prefer_huge_pages(profile_.starts_);
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
}

Profile ProfileBuilder::finish() && {
  flush();
  index_ = {};
  return std::move(profile_);
}

}  // namespace veche
