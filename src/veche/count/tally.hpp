#pragma once
// Small pieces every method uses to start and record a count.
#include <string>
#include <vector>

#include "veche/count/method.hpp"

namespace veche {

// An Outcome with the contest's names, seats and the tie seed filled in.
Outcome begin_outcome(std::string_view method, const Profile& profile,
                      const CountOptions& options);

// Candidates still standing: not withdrawn in the file nor by the options.
std::vector<bool> standing_candidates(const Profile& profile, const CountOptions& options);

// The ballots with one candidate per rank (overvotes per options.overvote) and every
// withdrawn candidate (file or options) struck out, as ranked methods read them.
Profile strict_ballots(const Profile& profile, const CountOptions& options);

// Whole-vote totals as the strings a Round holds ("" for those not standing).
std::vector<std::string> totals_as_text(const std::vector<Weight>& totals,
                                        const std::vector<bool>& standing);

}  // namespace veche
