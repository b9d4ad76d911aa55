#include "veche/apportion/largest_remainder.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// Hare (Hamilton, Hare–Niemeyer): quota = votes ÷ seats, the exact fraction. Every party
// gets the whole or the next whole number of its quota (the quota rule), but a larger house
// can cost a party a seat (the Alabama paradox).
Apportionment apportion_hare(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_largest_remainder("hare", [](const mpz_class& total, int seats) -> mpq_class {
    mpq_class quota(total, mpz_class(seats));
    quota.canonicalize();
    return quota;
  }, votes, options);
}

}  // namespace veche
