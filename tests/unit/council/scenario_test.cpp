// Scenario files: a federation from TOML, played; and mistakes named by file, line and key.
#include "veche/council/scenario.hpp"

#include <gtest/gtest.h>

#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"

namespace veche {
namespace {

// A congress in the spirit of 1918: two coalition parties, the junior one holding justice,
// land and communications and resigning over the treaty; delegations inflated by committees
// that exist nowhere but on their credentials.
constexpr std::string_view kCongress = R"(
[organisation]
name = "Congress of Soviets"

parties = ["Bolsheviks", "Left SRs", "Mensheviks"]

[[council]]
name = "Congress"
level = "congress"

[[council]]
name = "Petrograd"
level = "regional"
parent = "Congress"

[[council]]
name = "Moscow"
level = "regional"
parent = "Congress"

[[council]]
name = "Putilov Works"
level = "local"
parent = "Petrograd"
members = 600

[[council]]
name = "Vyborg District"
level = "local"
parent = "Petrograd"
members = 300

[[council]]
name = "Zamoskvorechye"
level = "local"
parent = "Moscow"
members = 300

[delegations]
rule = "ratio"
per = 300
rounding = "down"
minimum = 1

[[mandate]]
council = "Petrograd"
delegate = "Zinoviev"

[[mandate]]
council = "Petrograd"
delegate = "Volodarsky"

[[mandate]]
council = "Petrograd"
delegate = "Uritsky"

[[mandate]]
council = "Moscow"
delegate = "Bukharin"

[[mandate]]
council = "Moscow"
delegate = "Lomov"

[[mandate]]
council = "Committee of the Village Poor of Nowhere"
delegate = "Ivanov"

[executive]
rule = "dhondt"
portfolios = ["Foreign Affairs", "Military", "Interior", "Finance", "Justice", "Land",
              "Communications", "Labour", "Food"]

[[executive.party]]
name = "Bolsheviks"
seats = 66
preferences = ["Foreign Affairs", "Military", "Interior", "Finance", "Labour", "Food"]

[[executive.party]]
name = "Left SRs"
seats = 33
preferences = ["Justice", "Land", "Communications"]

[[executive.resignation]]
party = "Left SRs"

[[motion]]
council = "Congress"
text = "That the peace treaty be ratified"
proposer = "Zinoviev"
seconder = "Volodarsky"

[[motion.amendment]]
text = "Insert 'under protest'"
proposer = "Uritsky"
seconder = "Zinoviev"
[[motion.amendment.vote]]
delegate = "Uritsky"
vote = "aye"
[[motion.amendment.vote]]
delegate = "Zinoviev"
vote = "no"
[[motion.amendment.vote]]
delegate = "Volodarsky"
vote = "no"

[[motion.vote]]
delegate = "Zinoviev"
vote = "aye"
[[motion.vote]]
delegate = "Volodarsky"
vote = "aye"
[[motion.vote]]
delegate = "Bukharin"
vote = "no"
[[motion.vote]]
delegate = "Zinoviev"
vote = "no"
[[motion.vote]]
delegate = "Uritsky"
vote = "no"

[[referendum]]
question = "Shall the peace treaty be ratified?"
majority = "double"

[[referendum.count]]
council = "Petrograd"
electorate = 900
yes = 500
no = 300

[[referendum.count]]
council = "Moscow"
electorate = 300
yes = 100
no = 150
)";

std::string error_of(std::string_view text) {
  return testing::scenario_error(text, "congress.toml");
}

TEST(Scenario, CongressOf1918) {
  Scenario s = parse_scenario(kCongress, "congress.toml");
  EXPECT_EQ(s.organisation.council(s.congress).name, "Congress");
  auto summary = play_scenario(s);
  // Petrograd 900 members → 3 delegates, Moscow 300 → 1.
  EXPECT_EQ(summary["delegations"]["councils"][0]["delegates"], 3);
  EXPECT_EQ(summary["delegations"]["councils"][1]["delegates"], 1);
  auto refused = summary["refused_mandates"];
  ASSERT_EQ(refused.size(), 3u);  // Moscow's inflated pair and the invented committee
  EXPECT_EQ(refused[0]["council"], "Moscow");
  EXPECT_EQ(refused[0]["fault"], "inflated delegation");
  EXPECT_EQ(refused[2]["council"], "Committee of the Village Poor of Nowhere");
  EXPECT_EQ(refused[2]["delegate"], "Ivanov");
  EXPECT_EQ(refused[2]["fault"], "invented council");
  EXPECT_EQ(summary["seated"].size(), 3u);
  // Before the treaty the Left SRs held justice, land and communications; after it, no one but
  // the Bolsheviks is left to choose them.
  auto picks = summary["executive_record"]["picks"];
  std::vector<std::string> left_sr;
  for (const auto& pick : picks) {
    if (pick["party"] == "Left SRs") left_sr.push_back(pick["portfolio"]);
  }
  EXPECT_EQ(left_sr, (std::vector<std::string>{"Justice", "Land", "Communications"}));
  EXPECT_EQ(summary["executive"]["Bolsheviks"].size(), 9u);
  EXPECT_FALSE(summary["executive"].contains("Left SRs"));
  EXPECT_EQ(summary["executive_record"]["resigned"][0], "Left SRs");
  // The treaty motion, among the delegates the credentials check seated: Bukharin, whose
  // delegation was refused, cannot vote; Zinoviev cannot vote twice.
  auto motion = summary["motions"][0];
  EXPECT_EQ(motion["amendments"][0]["carried"], false);
  EXPECT_EQ(motion["motion"]["carried"], true);
  EXPECT_EQ(motion["motion"]["ayes"], 2);
  EXPECT_EQ(motion["motion"]["noes"], 1);
  EXPECT_EQ(motion["motion"]["roll"][2]["delegate"], "Uritsky");
  ASSERT_EQ(motion["refused"].size(), 2u);
  EXPECT_EQ(motion["refused"][0]["who"], "Bukharin");
  EXPECT_EQ(motion["refused"][0]["refused"], "not seated");
  EXPECT_EQ(motion["refused"][1]["who"], "Zinoviev");
  EXPECT_EQ(motion["refused"][1]["refused"], "twice");
  // 600 yes to 450 no, but Moscow said no: one of two constituencies is not more than half.
  EXPECT_EQ(summary["referendums"][0]["carried"], false);
  EXPECT_EQ(play_scenario(s).dump(), summary.dump());  // deterministic
}

TEST(Scenario, UnknownCouncilIsNamedWithFileLineAndKey) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"

[[council]]
name = "Branch"
level = "local"
parent = "Congres"
)";
  EXPECT_EQ(error_of(text), "congress.toml:8: council[2].parent: no council called \"Congres\"");
}

TEST(Scenario, MemberOfUnknownCouncil) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"

[[member]]
name = "Anna"
council = "Nowhere"
)";
  EXPECT_EQ(error_of(text), "congress.toml:7: member[1].council: no council called \"Nowhere\"");
}

TEST(Scenario, ReferendumWithoutAQuestion) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"

[[referendum]]
majority = "simple"
[[referendum.count]]
council = "Congress"
electorate = 10
yes = 5
)";
  EXPECT_EQ(error_of(text),
            "congress.toml:5: referendum[1].question: a referendum needs a question");
}

TEST(Scenario, CouncilListedTwice) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Congress"
level = "local"
)";
  EXPECT_EQ(error_of(text),
            "congress.toml:5: council[2].name: council \"Congress\" is listed twice");
}

TEST(Scenario, RegisterThatIsNotATree) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Branch"
level = "local"
parent = "Congress"
[[council]]
name = "Shadow"
level = "district"
parent = "Branch"
)";
  std::string error = error_of(text);
  EXPECT_EQ(error.rfind(
                "congress.toml:8: Shadow: council Shadow (district) sends delegates to Branch", 0),
            0u)
      << error;
}

TEST(Scenario, WrongKindsAndUnknownKeys) {
  EXPECT_EQ(error_of("[[council]]\nname = \"C\"\nlevel = \"parish\"\n"),
            "congress.toml:3: council[1].level: expected local, district, regional or congress, "
            "not \"parish\"");
  EXPECT_EQ(error_of("[[council]]\nname = \"C\"\nlevel = \"congress\"\nmembers = \"many\"\n"),
            "congress.toml:4: council[1].members: expected a whole number");
  std::string unknown =
      error_of("[[council]]\nname = \"C\"\nlevel = \"congress\"\nchairman = \"X\"\n");
  EXPECT_EQ(unknown.rfind("congress.toml:4: council[1].chairman: unknown key", 0), 0u) << unknown;
  EXPECT_EQ(error_of("[delegations]\nseats = 3\n"),
            "congress.toml:1: council: a scenario needs at least one [[council]]");
  std::string syntax = error_of("[[council]]\nname = \"C\nlevel = 1\n");
  EXPECT_EQ(syntax.rfind("congress.toml:2: ", 0), 0u) << syntax;
}

TEST(Scenario, RatioRuleNeedsItsRatio) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"

[delegations]
rule = "ratio"
)";
  EXPECT_EQ(error_of(text),
            "congress.toml:5: delegations.per: a ratio rule needs per (one delegate per how many "
            "members)");
}

// A branch of four recalls its delegate: one stranger and one second signature are refused
// and listed; two good signatures of four reach the threshold of 1/4; the vote recalls.
TEST(Scenario, RecallFromPetitionToRefill) {
  std::string text = std::string(testing::kDocksAndMills) + R"([[member]]
name = "Cy"
council = "Docks"
[[member]]
name = "Di"
council = "Docks"
[[member]]
name = "Ed"
council = "Mills"

[[recall]]
delegate = "Flint"
constituency = "Docks"
method = "stv-scottish"
deadline = "2026-03-01T00:00:00Z"
[[recall.signature]]
member = "Ann"
at = "2026-02-01T10:00:00Z"
[[recall.signature]]
member = "Ed"
at = "2026-02-01T10:00:00Z"
[[recall.signature]]
member = "Ann"
at = "2026-02-02T10:00:00Z"
[[recall.signature]]
member = "Bob"
at = "2026-02-03T10:00:00Z"
[[recall.signature]]
member = "Cy"
at = "2026-03-02T10:00:00Z"
[recall.vote]
electorate = 4
recall = 3
keep = 1
)";
  auto summary = play_scenario(parse_scenario(text, "union.toml"));
  auto recall = summary["recalls"][0];
  EXPECT_EQ(recall["signatures"], 2);
  EXPECT_EQ(recall["eligible"], 4);
  ASSERT_EQ(recall["refused_signatures"].size(), 3u);
  EXPECT_EQ(recall["refused_signatures"][0]["member"], "Ed");
  EXPECT_EQ(recall["refused_signatures"][1]["member"], "Ann");
  EXPECT_EQ(recall["refused_signatures"][2]["member"], "Cy");  // after the deadline
  EXPECT_EQ(recall["triggered"], true);
  EXPECT_EQ(recall["recalled"], true);
  EXPECT_EQ(recall["refill"], "STV countback");
}

TEST(Scenario, RecallWithABadDeadline) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"
[[recall]]
delegate = "Flint"
constituency = "Congress"
method = "dhondt"
deadline = "March 1st"
)";
  EXPECT_EQ(
      error_of(text),
      "congress.toml:8: recall[1].deadline: expected a UTC time such as 2026-03-01T12:00:00Z");
}

TEST(Scenario, VoteThatIsNoVote) {
  std::string text = R"([[council]]
name = "Congress"
level = "congress"
[[motion]]
council = "Congress"
text = "That we adjourn"
proposer = "A"
seconder = "B"
[[motion.vote]]
delegate = "A"
vote = "maybe"
)";
  EXPECT_EQ(error_of(text),
            "congress.toml:11: motion[1].vote[1].vote: expected aye, no or abstain, not \"maybe\"");
}

TEST(Scenario, MissingFile) {
  EXPECT_THROW(read_scenario("/nonexistent/scenario.toml"), InputError);
}

}  // namespace
}  // namespace veche
