#include "veche/council/draw_members.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "veche/core/error.hpp"

namespace veche {

ConstituencyMembers::ConstituencyMembers(const Organisation& o, CouncilId constituency)
    : ConstituencyMembers(o, std::span<const CouncilId>(&constituency, 1)) {}

ConstituencyMembers::ConstituencyMembers(const Organisation& o,
                                         std::span<const CouncilId> constituencies) {
  auto within = [&](CouncilId council) {
    return std::ranges::any_of(constituencies,
                               [&](CouncilId c) { return o.is_within(council, c); });
  };
  for (MemberId id = 0; id < o.members().size(); ++id) {
    if (within(o.members()[id].constituency)) listed_.push_back(id);
  }
  size_ = listed_.size();
  auto take = [&](const CouncilRoll& roll) {
    rolls_.push_back(&roll);
    roll_starts_.push_back(size_);
    size_ += roll.size;
  };
  // A local council has its own roll only: no need to look through every other.
  if (constituencies.size() == 1 && o.council(constituencies[0]).level == CouncilLevel::local) {
    if (const CouncilRoll* roll = o.roll_of(constituencies[0])) take(*roll);
    return;
  }
  for (const CouncilRoll& roll : o.rolls()) {
    if (within(roll.council)) take(roll);
  }
}

std::uint64_t ConstituencyMembers::size() const {
  return size_;
}

MemberId ConstituencyMembers::at(std::uint64_t index) const {
  if (index < listed_.size()) return listed_[index];
  auto after = std::ranges::upper_bound(roll_starts_, index);
  std::size_t r = static_cast<std::size_t>(after - roll_starts_.begin()) - 1;
  return kRollMember | (rolls_.at(r)->first + (index - roll_starts_[r]));
}

std::vector<MemberId> draw_members(const ConstituencyMembers& members, std::uint64_t count,
                                   SeededDraws& draws,
                                   const std::unordered_set<MemberId>& excluded) {
  std::uint64_t n = members.size();
  std::uint64_t free = n - std::min<std::uint64_t>(n, excluded.size());
  if (count > free)
    throw UsageError(fmt::format("{} to draw but only {} members to draw from", count, free));
  std::unordered_set<MemberId> drawn;
  std::vector<MemberId> out;
  while (out.size() < count) {
    MemberId id = members.at(draws.below(n));
    if (!excluded.contains(id) && drawn.insert(id).second) out.push_back(id);
  }
  return out;
}

}  // namespace veche
