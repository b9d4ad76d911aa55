// A register made up from counts: councils from a [[councils]] table, members from a roll,
// signatures drawn, an election for every council of a level; and each mistake named by file,
// line and key.
#include <gtest/gtest.h>

#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"

namespace veche {
namespace {

constexpr std::string_view kHead = R"([organisation]
name = "Shop Workers"
parties = ["Reds", "Greens"]
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "North"
level = "district"
parent = "Congress"
[[council]]
name = "South"
level = "district"
parent = "Congress"
)";

std::string with_head(std::string_view rest) {
  return std::string(kHead) + std::string(rest);
}

std::string error_of(std::string_view text) {
  return testing::scenario_error(text, "shops.toml");
}

constexpr std::string_view kShops = R"([[councils]]
count = 3
level = "local"
parent = ["North", "South"]
name = "{parent} Shop {n}"
members = { from = 40, to = 400, seed = "sizes" }
roll = { seed = "members", parties = { Reds = 2, Greens = 1 }, unaffiliated = 1 }
)";

TEST(ScenarioRegister, CouncilsMadeUpUnderEachParent) {
  Scenario s = parse_scenario(with_head(kShops), "shops.toml");
  const Organisation& o = s.organisation;
  ASSERT_EQ(o.councils().size(), 9u);
  for (std::string_view name : {"North Shop 1", "North Shop 3", "South Shop 1", "South Shop 3"}) {
    auto id = o.find_council(name);
    ASSERT_TRUE(id) << name;
    EXPECT_EQ(o.council(*id).level, CouncilLevel::local);
    EXPECT_GE(*o.council(*id).attested_members, 40u);
    EXPECT_LE(*o.council(*id).attested_members, 400u);
  }
  EXPECT_EQ(o.council(*o.council(*o.find_council("South Shop 2")).parent).name, "South");
  // The same file, the same federation.
  Scenario again = parse_scenario(with_head(kShops), "shops.toml");
  for (CouncilId id = 0; id < o.councils().size(); ++id)
    EXPECT_EQ(o.council(id).attested_members, again.organisation.council(id).attested_members);
}

TEST(ScenarioRegister, NumberedOnAcrossParentsWithoutParentInTheName) {
  Scenario s = parse_scenario(with_head(R"([[councils]]
count = 2
level = "local"
parent = ["North", "South"]
name = "Branch {n}"
)"),
                              "shops.toml");
  EXPECT_EQ(s.organisation.council(*s.organisation.find_council("Branch 4")).parent,
            s.organisation.find_council("South"));
}

TEST(ScenarioRegister, RollMembersAreFoundByNameWithoutBeingHeld) {
  std::string text = with_head(R"([[council]]
name = "Big Store"
level = "local"
parent = "North"
members = 50000
roll = { seed = "big", parties = { Reds = 1, Greens = 1 }, unaffiliated = 0 }
)");
  Scenario s = parse_scenario(text, "shops.toml");
  const Organisation& o = s.organisation;
  EXPECT_TRUE(o.members().empty());  // nobody listed, nobody held
  auto last = o.find_member("Big Store member 50000");
  ASSERT_TRUE(last);
  Member m = o.member(*last);
  EXPECT_EQ(m.name, "Big Store member 50000");
  EXPECT_EQ(m.constituency, *o.find_council("Big Store"));
  ASSERT_TRUE(m.party);                       // no weight for the unaffiliated
  EXPECT_EQ(o.member(*last).party, m.party);  // drawn the same each time
  EXPECT_FALSE(o.find_member("Big Store member 50001"));
  EXPECT_FALSE(o.find_member("Big Store member 0"));
  EXPECT_FALSE(o.find_member("Big Store member 007"));
  int reds = 0;
  for (int n = 1; n <= 1000; ++n) {
    auto id = o.find_member("Big Store member " + std::to_string(n));
    reds += o.member(*id).party == o.find_party("Reds") ? 1 : 0;
  }
  EXPECT_GT(reds, 400);  // about half, by the weights
  EXPECT_LT(reds, 600);
}

TEST(ScenarioRegister, DrawnSignaturesAreDistinctMembersOfTheConstituency) {
  std::string text = with_head(std::string(kShops) + R"([[recall]]
delegate = "Flint"
constituency = "North Shop 2"
method = "irv"
deadline = "2026-06-01T00:00:00Z"
signatures = { count = 30, seed = "petition", at = "2026-05-01T09:00:00Z" }
)");
  Scenario s = parse_scenario(text, "shops.toml");
  const auto& signatures = s.recalls.at(0).signatures;
  ASSERT_EQ(signatures.size(), 30u);
  std::set<std::string> names;
  for (const ScenarioSignature& signature : signatures) {
    EXPECT_EQ(signature.member.rfind("North Shop 2 member ", 0), 0u) << signature.member;
    names.insert(signature.member);
  }
  EXPECT_EQ(names.size(), 30u);
  auto summary = play_scenario(s);
  EXPECT_EQ(summary["recalls"][0]["signatures"], 30);
  EXPECT_EQ(summary["recalls"][0]["refused_signatures"].size(), 0u);
}

TEST(ScenarioRegister, AnElectionForEveryCouncilOfALevel) {
  std::string text = with_head(std::string(kShops) + R"([delegations]
seats = 6
minimum = 2
[[election]]
council = "North Shop 1"
method = "plurality"
seats = 1
candidates = ["Ann", "Bo"]
generate = { voters = 10 }
[[election]]
level = "district"
method = "stv-scottish"
candidates = { count = 5, seed = "district" }
generate = { turnout = "25%", seed = "district" }
[[election]]
level = "local"
method = "irv"
seats = 1
candidates = { count = 3, seed = "shop" }
generate = { turnout = "40%", seed = "shop" }
)");
  Scenario s = parse_scenario(text, "shops.toml");
  ASSERT_EQ(s.elections.size(), 8u);  // one written, two districts, five shops
  EXPECT_EQ(s.elections[0].council, "North Shop 1");
  EXPECT_EQ(s.elections[1].council, "North");
  EXPECT_EQ(s.elections[1].seats, 0);  // from the apportionment
  EXPECT_EQ(s.elections[2].council, "South");
  EXPECT_EQ(s.elections[3].council, "North Shop 2");
  EXPECT_EQ(s.elections[3].to, "North");
  RegisterCounts counts = register_counts(s.organisation);
  CouncilId shop = *s.organisation.find_council("North Shop 2");
  EXPECT_EQ(s.elections[3].generated.voters, counts.electorate[shop] * 2 / 5);
  // A member standing for the district stands in no shop's election.
  std::set<std::string> standing;
  for (const DelegateElection& e : s.elections) {
    for (const std::string& name : e.candidates) EXPECT_TRUE(standing.insert(name).second) << name;
  }
  for (const std::string& name : s.elections[3].candidates)
    EXPECT_EQ(name.rfind("North Shop 2 member ", 0), 0u) << name;
  auto summary = play_scenario(s);
  ASSERT_EQ(summary["elections"].size(), 8u);
  EXPECT_EQ(summary["elections"][1]["elected"].size(), summary["elections"][1]["seats"]);
  EXPECT_EQ(summary["seated"].size(), 6u);  // every district delegate's mandate checked
}

TEST(ScenarioRegister, ARollInTheModel) {
  Organisation o;
  o.add_council("Congress", CouncilLevel::congress);
  CouncilId store = o.add_council("Store", CouncilLevel::local, "Congress");
  EXPECT_THROW(o.add_roll(store, {}), UsageError);  // no attested count yet
  o.council(store).attested_members = 3;
  EXPECT_THROW(o.add_roll(0, {}), UsageError);  // the congress has no members of its own
  MemberRoll roll;
  roll.pattern = "{council}-{n}";
  o.add_roll(store, roll);
  EXPECT_THROW(o.add_roll(store, roll), UsageError);  // one roll a council
  EXPECT_EQ(o.member(*o.find_member("Store-3")).constituency, store);
  EXPECT_EQ(o.constituency_of(*o.find_member("Store-1")), store);
  o.validate();
  o.add_member("Store-2", store);
  try {
    o.validate();
    ADD_FAILURE() << "a listed name a roll also makes up was not refused";
  } catch (const OrganisationError& e) {
    EXPECT_EQ(e.problem(), OrganisationProblem::duplicate_name);
  }
}

struct Mistake {
  std::string_view rest;
  std::string_view message;
};

class ScenarioRegisterMistake : public ::testing::TestWithParam<Mistake> {};

TEST_P(ScenarioRegisterMistake, IsNamedWithFileLineAndKey) {
  EXPECT_EQ(error_of(with_head(GetParam().rest)), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Each, ScenarioRegisterMistake,
    ::testing::Values(
        Mistake{R"([[councils]]
count = 2
level = "local"
parent = "Nowhere"
name = "Shop {n}"
)",
                "shops.toml:18: councils[1].parent: no council called \"Nowhere\" (written, or "
                "made up by an earlier [[councils]])"},
        Mistake{R"([[councils]]
count = 0
level = "local"
parent = "North"
name = "Shop {n}"
)",
                "shops.toml:16: councils[1].count: must be at least 1"},
        Mistake{R"([[councils]]
count = "many"
level = "local"
parent = "North"
name = "Shop {n}"
)",
                "shops.toml:16: councils[1].count: expected a whole number"},
        Mistake{R"([[councils]]
count = 200000
level = "local"
parent = "North"
name = "Shop {n}"
)",
                "shops.toml:16: councils[1].count: at most 100000 councils are made up in all"},
        Mistake{R"([[councils]]
count = 2
level = "local"
parent = "North"
name = "Shop {n}"
members = { from = 400, to = 40 }
)",
                "shops.toml:20: councils[1].members: the range runs from 400 down to 40"},
        Mistake{R"([[councils]]
count = 2
level = "local"
parent = "North"
name = "Shop"
)",
                "shops.toml:19: councils[1].name: 2 councils need \"{n}\" in their name to tell "
                "them apart"},
        Mistake{R"([[councils]]
count = 3
level = "district"
parent = "Congress"
name = "{n}"
[[council]]
name = "2"
level = "local"
parent = "North"
)",
                "shops.toml:19: councils[1].name: makes up \"2\", a council already named at "
                "line 20"},
        Mistake{R"([[councils]]
count = 2
level = "local"
parent = "North"
name = "Shop {n}"
roll = { seed = "x" }
)",
                "shops.toml:20: councils[1].roll: Shop 1 attests no member count to make its "
                "members up from"},
        Mistake{R"([[councils]]
count = 2
level = "local"
parent = "North"
name = "Shop {n}"
members = 10
roll = { name = "member {n}" }
)",
                "shops.toml:21: councils[1].roll: the pattern \"member {n}\" names Shop 2's "
                "members as it names Shop 1's: put {council} in it"},
        Mistake{R"([[council]]
name = "Store"
level = "local"
parent = "North"
members = 10
roll = { name = "Store member {n}0" }
)",
                "shops.toml:20: council[4].roll: in the pattern \"Store member {n}0\" \"{n}\" "
                "stands beside a digit, so names would not read back to one number"},
        Mistake{R"([[council]]
name = "Store"
level = "local"
parent = "North"
members = 10
roll = { parties = { Blues = 1 } }
)",
                "shops.toml:20: council[4].roll.parties.Blues: no such party in "
                "organisation.parties"},
        Mistake{R"([[council]]
name = "Store"
level = "local"
parent = "North"
members = 2
roll = {}
[[member]]
name = "Store member 2"
council = "Store"
)",
                "shops.toml:22: member[1].name: member \"Store member 2\" is made up by the "
                "roll of Store"},
        Mistake{R"([[council]]
name = "Store"
level = "local"
parent = "North"
members = 5
roll = {}
[[recall]]
delegate = "Flint"
constituency = "Store"
method = "irv"
deadline = "2026-06-01T00:00:00Z"
signatures = { count = 6, at = "2026-05-01T00:00:00Z" }
)",
                "shops.toml:26: recall[1].signatures.count: 6 signatures, but Store has 5 "
                "members on its register"},
        Mistake{R"([[election]]
level = "regional"
method = "irv"
seats = 1
candidates = { count = 2, name = "{council} {n}" }
generate = { turnout = "10%" }
)",
                "shops.toml:16: election[1].level: no council is at the regional level"},
        Mistake{R"([[election]]
level = "district"
council = "North"
method = "irv"
)",
                "shops.toml:16: election[1].level: an election is held in a council or for a "
                "level, not both"},
        Mistake{R"([[election]]
level = "district"
method = "irv"
candidates = { count = 2, name = "{council} {n}" }
generate = { turnout = "10%" }
)",
                "shops.toml:15: election[1].seats: missing: North sends delegates to Congress, "
                "which no [delegations] rule apportions"},
        Mistake{R"([[election]]
level = "district"
method = "irv"
seats = 3
candidates = { count = 2, name = "{council} {n}" }
generate = { turnout = "10%" }
)",
                "shops.toml:18: election[1].seats: 3 seats but 2 candidates"},
        Mistake{R"([[election]]
level = "district"
method = "irv"
seats = 1
candidates = { count = 2, name = "Candidate {n}" }
generate = { turnout = "10%" }
)",
                "shops.toml:19: election[1].candidates.name: needs \"{council}\": a name "
                "standing in two councils would be elected twice"},
        Mistake{R"([[election]]
level = "district"
method = "irv"
seats = 1
candidates = { count = 2 }
generate = { turnout = "10%" }
)",
                "shops.toml:19: election[1].candidates.count: 2 candidates to draw from the "
                "members of North, which has 0 on its register standing nowhere else (give it "
                "a roll, or the candidates a name pattern)"},
        Mistake{R"([[council]]
name = "Store"
level = "local"
parent = "North"
members = 5
[[election]]
level = "local"
method = "irv"
seats = 1
candidates = { count = 2, name = "{council} {n}" }
generate = { turnout = "10%" }
)",
                "shops.toml:25: election[1].generate.turnout: 10/100 of Store's 5 electors is no "
                "voter at all"}));

}  // namespace
}  // namespace veche
