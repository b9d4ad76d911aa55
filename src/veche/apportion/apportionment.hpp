#pragma once
// What every apportionment method does the same way: check the request, decide who takes
// part, write exact numbers as text, break ties by the returning officer's policy.
#include <string>
#include <string_view>
#include <vector>

#include <gmpxx.h>

#include "veche/apportion/method.hpp"

namespace veche {

// Quotients and quotas are written truncated (never rounded) to this many decimal places,
// trailing zeros dropped: a number with fewer places is exact. Comparisons are always exact.
inline constexpr int kDecimalPlaces = 6;

// Divisor methods record every seat; a larger house than any assembly has is a mistake in
// the request, not a reason to run out of memory.
inline constexpr int kLargestHouse = 1'000'000;

// An Apportionment with names, votes and house filled in and every party's `qualified`
// decided by the threshold. Throws UsageError when no seat can be handed out.
Apportionment begin_apportionment(std::string_view method, const PartyVotes& votes,
                                  const ApportionOptions& options);

// All votes cast for parties that take part.
mpz_class qualified_votes(const Apportionment& a);

// `value` truncated to kDecimalPlaces.
std::string decimal_text(const mpq_class& value);
// The square root of `square`, truncated to kDecimalPlaces: exact even when irrational.
std::string root_decimal_text(const mpq_class& square);

// Picks one of `tied` for `purpose` by the policy: with look-back on, the party with more
// votes first (the only earlier "round" an apportionment has), then the lot or the order.
Tie break_apportionment_tie(std::vector<CandidateId> tied, std::string purpose, int seat,
                            const Apportionment& a, const TiePolicy& policy);

}  // namespace veche
