#include <fmt/format.h>

#include <utility>

#include "veche/core/error.hpp"
#include "veche/core/fixed.hpp"
#include "veche/core/rational.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/stv_inclusive_gregory.hpp"

namespace veche {

namespace stv {

namespace {
constexpr std::pair<QuotaKind, std::string_view> kQuotaNames[] = {
    {QuotaKind::droop, "droop"},
    {QuotaKind::droop_fractional, "droop-fractional"},
    {QuotaKind::hare, "hare"},
    {QuotaKind::hare_fractional, "hare-fractional"},
};
}  // namespace

std::string_view to_string(QuotaKind kind) {
  for (const auto& [k, name] : kQuotaNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<QuotaKind> parse_quota(std::string_view text) {
  for (const auto& [k, name] : kQuotaNames) {
    if (name == text) return k;
  }
  return std::nullopt;
}

}  // namespace stv

namespace {

// Fixed places are part of the type, so each number of places the option allows is its
// own instantiation of the same count.
template <int Places>
Outcome count_at_places(int places, const Profile& profile, const CountOptions& options,
                        const stv::GregoryRule& rule) {
  if constexpr (Places > 9) {
    throw UsageError(fmt::format("stv-wigm counts with 0 to 9 decimal places, not {}", places));
  } else {
    if (places == Places) {
      return stv::count_inclusive_gregory<Fixed<Places, Truncate>>(profile, options, rule);
    }
    return count_at_places<Places + 1>(places, profile, options, rule);
  }
}

}  // namespace

// The weighted inclusive Gregory method with its usual choices left open: the quota
// (Droop or Hare, whole or fractional) and the arithmetic (0–9 places truncated, or exact
// rationals). The order of operations is the Scottish rule's (SSI 2007/42, rules 45–52).
Outcome count_stv_wigm(const Profile& profile, const CountOptions& options) {
  stv::GregoryRule rule{"stv-wigm", stv::QuotaKind::droop};
  if (!options.quota.empty()) {
    auto kind = stv::parse_quota(options.quota);
    if (!kind) {
      throw UsageError(fmt::format(
          "unknown quota \"{}\"; expected droop, droop-fractional, hare or hare-fractional",
          options.quota));
    }
    rule.quota = *kind;
  }
  Outcome outcome =
      options.exact ? stv::count_inclusive_gregory<Rational>(profile, options, rule)
                    : count_at_places<0>(options.decimal_places < 0 ? 5 : options.decimal_places,
                                         profile, options, rule);
  outcome.notes.insert(outcome.notes.begin(), fmt::format("quota: {}", stv::to_string(rule.quota)));
  return outcome;
}

}  // namespace veche
