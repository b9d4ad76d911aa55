// Delegations: how many delegates each council sends up, worked by hand.
#include "veche/council/delegations.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>

#include "unit/council/federation.hpp"
#include "veche/apportion/method.hpp"
#include "veche/core/error.hpp"

namespace veche {
namespace {

using Delegates = std::vector<int>;

Delegates delegates(const DelegationTable& table) {
  Delegates out;
  for (const DelegationRow& row : table.rows) out.push_back(row.delegates);
  return out;
}

DelegationTable proportional(const std::vector<std::uint64_t>& sizes, std::string method, int seats,
                             int minimum) {
  Organisation o = testing::attested_federation(sizes);
  DelegationRule rule;
  rule.method = std::move(method);
  rule.seats = seats;
  rule.minimum = minimum;
  return apportion_delegations(o, 0, rule);
}

DelegationTable ratio(const std::vector<std::uint64_t>& sizes, std::uint64_t per,
                      RatioRounding rounding, int minimum) {
  Organisation o = testing::attested_federation(sizes);
  DelegationRule rule;
  rule.kind = DelegationRule::Kind::ratio;
  rule.per = per;
  rule.rounding = rounding;
  rule.minimum = minimum;
  return apportion_delegations(o, 0, rule);
}

// 10 seats, members 500, 300, 150, 50. Huntington–Hill gives each one seat by right, then
// priorities P/√(n(n+1)): A 353.6, B 212.1, A 204.1, A 144.3, B 122.5, A 111.8 | C 106.1.
TEST(Delegations, HuntingtonHill) {
  DelegationTable t = proportional({500, 300, 150, 50}, "huntington-hill", 10, 1);
  EXPECT_EQ(delegates(t), (Delegates{5, 3, 1, 1}));
  EXPECT_EQ(t.total, 10);
  EXPECT_EQ(t.rounds.size(), 1u);  // the seat by right is the minimum: no second round
  EXPECT_FALSE(t.rows[3].raised_to_minimum);
}

// 10 seats, d'Hondt, minimum 1. First round: A 500 250 166.7 125 100 83.3, B 300 150 100,
// C 150, D none (50 < 83.3) → 6 3 1 0. D is raised to 1 and set aside; 9 seats among A B C:
// A 500 250 166.7 125 100, B 300 150 100, C 150 → 5 3 1.
TEST(Delegations, MinimumByFixAndReapportion) {
  DelegationTable t = proportional({500, 300, 150, 50}, "dhondt", 10, 1);
  EXPECT_EQ(delegates(t), (Delegates{5, 3, 1, 1}));
  ASSERT_EQ(t.rounds.size(), 2u);
  EXPECT_EQ(t.rounds[0].result, (std::vector<int>{6, 3, 1, 0}));
  EXPECT_EQ(t.rounds[1].seats, 9);
  EXPECT_TRUE(t.rows[3].raised_to_minimum);
  EXPECT_EQ(t.notes.size(), 1u);
}

TEST(Delegations, NoMinimumIsThePlainMethod) {
  EXPECT_EQ(delegates(proportional({500, 300, 150, 50}, "dhondt", 10, 0)), (Delegates{6, 3, 1, 0}));
  // Webster, 500 300 140 60: A 500 166.7 100 71.4 55.6, B 300 100 60, C 140, D 60 | C 46.7.
  EXPECT_EQ(delegates(proportional({500, 300, 140, 60}, "webster", 10, 0)),
            (Delegates{5, 3, 1, 1}));
  // Hare: quotas 5, 3, 1.5, 0.5; C and D level for the last seat, C has more members.
  EXPECT_EQ(delegates(proportional({500, 300, 150, 50}, "hare", 10, 0)), (Delegates{5, 3, 2, 0}));
}

// A minimum of 2 for everyone: D and C (Hare 1.5) fall below at first; then A and B share 6.
TEST(Delegations, LargerMinimumCascades) {
  DelegationTable t = proportional({500, 300, 150, 50}, "hare", 10, 2);
  EXPECT_EQ(delegates(t), (Delegates{4, 2, 2, 2}));
  EXPECT_EQ(t.total, 10);
}

// One per 100 members: 500 → 5, 300 → 3, 150 → 1.5, 50 → 0.5, 149 → 1.49.
TEST(Delegations, FixedRatioRoundings) {
  std::vector<std::uint64_t> sizes = {500, 300, 150, 50, 149};
  EXPECT_EQ(delegates(ratio(sizes, 100, RatioRounding::nearest, 0)), (Delegates{5, 3, 2, 1, 1}));
  EXPECT_EQ(delegates(ratio(sizes, 100, RatioRounding::down, 0)), (Delegates{5, 3, 1, 0, 1}));
  EXPECT_EQ(delegates(ratio(sizes, 100, RatioRounding::up, 0)), (Delegates{5, 3, 2, 1, 2}));
  DelegationTable with_minimum = ratio(sizes, 100, RatioRounding::down, 1);
  EXPECT_EQ(delegates(with_minimum), (Delegates{5, 3, 1, 1, 1}));
  EXPECT_TRUE(with_minimum.rows[3].raised_to_minimum);
  EXPECT_EQ(with_minimum.total, 11);
}

TEST(Delegations, ElectorateBasis) {
  Organisation o = testing::attested_federation({100, 100});
  o.council(2).electorate = 20;
  DelegationRule rule;
  rule.method = "dhondt";
  rule.seats = 6;
  rule.minimum = 0;
  EXPECT_EQ(delegates(apportion_delegations(o, 0, rule)), (Delegates{3, 3}));
  rule.basis = DelegationBasis::electorate;
  EXPECT_EQ(delegates(apportion_delegations(o, 0, rule)), (Delegates{5, 1}));
}

TEST(Delegations, DistrictsSendTheirWholeMembership) {
  Organisation o = testing::small_federation();
  DelegationRule rule;
  rule.method = "hare";
  rule.seats = 9;
  rule.minimum = 1;
  DelegationTable t = apportion_delegations(o, *o.find_council("Congress"), rule);
  EXPECT_EQ(t.parent, "Congress");
  EXPECT_EQ(delegates(t), (Delegates{5, 4}));
  EXPECT_EQ(t.rows[0].basis, 5u);
  EXPECT_EQ(t.delegates_of("South"), 4);
  EXPECT_FALSE(t.delegates_of("A"));
}

TEST(Delegations, ImpossibleRulesAreRefused) {
  EXPECT_THROW(proportional({10, 10, 10}, "dhondt", 5, 2), UsageError);  // 3 × 2 > 5
  EXPECT_THROW(proportional({10, 10}, "no-such-method", 5, 1), UsageError);
  EXPECT_THROW(proportional({0, 0}, "dhondt", 5, 0), UsageError);  // no members anywhere
  EXPECT_THROW(ratio({10}, 0, RatioRounding::up, 0), UsageError);
  Organisation lonely = testing::attested_federation({});
  EXPECT_THROW(apportion_delegations(lonely, 0, DelegationRule{}), UsageError);
}

TEST(Delegations, TableInTextAndJson) {
  DelegationTable t = proportional({500, 300, 150, 50}, "dhondt", 10, 1);
  std::string text = delegation_text(t);
  EXPECT_NE(
      text.find(
          "Delegations to Congress: 10 delegates by dhondt in proportion to members, at least 1"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("L3"), std::string::npos);
  EXPECT_NE(text.find("minimum"), std::string::npos);
  EXPECT_NE(text.find("Total"), std::string::npos);
  auto json = delegation_json(t);
  EXPECT_EQ(json["total"], 10);
  EXPECT_EQ(json["councils"][3]["council"], "L3");
  EXPECT_EQ(json["councils"][3]["delegates"], 1);
  EXPECT_EQ(json["councils"][3]["minimum"], true);
  EXPECT_EQ(json["apportionments"].size(), 2u);
  EXPECT_EQ(delegation_json(t).dump(), json.dump());  // deterministic
}

// The example in docs/councils.md, exactly.
TEST(Delegations, DocumentedExample) {
  EXPECT_EQ(delegation_text(proportional({500, 300, 150, 50}, "dhondt", 10, 1)),
            "Delegations to Congress: 10 delegates by dhondt in proportion to members, at least 1 "
            "a council\n"
            "\n"
            "Council  Members  Delegates\n"
            "L0           500          5\n"
            "L1           300          3\n"
            "L2           150          1\n"
            "L3            50          1  minimum\n"
            "Total       1000         10\n"
            "Note: 1 councils raised to the minimum of 1; the other seats shared again\n");
}

TEST(Delegations, OptionNamesRoundTrip) {
  for (auto r : {RatioRounding::up, RatioRounding::down, RatioRounding::nearest}) {
    EXPECT_EQ(parse_ratio_rounding(to_string(r)), r);
  }
  EXPECT_EQ(parse_delegation_basis("electorate"), DelegationBasis::electorate);
  EXPECT_FALSE(parse_delegation_basis("population"));
}

// Any house, any sizes, any method: every council has its minimum, the house is filled,
// and the councils above the minimum get what the method gives them among themselves.
RC_GTEST_PROP(DelegationsProperties, MinimumHeldAndHouseFilled, ()) {
  auto sizes = *rc::gen::suchThat(
      rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(0, 5000)),
      [](const auto& v) {
        return !v.empty() && v.size() <= 12 &&
               std::any_of(v.begin(), v.end(), [](auto s) { return s > 0; });
      });
  auto method = *rc::gen::element<std::string>("dhondt", "sainte-lague", "hare", "huntington-hill");
  int minimum = *rc::gen::inRange(method == "huntington-hill" ? 1 : 0, 3);
  int councils = static_cast<int>(sizes.size());
  int seats = *rc::gen::inRange(minimum * councils + 1, minimum * councils + 60);
  DelegationTable t = proportional(sizes, method, seats, minimum);
  RC_ASSERT(t.total == seats);
  PartyVotes above;  // named as in the table, so a lot draws alike
  std::vector<int> above_seats;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    RC_ASSERT(t.rows[i].delegates >= minimum);
    if (!t.rows[i].raised_to_minimum) {
      above.parties.push_back(t.rows[i].name);
      above.votes.push_back(sizes[i]);
      above_seats.push_back(t.rows[i].delegates);
    }
  }
  int rest = std::accumulate(above_seats.begin(), above_seats.end(), 0);
  if (rest > 0 &&
      std::any_of(above.votes.begin(), above.votes.end(), [](auto s) { return s > 0; })) {
    ApportionOptions options;
    options.seats = rest;
    RC_ASSERT(find_apportion_method(method)->apportion(above, options).result == above_seats);
  }
}

}  // namespace
}  // namespace veche
