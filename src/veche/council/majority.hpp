#pragma once
// Shares and majorities: the arithmetic of thresholds, quorums and decisions, in whole
// numbers only (a share is a fraction, compared by cross-multiplying).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veche {

// A fraction of a whole: 1/4 of the constituency, 2/3 of the votes cast.
struct Share {
  std::uint64_t num = 0;
  std::uint64_t den = 1;
  bool operator==(const Share&) const = default;
};
// "1/4", "25%", "0.25", "12.5%"; nullopt for anything else or a share above 1.
std::optional<Share> parse_council_share(std::string_view text);
std::string to_string(Share share);  // "1/4"

// part / whole ≥ share. An empty whole reaches only a zero share.
bool reaches(std::uint64_t part, std::uint64_t whole, Share share);

// What "carried" means. Abstentions and blank ballots never count for.
//   simple      more for than against
//   absolute    more for than half of `whole` (all seats, or all ballots cast)
//   two_thirds  for at least two thirds of those voting for or against
enum class Majority { simple, absolute, two_thirds };
std::string_view to_string(Majority majority);
std::optional<Majority> parse_majority(std::string_view text);

bool carried(Majority majority, std::uint64_t for_, std::uint64_t against, std::uint64_t whole);

}  // namespace veche
