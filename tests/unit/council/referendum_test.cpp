// Initiative and referendum: signatures trigger it; quorum and majority decide it.
#include "veche/council/referendum.hpp"

#include <gtest/gtest.h>

#include "unit/council/federation.hpp"
#include "veche/council/refusal.hpp"

namespace veche {
namespace {

const Moment kDeadline = *parse_moment("2026-06-01T00:00:00Z");
const Moment kBefore = *parse_moment("2026-05-01T00:00:00Z");

TEST(Initiative, EnoughSignaturesBeforeTheDeadline) {
  Organisation o = testing::small_federation();
  Petition initiative("A four-day week", {*o.find_council("North"), *o.find_council("South")},
                      kDeadline);
  ReferendumRules rules;
  rules.initiative = {1, 3};  // of 9 members: 3 signatures
  initiative.sign(o, "A1", kBefore);
  initiative.sign(o, "C4", kBefore);
  EXPECT_FALSE(initiative_triggered(initiative, o, rules));
  EXPECT_THROW(initiative.sign(o, "B1", kDeadline), Refusal);  // too late: does not count
  EXPECT_FALSE(initiative_triggered(initiative, o, rules));
  initiative.sign(o, "B1", kBefore);
  EXPECT_TRUE(initiative_triggered(initiative, o, rules));
}

std::vector<ConstituencyCount> three_councils() {
  // 60 yes to 50 no overall, but yes wins only in North.
  return {{"North", 100, 40, 10, 5}, {"South", 100, 10, 20, 0}, {"East", 100, 10, 20, 0}};
}

ReferendumResult decide(ReferendumRules rules,
                        std::vector<ConstituencyCount> counts = three_councils()) {
  return decide_referendum("Shall we federate?", counts, rules);
}

TEST(Referendum, Majorities) {
  ReferendumRules rules;
  ReferendumResult simple = decide(rules);
  EXPECT_TRUE(simple.carried) << simple.reason;
  EXPECT_EQ(simple.yes, 60u);
  EXPECT_EQ(simple.no, 50u);
  rules.majority = ReferendumMajority::absolute;  // 60 of 115 cast
  EXPECT_TRUE(decide(rules).carried);
  rules.majority = ReferendumMajority::two_thirds;  // 60 of 110: short
  EXPECT_FALSE(decide(rules).carried);
  rules.majority = ReferendumMajority::double_majority;  // voters yes, councils 1 of 3
  ReferendumResult dbl = decide(rules);
  EXPECT_TRUE(dbl.voters_majority);
  EXPECT_FALSE(dbl.councils_majority);
  EXPECT_FALSE(dbl.carried);
  EXPECT_NE(dbl.reason.find("1 of 3 constituencies"), std::string::npos) << dbl.reason;
  auto counts = three_councils();
  counts[1] = {"South", 100, 21, 20, 0};
  EXPECT_TRUE(decide(rules, counts).carried);
}

TEST(Referendum, AbsoluteMajorityCountsBlankBallots) {
  ReferendumRules rules;
  rules.majority = ReferendumMajority::absolute;
  EXPECT_FALSE(decide(rules, {{"North", 100, 40, 30, 20}}).carried);  // 40 of 90 cast
}

TEST(Referendum, Quorums) {
  ReferendumRules rules;
  rules.quorum = ReferendumQuorum::turnout;
  rules.quorum_share = {2, 5};  // 115 of 300 voted: 38%
  EXPECT_FALSE(decide(rules).carried);
  EXPECT_FALSE(decide(rules).quorum_met);
  rules.quorum_share = {1, 3};
  EXPECT_TRUE(decide(rules).carried);
  rules.quorum = ReferendumQuorum::approval;  // 60 yes of 300: 20%
  EXPECT_FALSE(decide(rules).carried);
  rules.quorum_share = {1, 5};
  EXPECT_TRUE(decide(rules).carried);
}

TEST(Referendum, WithoutAQuestion) {
  auto counts = three_councils();
  try {
    decide_referendum("", counts, ReferendumRules{});
    FAIL() << "a referendum without a question was decided";
  } catch (const Refusal& r) {
    EXPECT_EQ(r.why(), Refused::no_question);
  }
  EXPECT_THROW(decide_referendum("Shall we?", {}, ReferendumRules{}), Refusal);
}

TEST(Referendum, JsonAndOptionNames) {
  auto json = referendum_json(decide(ReferendumRules{}));
  EXPECT_EQ(json["question"], "Shall we federate?");
  EXPECT_EQ(json["carried"], true);
  for (auto m : {ReferendumMajority::simple, ReferendumMajority::absolute,
                 ReferendumMajority::two_thirds, ReferendumMajority::double_majority}) {
    EXPECT_EQ(parse_referendum_majority(to_string(m)), m);
  }
  EXPECT_EQ(parse_referendum_quorum("approval"), ReferendumQuorum::approval);
  EXPECT_FALSE(parse_referendum_quorum("unanimity"));
}

TEST(Share, Parses) {
  EXPECT_EQ(parse_council_share("1/4"), (Share{1, 4}));
  EXPECT_EQ(parse_council_share("25%"), (Share{25, 100}));
  EXPECT_EQ(parse_council_share("12.5%"), (Share{125, 1000}));
  EXPECT_EQ(parse_council_share("0.4"), (Share{4, 10}));
  EXPECT_EQ(parse_council_share("1"), (Share{1, 1}));
  EXPECT_FALSE(parse_council_share("5/4"));
  EXPECT_FALSE(parse_council_share("1/0"));
  EXPECT_FALSE(parse_council_share("-1/4"));
  EXPECT_FALSE(parse_council_share("a quarter"));
  EXPECT_FALSE(parse_council_share(""));
  EXPECT_TRUE(reaches(1, 4, {1, 4}));
  EXPECT_FALSE(reaches(0, 4, {1, 4}));
  EXPECT_EQ(parse_majority("two-thirds"), Majority::two_thirds);
}

}  // namespace
}  // namespace veche
