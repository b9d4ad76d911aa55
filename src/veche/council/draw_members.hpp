#pragma once
// Members drawn from a constituency by a seed: signatures made up for a petition, candidates
// made up for an election. Listed members and those of rolls (council/member_roll.hpp) alike.
#include <cstdint>
#include <span>
#include <unordered_set>
#include <vector>

#include "veche/council/organisation.hpp"
#include "veche/council/seeded_draws.hpp"

namespace veche {

// The members whose local council is `constituency` (or one of `constituencies`) or lies
// below it: the listed ones in register order, then each roll's in council order. Only the
// listed ones are held.
class ConstituencyMembers {
 public:
  ConstituencyMembers(const Organisation& organisation, CouncilId constituency);
  ConstituencyMembers(const Organisation& organisation, std::span<const CouncilId> constituencies);
  std::uint64_t size() const;
  MemberId at(std::uint64_t index) const;  // 0-based, in the order above

 private:
  std::vector<MemberId> listed_;
  std::vector<const CouncilRoll*> rolls_;
  std::vector<std::uint64_t> roll_starts_;  // index of each roll's first member
  std::uint64_t size_ = 0;
};

// `count` distinct members not in `excluded` (members of this constituency, e.g. those
// standing in another election), in the order drawn: a draw of someone excluded or already
// drawn is drawn again. UsageError when the constituency has too few.
std::vector<MemberId> draw_members(const ConstituencyMembers& members, std::uint64_t count,
                                   SeededDraws& draws,
                                   const std::unordered_set<MemberId>& excluded = {});

}  // namespace veche
