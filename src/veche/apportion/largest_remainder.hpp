#pragma once
#include <string_view>

#include <gmpxx.h>

#include "veche/apportion/method.hpp"

namespace veche {

// The quota: how many votes buy one seat, from all votes of the parties taking part and
// the size of the house. Exact (Hare's V/S is a fraction more often than not).
using QuotaRule = mpq_class (*)(const mpz_class& votes, int seats);

// Each party first gets a seat for every whole quota it has; the seats left go one each to
// the parties with the largest remainders. Ties at the cut are broken by the policy.
Apportionment apportion_by_largest_remainder(std::string_view method, QuotaRule quota,
                                             const PartyVotes& votes, const ApportionOptions& options);

}  // namespace veche
