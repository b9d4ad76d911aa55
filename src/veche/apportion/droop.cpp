#include "veche/apportion/largest_remainder.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// Droop: quota = ⌊votes ÷ (seats + 1)⌋ + 1, the whole number just above V/(S+1), as in
// Droop (1881) and STV laws. Being a whole number above V/(S+1), whole quotas can never
// fill more than the house, which Hagenbach-Bischoff's exact V/(S+1) can.
Apportionment apportion_droop(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_largest_remainder("droop", [](const mpz_class& total, int seats) -> mpq_class {
    mpz_class quota = total / (seats + 1) + 1;
    return mpq_class(quota);
  }, votes, options);
}

}  // namespace veche
