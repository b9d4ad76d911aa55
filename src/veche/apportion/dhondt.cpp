#include "veche/apportion/divisor_method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// D'Hondt (Jefferson in the United States): divisors 1, 2, 3, … — the votes a party has
// per seat it would then hold. Rounds every party's share down, so larger parties gain.
Apportionment apportion_dhondt(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_divisors("dhondt", [](int held) -> mpq_class {
    mpq_class d = held + 1;
    return d * d;
  }, votes, options);
}

}  // namespace veche
