#pragma once
// What a countback asks of an STV count: the ballot papers one elected member held when
// the count ended, each at the value it had for them then. A count fills it only when
// CountOptions::held points at one; otherwise nothing is kept.
#include <string>
#include <utility>
#include <vector>

#include "veche/core/fixed.hpp"
#include "veche/core/profile.hpp"
#include "veche/core/rational.hpp"
#include "veche/count/stv.hpp"

namespace veche {

// Identical papers held at one value: their preferences, how many, and each one's value.
struct HeldParcel {
  std::vector<CandidateId> ranking;  // one candidate a rank, withdrawn candidates struck out
  Weight papers = 0;
  Rational value;  // exact: every value a count can give is a fraction
};

struct HeldPapers {
  CandidateId member = 0;  // set by whoever asks
  bool elected = false;    // filled in by the count from here on
  std::vector<HeldParcel> parcels;
  int places = 0;          // the decimal places the count printed its figures to
  std::string arithmetic;  // the count's Outcome::arithmetic
};

inline Rational to_rational(const Rational& value) {
  return value;
}
template <int Places, class Rounding>
Rational to_rational(const Fixed<Places, Rounding>& value) {
  return Rational::ratio(value.raw(), Fixed<Places, Rounding>::scale);
}

namespace stv {

// Follows one member's papers through an inclusive Gregory count. After a surplus every
// paper moves on at its transfer value, so what the member kept of a paper is what did
// not move: its value before, less its value after. A member whose surplus was never
// transferred (exactly the quota, deemed elected, or the count ended first) keeps every
// paper they hold at the end, at its value then.
template <Arithmetic N>
class MemberPapers {
 public:
  explicit MemberPapers(HeldPapers* held) : held_(held) {}

  void before_surplus(const Papers<N>& papers, CandidateId from) {
    if (!watches(from)) return;
    papers.for_each_parcel(from,
                           [&](std::uint32_t p) { before_.emplace_back(p, papers.value(p)); });
  }

  void after_surplus(const Papers<N>& papers, CandidateId from) {
    if (!watches(from)) return;
    for (const auto& [p, value] : before_) keep(papers, p, value - papers.value(p));
    taken_ = true;
  }

  void at_end(const Papers<N>& papers) {
    if (!held_) return;
    held_->elected = papers.status(held_->member) == Status::elected;
    held_->places = N::places;
    held_->arithmetic = N::describe();
    if (taken_ || !held_->elected) return;
    papers.for_each_parcel(held_->member,
                           [&](std::uint32_t p) { keep(papers, p, papers.value(p)); });
  }

 private:
  bool watches(CandidateId c) const { return held_ && held_->member == c; }

  void keep(const Papers<N>& papers, std::uint32_t p, const N& value) {
    HeldParcel parcel;
    for (Mark m : papers.marks(p)) parcel.ranking.push_back(candidate_of(m));
    parcel.papers = papers.weight(p);
    parcel.value = to_rational(value);
    held_->parcels.push_back(std::move(parcel));
  }

  HeldPapers* held_;
  std::vector<std::pair<std::uint32_t, N>> before_;
  bool taken_ = false;
};

}  // namespace stv
}  // namespace veche
