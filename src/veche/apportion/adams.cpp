#include "veche/apportion/divisor_method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// Adams: divisors 0, 1, 2, … — rounds every share up, so each party with votes has a seat
// before anyone gets a second, and smaller parties gain.
Apportionment apportion_adams(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_divisors("adams", [](int held) -> mpq_class {
    mpq_class d = held;
    return d * d;
  }, votes, options);
}

}  // namespace veche
