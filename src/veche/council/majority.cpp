#include "veche/council/majority.hpp"

#include <fmt/format.h>

#include <charconv>

namespace veche {

namespace {

__extension__ using Wide = unsigned __int128;

std::optional<std::uint64_t> whole_number(std::string_view text) {
  std::uint64_t n = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return n;
}

// "12.5" → 125/10; no sign, no exponent.
std::optional<Share> decimal(std::string_view text) {
  auto point = text.find('.');
  if (point == std::string_view::npos) {
    auto n = whole_number(text);
    if (!n) return std::nullopt;
    return Share{*n, 1};
  }
  std::string digits = std::string(text.substr(0, point)) + std::string(text.substr(point + 1));
  std::size_t places = text.size() - point - 1;
  auto n = whole_number(digits);
  if (!n || places == 0 || places > 9) return std::nullopt;
  std::uint64_t den = 1;
  for (std::size_t i = 0; i < places; ++i) den *= 10;
  return Share{*n, den};
}

}  // namespace

std::optional<Share> parse_council_share(std::string_view text) {
  std::optional<Share> share;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto num = whole_number(text.substr(0, slash));
    auto den = whole_number(text.substr(slash + 1));
    if (num && den && *den > 0) share = Share{*num, *den};
  } else if (!text.empty() && text.back() == '%') {
    share = decimal(text.substr(0, text.size() - 1));
    if (share) share->den *= 100;
  } else {
    share = decimal(text);
  }
  if (!share || share->num > share->den) return std::nullopt;
  return share;
}

std::string to_string(Share share) {
  return fmt::format("{}/{}", share.num, share.den);
}

bool reaches(std::uint64_t part, std::uint64_t whole, Share share) {
  return Wide{part} * share.den >= Wide{share.num} * whole;
}

std::string_view to_string(Majority majority) {
  switch (majority) {
    case Majority::simple:
      return "simple";
    case Majority::absolute:
      return "absolute";
    case Majority::two_thirds:
      return "two-thirds";
  }
  return "?";
}

std::optional<Majority> parse_majority(std::string_view text) {
  for (Majority m : {Majority::simple, Majority::absolute, Majority::two_thirds}) {
    if (to_string(m) == text) return m;
  }
  return std::nullopt;
}

bool carried(Majority majority, std::uint64_t for_, std::uint64_t against, std::uint64_t whole) {
  switch (majority) {
    case Majority::simple:
      return for_ > against;
    case Majority::absolute:
      return Wide{for_} * 2 > whole;
    case Majority::two_thirds:
      return for_ > 0 && Wide{for_} * 3 >= (Wide{for_} + against) * 2;
  }
  return false;
}

}  // namespace veche
