// The members an Organisation makes up from attested counts (council/member_roll.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "veche/core/error.hpp"
#include "veche/council/organisation.hpp"

namespace veche {

namespace {

std::string roll_key(std::string_view before, std::string_view after) {
  std::string key(before);
  key += '\0';
  key += after;
  return key;
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

void Organisation::add_roll(CouncilId council_id, MemberRoll roll) {
  const Council& c = council(council_id);
  if (c.level != CouncilLevel::local)
    throw UsageError(fmt::format("{} is a {} council; members belong to a local council", c.name,
                                 to_string(c.level)));
  if (!c.attested_members)
    throw UsageError(fmt::format("{} attests no member count to make its members up from", c.name));
  if (roll_of(council_id)) throw UsageError(fmt::format("{} already has a roll", c.name));
  CouncilRoll made = make_council_roll(council_id, c.name, *c.attested_members, std::move(roll));
  made.first = rolls_.empty() ? 0 : rolls_.back().first + rolls_.back().size;
  if (!roll_index_.emplace(roll_key(made.before, made.after), rolls_.size()).second) {
    const CouncilRoll& other = rolls_[roll_index_.at(roll_key(made.before, made.after))];
    throw UsageError(
        fmt::format("the pattern \"{}\" names {}'s members as it names {}'s: put "
                    "{{council}} in it",
                    made.roll.pattern, c.name, council(other.council).name));
  }
  council_roll_.emplace(council_id, rolls_.size());
  rolls_.push_back(std::move(made));
}

const CouncilRoll* Organisation::roll_of(CouncilId council_id) const {
  auto at = council_roll_.find(council_id);
  return at == council_roll_.end() ? nullptr : &rolls_[at->second];
}

const CouncilRoll& Organisation::roll_holding(MemberId id) const {
  std::uint64_t index = id & ~kRollMember;
  auto after = std::ranges::upper_bound(rolls_, index, {}, &CouncilRoll::first);
  if (after == rolls_.begin() || index >= std::prev(after)->first + std::prev(after)->size)
    throw std::out_of_range(fmt::format("no member #{}", index));
  return *std::prev(after);
}

Member Organisation::member(MemberId id) const {
  if (!(id & kRollMember)) return members_.at(id);
  const CouncilRoll& roll = roll_holding(id);
  std::uint64_t n = (id & ~kRollMember) - roll.first + 1;
  std::optional<std::uint32_t> party = roll_member_party(roll, council(roll.council).name, n);
  return {roll_member_name(roll, n), roll.council, party};
}

CouncilId Organisation::constituency_of(MemberId id) const {
  if (!(id & kRollMember)) return members_.at(id).constituency;
  return roll_holding(id).council;
}

// A roll member's name is its pattern with a number in it: each run of digits in the name
// (written without leading zeros) is tried as that number.
std::optional<MemberId> Organisation::find_roll_member(std::string_view member_name) const {
  if (rolls_.empty()) return std::nullopt;
  for (std::size_t start = 0; start < member_name.size(); ++start) {
    if (!is_digit(member_name[start]) || (start > 0 && is_digit(member_name[start - 1]))) continue;
    std::size_t end = start;
    while (end < member_name.size() && is_digit(member_name[end])) ++end;
    std::string_view digits = member_name.substr(start, end - start);
    if ((digits.size() > 1 && digits.front() == '0') || digits.size() > 19) continue;
    auto roll = roll_index_.find(roll_key(member_name.substr(0, start), member_name.substr(end)));
    if (roll == roll_index_.end()) continue;
    std::uint64_t n = std::stoull(std::string(digits));
    const CouncilRoll& r = rolls_[roll->second];
    if (n >= 1 && n <= r.size) return kRollMember | (r.first + n - 1);
  }
  return std::nullopt;
}

}  // namespace veche
