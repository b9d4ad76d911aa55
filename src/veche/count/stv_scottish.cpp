#include "veche/core/fixed.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/stv_inclusive_gregory.hpp"

namespace veche {

// The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules
// 45–52: the Droop quota in whole votes, every figure to five decimal places with any
// remainder ignored (rule 48(3)). Nothing here is an option: the Order fixes it all.
Outcome count_stv_scottish(const Profile& profile, const CountOptions& options) {
  static constexpr stv::GregoryRule kRule{"stv-scottish", stv::QuotaKind::droop};
  Outcome outcome = stv::count_inclusive_gregory<Fixed<5, Truncate>>(profile, options, kRule);
  outcome.notes.insert(outcome.notes.begin(),
                       "non-transferable includes the fractions of a vote that truncation to "
                       "5 places ignores, as the result sheets' balance does");
  return outcome;
}

}  // namespace veche
