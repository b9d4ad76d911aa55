// Delegations at every level: a district apportions the delegates its branches send it,
// checks their mandates as the congress checks its own, and a scenario's branch elections
// take their seats from their district's table.
#include <gtest/gtest.h>

#include "unit/council/federation.hpp"
#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/council/credentials.hpp"
#include "veche/council/scenario.hpp"

namespace veche {
namespace {

DelegationTable north_table(const Organisation& o, int seats) {
  DelegationRule rule;
  rule.method = "hare";
  rule.seats = seats;
  return apportion_delegations(o, *o.find_council("North"), rule);
}

// North's branches: A (3 members) and B (2); South's branch C is not North's to apportion.
TEST(LevelDelegations, DistrictApportionsItsBranches) {
  Organisation o = testing::small_federation();
  DelegationTable table = north_table(o, 5);
  EXPECT_EQ(table.parent, "North");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].name, "A");
  EXPECT_EQ(table.rows[0].delegates, 3);
  EXPECT_EQ(table.rows[1].name, "B");
  EXPECT_EQ(table.rows[1].delegates, 2);
  EXPECT_EQ(table.total, 5);
  EXPECT_FALSE(table.delegates_of("C"));
  EXPECT_EQ(delegation_json(table)["parent"], "North");
}

// Three seats: A 2 (1.8), B 1 (1.2). A sending three is refused whole, at North.
TEST(LevelDelegations, InflatedBranchDelegationIsRefusedAtItsDistrict) {
  Organisation o = testing::small_federation();
  std::vector<Mandate> mandates = {{"A", "A1"}, {"A", "A2"}, {"A", "A3"}, {"B", "B1"}, {"C", "C1"}};
  CredentialsReport report = check_credentials(o, north_table(o, 3), mandates);
  ASSERT_EQ(report.refused.size(), 4u);
  EXPECT_EQ(report.refused[0].fault, MandateFault::inflated);
  EXPECT_EQ(report.refused[0].reason,
            "A sends 3 delegates but was apportioned 2; A1 is not seated");
  EXPECT_EQ(report.refused[3].fault, MandateFault::not_below);  // C sends to South
  ASSERT_EQ(report.seated.size(), 1u);
  EXPECT_EQ(report.seated[0].delegate, "B1");
  auto json = credentials_json(report);
  EXPECT_EQ(json["council"], "North");
  EXPECT_EQ(json["refused_mandates"][0]["to"], "North");
}

// A (3,000 members) and B (1,000) under North: one delegate per 1,000 gives 3 and 1; their
// elections name no seats. A mandate from a branch no register holds is refused at North.
constexpr std::string_view kBranches = R"(
[organisation]
name = "Union"
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "North"
level = "district"
parent = "Congress"
[[council]]
name = "A"
level = "local"
parent = "North"
members = 3000
[[council]]
name = "B"
level = "local"
parent = "North"
members = 1000
[delegations]
seats = 2
[delegations.district]
rule = "ratio"
per = 1000
[[election]]
council = "A"
method = "stv-scottish"
candidates = ["Ann", "Bo", "Cy", "Di"]
generate = { voters = 300, seed = "a" }
[[election]]
council = "B"
method = "irv"
candidates = ["Ed", "Flo"]
generate = { voters = 100, seed = "b" }
[[mandate]]
council = "Ghost Branch"
delegate = "Gus"
to = "North"
)";

TEST(LevelDelegations, BranchElectionsTakeTheirSeatsFromTheDistrictTable) {
  Scenario s = parse_scenario(kBranches, "branches.toml");
  auto summary = play_scenario(s);
  ASSERT_EQ(summary["level_delegations"].size(), 1u);
  const auto& north = summary["level_delegations"][0];
  EXPECT_EQ(north["parent"], "North");
  EXPECT_EQ(north["total"], 4);
  EXPECT_EQ(summary["elections"][0]["seats"], 3);
  EXPECT_EQ(summary["elections"][1]["seats"], 1);
  EXPECT_EQ(north["seated"].size(), 4u);
  ASSERT_EQ(summary["refused_mandates"].size(), 1u);
  EXPECT_EQ(summary["refused_mandates"][0]["to"], "North");
  EXPECT_EQ(summary["refused_mandates"][0]["fault"], "invented council");
  EXPECT_TRUE(summary["seated"].empty());  // North elects no one to the congress here
  EXPECT_NE(scenario_text(summary).find("== Credentials at North: 4 seated, 1 refused"),
            std::string::npos);
}

std::string error_of(std::string_view text) {
  return testing::scenario_error(text, "branches.toml");
}

TEST(LevelDelegations, WithoutTheDistrictRuleABranchNeedsItsSeats) {
  std::string text(kBranches);
  text.erase(text.find("[delegations.district]"), std::string("[delegations.district]\n").size());
  text.erase(text.find("rule = \"ratio\"\nper = 1000\n"),
             std::string("rule = \"ratio\"\nper = 1000\n").size());
  EXPECT_EQ(error_of(text),
            "branches.toml:23: election[1].seats: missing: no [delegations] rule apportions the "
            "delegates sent to North");
}

// A rule the register cannot meet is a mistake in the file, named at its table when the
// file is read, not found halfway through playing it.
TEST(LevelDelegations, ARuleTheRegisterCannotMeetIsNamedAtItsTable) {
  std::string text(kBranches);
  text.replace(text.find("rule = \"ratio\"\nper = 1000\n"),
               std::string("rule = \"ratio\"\nper = 1000\n").size(), "seats = 1\n");
  EXPECT_EQ(error_of(text).rfind("branches.toml:23: delegations.district: North: ", 0), 0u)
      << error_of(text);
  text.replace(text.find("seats = 1\n[["), std::string("seats = 1").size(), "seats = 2");
  EXPECT_EQ(error_of(text), "no error");
  text.replace(text.find("seats = 2\n[["), std::string("seats = 2").size(),
               "seats = 2\nminimum = -1");
  EXPECT_EQ(error_of(text).rfind("branches.toml:", 0), 0u) << error_of(text);
  std::string congress(kBranches);
  congress.replace(congress.find("seats = 2\n"), std::string("seats = 2\n").size(),
                   "seats = 2\nminimum = 5\n");
  EXPECT_EQ(error_of(congress).rfind("branches.toml:21: delegations: Congress: ", 0), 0u)
      << error_of(congress);
}

TEST(LevelDelegations, OnlyLevelsThatReceiveDelegatesHaveARule) {
  std::string text(kBranches);
  text.replace(text.find("[delegations.district]"), std::string("[delegations.district]").size(),
               "[delegations.local]");
  EXPECT_EQ(error_of(text).rfind("branches.toml:23: delegations.local: unknown key", 0), 0u)
      << error_of(text);
}

TEST(LevelDelegations, AMandateGoesOnlyWhereARuleApportions) {
  std::string text(kBranches);
  text.replace(text.find("to = \"North\""), std::string("to = \"North\"").size(), "to = \"A\"");
  EXPECT_EQ(error_of(text),
            "branches.toml:39: mandate[1].to: no [delegations] rule apportions the delegates "
            "sent to A");
}

}  // namespace
}  // namespace veche
