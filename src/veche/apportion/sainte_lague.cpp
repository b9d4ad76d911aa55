#include "veche/apportion/divisor_method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// Sainte-Laguë (Webster; the Bundestag's Sainte-Laguë/Schepers): divisors 1, 3, 5, …,
// i.e. 2 × (n + ½): shares are rounded to the nearest whole number, neither party size favoured.
Apportionment apportion_sainte_lague(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_divisors("sainte-lague", [](int held) -> mpq_class {
    mpq_class d = 2 * held + 1;
    return d * d;
  }, votes, options);
}

}  // namespace veche
