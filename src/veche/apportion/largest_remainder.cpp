#include "veche/apportion/largest_remainder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "veche/apportion/apportionment.hpp"
#include "veche/core/error.hpp"

namespace veche {

namespace {

struct Remainder {
  CandidateId party = 0;
  mpq_class votes;
};

// Whole quotas first; returns what each party has left over, largest first (file order
// among equals, which matters only if the policy is not asked).
std::vector<Remainder> award_whole_quotas(Apportionment& a, const mpq_class& quota) {
  std::vector<Remainder> left;
  for (CandidateId p = 0; p < a.parties.size(); ++p) {
    if (!a.qualified[p] || a.votes[p] == 0) continue;
    mpz_class v(a.votes[p]);
    mpz_class whole = v * quota.get_den() / quota.get_num();
    a.result[p] = static_cast<int>(whole.get_si());  // at most the house: the quota is ≥ V/(S+1)
    left.push_back({p, mpq_class(v) - mpq_class(whole) * quota});
  }
  std::stable_sort(left.begin(), left.end(),
                   [](const Remainder& x, const Remainder& y) { return x.votes > y.votes; });
  return left;
}

int seats_awarded(const Apportionment& a) {
  int total = 0;
  for (int s : a.result) total += s;
  return total;
}

// Of those level with the last remainder that still gets a seat, the policy picks as many
// as there are seats for them, one draw a seat, each recorded.
void award_remainders(Apportionment& a, std::vector<Remainder> left, int seats_left,
                      const TiePolicy& policy) {
  std::size_t next = 0;
  while (seats_left > 0) {
    std::vector<CandidateId> level;
    for (std::size_t k = next; k < left.size() && left[k].votes == left[next].votes; ++k) {
      level.push_back(left[k].party);
    }
    next += level.size();
    while (seats_left > 0 && !level.empty()) {
      CandidateId winner = level.front();
      if (level.size() > static_cast<std::size_t>(seats_left)) {
        int seat = a.seats - seats_left + 1;
        Tie tie = break_apportionment_tie(level, fmt::format("seat {} (largest remainder)", seat), seat,
                                          a, policy);
        winner = tie.chosen;
        a.ties.push_back(std::move(tie));
      }
      ++a.result[winner];
      std::erase(level, winner);
      --seats_left;
    }
  }
}

}  // namespace

Apportionment apportion_by_largest_remainder(std::string_view method, QuotaRule quota_rule,
                                             const PartyVotes& votes, const ApportionOptions& options) {
  Apportionment a = begin_apportionment(method, votes, options);
  mpq_class quota = quota_rule(qualified_votes(a), a.seats);
  a.quota = decimal_text(quota);
  std::vector<Remainder> left = award_whole_quotas(a, quota);
  int seats_left = a.seats - seats_awarded(a);
  if (seats_left < 0 || static_cast<std::size_t>(seats_left) > left.size()) {
    // Only a quota far below V/S does this: Droop's with a handful of votes and a large house.
    throw UsageError(fmt::format(
        "{}: a quota of {} fills {} of {} seats, and {} parties with votes cannot take the {} left "
        "one each; the house is too large for so few votes",
        method, *a.quota, seats_awarded(a), a.seats, left.size(), seats_left));
  }
  award_remainders(a, std::move(left), seats_left, options.ties);
  a.notes.push_back(fmt::format("{} seat{} went by largest remainder", seats_left, seats_left == 1 ? "" : "s"));
  return a;
}

}  // namespace veche
