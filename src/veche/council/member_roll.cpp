#include "veche/council/member_roll.hpp"

#include <fmt/format.h>

#include <cctype>

#include "veche/core/error.hpp"
#include "veche/council/seeded_draws.hpp"

namespace veche {

namespace {

std::string with_council(std::string_view text, std::string_view council) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (text.substr(at, 9) == "{council}") {
      out += council;
      at += 9;
    } else {
      out += text[at++];
    }
  }
  return out;
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

CouncilRoll make_council_roll(std::uint32_t council, std::string_view council_name,
                              std::uint64_t size, MemberRoll roll) {
  std::string_view pattern = roll.pattern;
  std::size_t n = pattern.find("{n}");
  if (n == std::string_view::npos || pattern.find("{n}", n + 1) != std::string_view::npos)
    throw UsageError(fmt::format("the pattern \"{}\" needs \"{{n}}\" exactly once", pattern));
  CouncilRoll out;
  out.council = council;
  out.before = with_council(pattern.substr(0, n), council_name);
  out.after = with_council(pattern.substr(n + 3), council_name);
  // "M{n}0" would name member 1 and member 10 "M10" and "M100", and "M100" reads back as 10.
  if ((!out.before.empty() && is_digit(out.before.back())) ||
      (!out.after.empty() && is_digit(out.after.front()))) {
    throw UsageError(
        fmt::format("in the pattern \"{}\" \"{{n}}\" stands beside a digit, so "
                    "names would not read back to one number",
                    pattern));
  }
  out.size = size;
  out.roll = std::move(roll);
  return out;
}

std::string roll_member_name(const CouncilRoll& roll, std::uint64_t n) {
  return fmt::format("{}{}{}", roll.before, n, roll.after);
}

std::optional<std::uint32_t> roll_member_party(const CouncilRoll& roll,
                                               std::string_view council_name, std::uint64_t n) {
  const MemberRoll& r = roll.roll;
  std::uint64_t total = r.unaffiliated;
  for (std::uint64_t w : r.party_weights) total += w;
  if (total == 0 || total == r.unaffiliated) return std::nullopt;
  SeededDraws draws(r.seed, fmt::format("{}:party:{}", council_name, n));
  std::uint64_t pick = draws.below(total);
  for (std::uint32_t p = 0; p < r.party_weights.size(); ++p) {
    if (pick < r.party_weights[p]) return p;
    pick -= r.party_weights[p];
  }
  return std::nullopt;  // among the unaffiliated
}

}  // namespace veche
