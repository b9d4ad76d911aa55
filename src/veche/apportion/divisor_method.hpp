#pragma once
#include <string_view>

#include <gmpxx.h>

#include "veche/apportion/method.hpp"

namespace veche {

// A divisor method is its sequence of divisors: a party holding `held` seats bids for the
// next with votes ÷ divisor(held). The rule gives the divisor's *square*, a rational, so
// that Huntington–Hill's √(n(n+1)) compares exactly beside 1, 2, 3… or 1, 3, 5…:
// votes²/d² orders parties as votes/d does. A square of 0 means the seat is the party's
// by right (Adams, Huntington–Hill): every party with votes gets it before any other seat.
using SquaredDivisor = mpq_class (*)(int held);

// Hands out the house one seat at a time to the highest quotient, as a returning officer's
// table of averages does, recording each award and every tie that decides a seat.
Apportionment apportion_by_divisors(std::string_view method, SquaredDivisor divisor,
                                    const PartyVotes& votes, const ApportionOptions& options);

}  // namespace veche
