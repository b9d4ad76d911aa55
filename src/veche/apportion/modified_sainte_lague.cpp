#include "veche/apportion/divisor_method.hpp"
#include "veche/apportion/methods.hpp"

namespace veche {

// Modified Sainte-Laguë (Norway; Sweden until 2018): 1.4, 3, 5, 7, … — the first divisor raised from 1
// to 1.4 makes a small party's first seat dearer than under plain Sainte-Laguë.
Apportionment apportion_modified_sainte_lague(const PartyVotes& votes, const ApportionOptions& options) {
  return apportion_by_divisors("modified-sainte-lague", [](int held) -> mpq_class {
    mpq_class d = held == 0 ? mpq_class(7, 5) : mpq_class(2 * held + 1);
    return d * d;
  }, votes, options);
}

}  // namespace veche
