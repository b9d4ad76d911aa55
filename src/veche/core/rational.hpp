#pragma once
// Exact rational arithmetic (GMP), for rules counted without rounding at all.
#include <gmpxx.h>

#include <compare>
#include <cstdint>
#include <string>

#include "veche/core/candidate.hpp"

namespace veche {

// A fraction in lowest terms. Nothing is ever rounded; only the printed figure is.
class Rational {
 public:
  static constexpr int places = 9;  // digits printed by to_string (the value stays exact)

  Rational() = default;
  explicit Rational(mpq_class q) : q_(std::move(q)) { q_.canonicalize(); }
  static Rational whole(std::int64_t n) { return Rational(mpq_class(static_cast<long>(n))); }
  static Rational ratio(std::int64_t num, std::int64_t den) {
    return Rational(mpq_class(mpz_class(static_cast<long>(num)), mpz_class(static_cast<long>(den))));
  }

  const mpq_class& value() const { return q_; }
  bool is_zero() const { return sgn(q_) == 0; }

  Rational& operator+=(const Rational& o) { q_ += o.q_; return *this; }
  Rational& operator-=(const Rational& o) { q_ -= o.q_; return *this; }
  friend Rational operator+(Rational a, const Rational& b) { return a += b; }
  friend Rational operator-(Rational a, const Rational& b) { return a -= b; }
  friend Rational operator*(const Rational& a, Weight n) {
    return Rational(mpq_class(a.q_ * mpz_class(static_cast<unsigned long>(n))));
  }
  friend Rational operator*(const Rational& a, const Rational& b) { return Rational(a.q_ * b.q_); }
  friend Rational operator/(const Rational& a, const Rational& b) { return Rational(a.q_ / b.q_); }
  friend Rational muldiv(const Rational& a, const Rational& b, const Rational& c) {
    return Rational(a.q_ * b.q_ / c.q_);
  }
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    int c = cmp(a.q_, b.q_);
    return c < 0 ? std::strong_ordering::less
                 : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  friend bool operator==(const Rational& a, const Rational& b) { return a.q_ == b.q_; }

  // The value to `places` decimals, truncated towards zero ("12.333333333").
  std::string to_string() const { return decimal(places); }
  std::string decimal(int digits) const {
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(digits));
    mpz_class units = q_.get_num() * scale;
    mpz_tdiv_q(units.get_mpz_t(), units.get_mpz_t(), q_.get_den_mpz_t());
    bool negative = sgn(units) < 0;
    if (negative) units = -units;
    std::string text = units.get_str();
    std::size_t width = static_cast<std::size_t>(digits) + 1;
    if (text.size() < width) text.insert(0, width - text.size(), '0');
    if (digits > 0) text.insert(text.size() - static_cast<std::size_t>(digits), 1, '.');
    return negative ? "-" + text : text;
  }
  // The exact fraction: "7/3", or "4" when whole.
  std::string fraction() const { return q_.get_str(); }
  static std::string describe() { return "exact rational"; }

 private:
  mpq_class q_;
};

}  // namespace veche
