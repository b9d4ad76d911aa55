#include "veche/apportion/divisor_method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// Huntington–Hill (equal proportions; the US House since 1941, 2 U.S.C. § 2a): divisor
// √(n(n+1)), the geometric mean of n and n+1. Its square n(n+1) is a whole number, so the
// priority population²/(n(n+1)) is compared exactly; no square root is ever taken to decide.
// n = 0 gives 0: each state's first seat is its by right, as the Constitution guarantees.
Apportionment apportion_huntington_hill(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_divisors("huntington-hill", [](int held) -> mpq_class {
    return mpq_class(mpz_class(held) * (held + 1));
  }, votes, options);
}

}  // namespace veche
