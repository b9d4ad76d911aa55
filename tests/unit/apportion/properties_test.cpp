// Properties every run must have, checked on random elections.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>

#include <gmpxx.h>

#include "unit/apportion/apportion_helpers.hpp"

namespace veche {
namespace {

using testing::apportion;

const std::vector<std::string_view> kDivisorMethods = {"dhondt", "sainte-lague", "modified-sainte-lague",
                                                       "huntington-hill", "adams"};
const std::vector<std::string_view> kQuotaMethods = {"hare", "droop"};

// 1 to 8 parties with up to a million votes each, some with none, at least one with some.
rc::Gen<PartyVotes> gen_votes() {
  return rc::gen::map(
      rc::gen::suchThat(rc::gen::container<std::vector<Weight>>(
                            rc::gen::oneOf(rc::gen::inRange<Weight>(0, 1'000'001), rc::gen::inRange<Weight>(0, 20))),
                        [](const std::vector<Weight>& v) {
                          return !v.empty() && v.size() <= 8 &&
                                 std::any_of(v.begin(), v.end(), [](Weight w) { return w > 0; });
                        }),
      [](std::vector<Weight> votes) {
        PartyVotes pv;
        for (std::size_t p = 0; p < votes.size(); ++p) pv.parties.push_back("P" + std::to_string(p));
        pv.votes = std::move(votes);
        return pv;
      });
}

int parties_with_votes(const PartyVotes& pv) {
  return static_cast<int>(std::count_if(pv.votes.begin(), pv.votes.end(), [](Weight w) { return w > 0; }));
}

bool needs_one_each(std::string_view method) { return method == "huntington-hill" || method == "adams"; }

int total(const std::vector<int>& seats) { return std::accumulate(seats.begin(), seats.end(), 0); }

RC_GTEST_PROP(Apportionment, EveryDivisorMethodIsHouseMonotone, ()) {
  PartyVotes pv = *gen_votes();
  std::string_view method = *rc::gen::elementOf(kDivisorMethods);
  int seats = *rc::gen::inRange(1, 60);
  if (needs_one_each(method)) seats = std::max(seats, parties_with_votes(pv));
  ApportionOptions options;
  options.ties.seed = *rc::gen::element<std::string>("0", "7", "veche");
  std::vector<int> smaller = apportion(method, pv, seats, options).result;
  std::vector<int> larger = apportion(method, pv, seats + 1, options).result;
  for (std::size_t p = 0; p < smaller.size(); ++p) RC_ASSERT(larger[p] >= smaller[p]);
}

RC_GTEST_PROP(Apportionment, SeatsAlwaysAddUpToTheHouse, ()) {
  PartyVotes pv = *gen_votes();
  std::vector<std::string_view> all = kDivisorMethods;
  all.insert(all.end(), kQuotaMethods.begin(), kQuotaMethods.end());
  std::string_view method = *rc::gen::elementOf(all);
  int seats = *rc::gen::inRange(1, 200);
  if (needs_one_each(method)) seats = std::max(seats, parties_with_votes(pv));
  Apportionment a;
  try {
    a = apportion(method, pv, seats);
  } catch (const UsageError&) {
    // Only Droop, with a house far larger than the votes, can refuse.
    RC_ASSERT(method == "droop");
    return;
  }
  RC_ASSERT(total(a.result) == seats);
  if (a.quota) RC_ASSERT(a.awards.empty());
  else RC_ASSERT(a.awards.size() == static_cast<std::size_t>(seats));
  for (std::size_t p = 0; p < pv.votes.size(); ++p) {
    if (pv.votes[p] == 0) RC_ASSERT(a.result[p] == 0);
  }
}

// Each party gets its standard quota (votes × seats ÷ all votes) rounded down or up.
RC_GTEST_PROP(Apportionment, LargestRemainderMeetsTheQuotaRule, ()) {
  PartyVotes pv = *gen_votes();
  std::string_view method = *rc::gen::elementOf(kQuotaMethods);
  int seats = *rc::gen::inRange(1, 100);
  Weight all = std::accumulate(pv.votes.begin(), pv.votes.end(), Weight{0});
  std::vector<int> got;
  try {
    got = apportion(method, pv, seats).result;
  } catch (const UsageError&) {
    RC_DISCARD("Droop cannot fill a house this large with these few votes");
  }
  for (std::size_t p = 0; p < pv.votes.size(); ++p) {
    mpq_class quota(mpz_class(mpz_class(pv.votes[p]) * seats), mpz_class(all));
    quota.canonicalize();
    mpz_class lower = quota.get_num() / quota.get_den();
    mpz_class upper = lower + (quota.get_den() == 1 ? 0 : 1);
    RC_ASSERT(got[p] >= lower);
    RC_ASSERT(got[p] <= upper);
  }
}

RC_GTEST_PROP(Apportionment, JeffersonIsDhondt, ()) {
  PartyVotes pv = *gen_votes();
  int seats = *rc::gen::inRange(1, 80);
  Apportionment a = apportion("dhondt", pv, seats);
  Apportionment b = apportion("jefferson", pv, seats);
  RC_ASSERT(a.method == b.method);
  RC_ASSERT(a.result == b.result);
  RC_ASSERT(a.awards.size() == b.awards.size());
  for (std::size_t s = 0; s < a.awards.size(); ++s) {
    RC_ASSERT(a.awards[s].party == b.awards[s].party);
    RC_ASSERT(a.awards[s].quotient == b.awards[s].quotient);
  }
  RC_ASSERT(a.ties.size() == b.ties.size());
  RC_ASSERT(apportion("webster", pv, seats).result == apportion("sainte-lague", pv, seats).result);
}

// "123.45" → 12345/100: quotients are truncated decimals, and truncation keeps order.
mpq_class decimal(const std::string& text) {
  std::size_t point = text.find('.');
  if (point == std::string::npos) return mpq_class(mpz_class(text, 10));
  std::string digits = text.substr(0, point) + text.substr(point + 1);
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, text.size() - point - 1);
  mpq_class value(mpz_class(digits, 10), scale);  // base 10: a leading 0 is not octal
  value.canonicalize();
  return value;
}

// A seat is never handed out at a higher quotient than an earlier one: the table of
// averages is read from the top down.
RC_GTEST_PROP(Apportionment, AwardsComeInFallingOrder, ()) {
  PartyVotes pv = *gen_votes();
  std::string_view method = *rc::gen::elementOf(kDivisorMethods);
  int seats = *rc::gen::inRange(1, 60);
  if (needs_one_each(method)) seats = std::max(seats, parties_with_votes(pv));
  Apportionment a = apportion(method, pv, seats);
  for (std::size_t s = 1; s < a.awards.size(); ++s) {
    if (a.awards[s].quotient == "∞") RC_ASSERT(a.awards[s - 1].quotient == "∞");
    else if (a.awards[s - 1].quotient != "∞") RC_ASSERT(decimal(a.awards[s - 1].quotient) >= decimal(a.awards[s].quotient));
  }
}

}  // namespace
}  // namespace veche
