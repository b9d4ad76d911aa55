#pragma once
// Filling a casual vacancy by countback, as Hare–Clark does it (Electoral Act 2004 (Tas),
// s 231 and Schedule 6; Electoral Act 1992 (ACT), Schedule 4, Part 4.3): the papers that
// elected the departed member are counted again among the candidates who stood, were not
// elected and consent to stand, until one has an absolute majority of them.
#include <vector>

#include "veche/count/method.hpp"

namespace veche {

struct Vacancy {
  CandidateId vacating = 0;               // the member whose seat is vacant
  std::vector<CandidateId> standing;      // consenting candidates; empty: every one who may
  std::vector<CandidateId> not_standing;  // taken out of those who may stand
};

// Counts the election by `method` (an STV method, which must say what the member held),
// then the countback for the vacated seat. The Outcome is the countback's, one seat, its
// stages as Rounds. A vacating member who was not elected, a standing candidate who was,
// or no one left to stand, is a UsageError.
Outcome count_back(const Method& method, const Profile& profile, const CountOptions& options,
                   const Vacancy& vacancy);

}  // namespace veche
