#pragma once
// Fixed-point decimal arithmetic as counting rules state it: a number of decimal places
// and what happens to the digits beyond them ("any remainder being ignored").
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "veche/core/candidate.hpp"

namespace veche {

// Products of two scaled values need 128 bits before they are rounded back.
__extension__ using Wide = __int128;

// What a rule does with the digits beyond its last place. Each turns an exact quotient
// num/den (den > 0) into a whole number of the last place's units.
// Each works on 64 or 128 bits alike.
struct Truncate {  // "any remainder being ignored": towards zero
  static constexpr std::string_view name = "truncated";
  template <class I>
  static constexpr I divide(I num, I den) {
    return num / den;
  }
};
struct RoundUp {  // away from zero: keep values that must never fall short
  static constexpr std::string_view name = "rounded up";
  template <class I>
  static constexpr I divide(I num, I den) {
    I q = num / den;
    I r = num % den;
    return r == 0 ? q : (num < 0 ? q - 1 : q + 1);
  }
};
struct RoundHalfUp {  // to nearest, halves away from zero
  static constexpr std::string_view name = "rounded half up";
  template <class I>
  static constexpr I divide(I num, I den) {
    I q = num / den;
    I r = num % den;
    I twice = (r < 0 ? -r : r) * 2;
    if (twice < den) return q;
    return num < 0 ? q - 1 : q + 1;
  }
};

constexpr std::int64_t power_of_ten(int places) {
  std::int64_t p = 1;
  for (int i = 0; i < places; ++i) p *= 10;
  return p;
}

// A decimal number with exactly `Places` places, held as a whole number of 10^-Places.
// Sums, differences and multiples by whole numbers are exact; products and quotients are
// rounded once, by `Rounding`, as the rule text says.
template <int Places, class Rounding = Truncate>
class Fixed {
  static_assert(Places >= 0 && Places <= 12, "Fixed keeps at most 12 places in 64 bits");

 public:
  static constexpr int places = Places;
  static constexpr std::int64_t scale = power_of_ten(Places);
  using rounding = Rounding;

  constexpr Fixed() = default;
  static constexpr Fixed whole(std::int64_t n) { return from_raw(n * scale); }
  static constexpr Fixed from_raw(std::int64_t units) {
    Fixed f;
    f.units_ = units;
    return f;
  }
  // num / den, rounded.
  static constexpr Fixed ratio(std::int64_t num, std::int64_t den) {
    return from_raw(narrow(Rounding::divide(Wide{num} * scale, Wide{den})));
  }
  // Reads "12", "12.3", "12.34567"; digits beyond Places are refused.
  static std::optional<Fixed> parse(std::string_view text);

  constexpr std::int64_t raw() const { return units_; }
  constexpr bool is_zero() const { return units_ == 0; }

  constexpr Fixed& operator+=(Fixed o) {
    units_ += o.units_;
    return *this;
  }
  constexpr Fixed& operator-=(Fixed o) {
    units_ -= o.units_;
    return *this;
  }
  friend constexpr Fixed operator+(Fixed a, Fixed b) { return a += b; }
  friend constexpr Fixed operator-(Fixed a, Fixed b) { return a -= b; }
  friend constexpr Fixed operator*(Fixed a, Weight n) {
    return from_raw(a.units_ * static_cast<std::int64_t>(n));
  }
  friend constexpr Fixed operator*(Fixed a, Fixed b) {
    // Most products (a value times a fraction of one) fit 64 bits, where dividing by
    // the constant scale is cheap; the rest take the 128-bit path.
    std::int64_t product = 0;
    if (!__builtin_mul_overflow(a.units_, b.units_, &product)) {
      return from_raw(Rounding::divide(product, scale));
    }
    return from_raw(narrow(Rounding::divide(Wide{a.units_} * b.units_, Wide{scale})));
  }
  friend constexpr Fixed operator/(Fixed a, Fixed b) {
    return from_raw(narrow(Rounding::divide(Wide{a.units_} * scale, Wide{b.units_})));
  }
  // a × b / c in one step, rounded once: the Scottish transfer value (rule 48(3)).
  friend constexpr Fixed muldiv(Fixed a, Fixed b, Fixed c) {
    std::int64_t product = 0;
    if (!__builtin_mul_overflow(a.units_, b.units_, &product)) {
      return from_raw(Rounding::divide(product, c.units_));
    }
    return from_raw(narrow(Rounding::divide(Wide{a.units_} * b.units_, Wide{c.units_})));
  }
  friend constexpr auto operator<=>(Fixed, Fixed) = default;
  friend constexpr bool operator==(Fixed, Fixed) = default;

  // Exactly Places decimals: "1322.00000", "-0.50000".
  std::string to_string() const {
    std::int64_t magnitude = units_ < 0 ? -units_ : units_;
    std::string text = std::to_string(magnitude / scale);
    if constexpr (Places > 0) {
      std::string fraction = std::to_string(magnitude % scale);
      text += '.' + std::string(static_cast<std::size_t>(Places) - fraction.size(), '0') + fraction;
    }
    return units_ < 0 ? "-" + text : text;
  }
  // The rule's arithmetic in words, for Outcome::arithmetic.
  static std::string describe() {
    return "fixed " + std::to_string(Places) + " places, " + std::string(Rounding::name);
  }

 private:
  static constexpr std::int64_t narrow(Wide w) { return static_cast<std::int64_t>(w); }
  std::int64_t units_ = 0;
};

template <int Places, class Rounding>
std::optional<Fixed<Places, Rounding>> Fixed<Places, Rounding>::parse(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::int64_t units = 0;
  int decimals = -1;  // -1: no point seen yet
  bool any_digit = false;
  for (char ch : text) {
    if (ch == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    if (decimals >= 0 && ++decimals > Places) return std::nullopt;
    units = units * 10 + (ch - '0');
    any_digit = true;
  }
  if (!any_digit) return std::nullopt;
  for (int d = decimals < 0 ? 0 : decimals; d < Places; ++d) units *= 10;
  return from_raw(negative ? -units : units);
}

}  // namespace veche
