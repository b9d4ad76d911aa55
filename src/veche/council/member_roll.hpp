#pragma once
// A local council's members made up from its attested count instead of listed one by one
// (a federation generated from counts): member n of the roll is named from a pattern and
// placed in a party by a seeded draw whenever it is asked for, so a council of 50,000
// members costs no 50,000 strings.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veche {

class SeededDraws;  // council/seeded_draws.hpp

struct MemberRoll {
  // "{n}" is the member's number, 1 to the council's attested count; "{council}" its name.
  std::string pattern = "{council} member {n}";
  // Parties drawn by weight: party_weights[p] for PartyId p, `unaffiliated` for none.
  std::vector<std::uint64_t> party_weights;
  std::uint64_t unaffiliated = 1;
  std::string seed = "0";
};

// A roll as the register holds it: the pattern split around "{n}" with the council's name
// put in, and where its members' ids start.
struct CouncilRoll {
  std::uint32_t council = 0;
  MemberRoll roll;
  std::string before, after;  // the name is before + n + after
  std::uint64_t first = 0;    // the roll's members are ids first .. first + size - 1
  std::uint64_t size = 0;
};

// Member ids with this bit set are members of a roll; the others are listed members.
inline constexpr std::uint64_t kRollMember = std::uint64_t{1} << 63;

// The roll of `council` (named `council_name`, attesting `size` members), its pattern
// checked: exactly one "{n}", not beside a digit, so a name reads back to one number.
// UsageError saying what is wrong.
CouncilRoll make_council_roll(std::uint32_t council, std::string_view council_name,
                              std::uint64_t size, MemberRoll roll);

std::string roll_member_name(const CouncilRoll& roll, std::uint64_t n);
// The party of member n (1-based), or none: one SHA-256 draw from the roll's seed.
std::optional<std::uint32_t> roll_member_party(const CouncilRoll& roll,
                                               std::string_view council_name, std::uint64_t n);

}  // namespace veche
