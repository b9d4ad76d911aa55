#pragma once
// One function an apportionment method, each in the file named after it.
#include "veche/apportion/method.hpp"

namespace veche {

// Divisor (highest-averages) methods: one shared engine, divisor_method.hpp.
Apportionment apportion_dhondt(const PartyVotes& votes, const ApportionOptions& options);
Apportionment apportion_sainte_lague(const PartyVotes& votes, const ApportionOptions& options);
Apportionment apportion_modified_sainte_lague(const PartyVotes& votes, const ApportionOptions& options);
Apportionment apportion_huntington_hill(const PartyVotes& votes, const ApportionOptions& options);
Apportionment apportion_adams(const PartyVotes& votes, const ApportionOptions& options);

// Largest-remainder (quota) methods: one shared engine, largest_remainder.hpp.
Apportionment apportion_hare(const PartyVotes& votes, const ApportionOptions& options);
Apportionment apportion_droop(const PartyVotes& votes, const ApportionOptions& options);

}  // namespace veche
