#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <gmpxx.h>

#include "veche/apportion/method.hpp"

namespace veche {

// A share of the vote as the returning officer writes it: "5%", "0.05", "4.5 %".
// Exact: "0.05" is 1/20. Throws UsageError on anything else, or on more than 100%.
mpq_class parse_share(std::string_view text);

// Which parties take part, and notes saying by which rule. With no threshold every party
// does. Reaching any one rule is enough, as in § 4 BWahlG (5% or three constituencies).
std::vector<bool> qualified_parties(const PartyVotes& votes, const Threshold& threshold,
                                    std::vector<std::string>& notes);

}  // namespace veche
