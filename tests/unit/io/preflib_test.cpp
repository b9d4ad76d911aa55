#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace veche {
namespace {

using test::all_written;
using test::input_error;
using ::testing::ElementsAre;
using ::testing::StartsWith;

Profile preflib(std::string_view text, BallotRules rules = {}) {
  return parse_preflib(text, "votes.toi", rules);
}

constexpr std::string_view kHeader =
    "# FILE NAME: votes.toi\n"
    "# TITLE: Club chair\n"
    "# DATA TYPE: toi\n"
    "# NUMBER ALTERNATIVES: 3\n"
    "# ALTERNATIVE NAME 1: Ana\n"
    "# ALTERNATIVE NAME 2: Bo\n"
    "# ALTERNATIVE NAME 3: Cy\n";

TEST(Preflib, ReadsMetadataAndOrdersWithTies) {
  Profile p = preflib(std::string(kHeader) + "5: 1,2,3\n3: {1,2}\n2: 3, {1, 2}\n1: 2\n");
  EXPECT_EQ(p.title, "Club chair");
  EXPECT_THAT(p.candidates, ElementsAre("Ana", "Bo", "Cy"));
  EXPECT_EQ(p.seats, 1);
  EXPECT_THAT(all_written(p), ElementsAre("5: 1, 2, 3", "3: 1=2", "2: 3, 1=2", "1: 2"));
  EXPECT_EQ(p.total_weight(), 11u);
}

TEST(Preflib, ReadsTheOldFormat) {
  Profile p = preflib("3\n1,Ana\n2,Bo\n3,Cy\n6,6,2\n4,1,2,3\n2,3,{1,2}\n");
  EXPECT_THAT(p.candidates, ElementsAre("Ana", "Bo", "Cy"));
  EXPECT_THAT(all_written(p), ElementsAre("4: 1, 2, 3", "2: 3, 1=2"));
}

TEST(Preflib, EmptyBracesAreASkippedRank) {
  Profile p = preflib(std::string(kHeader) + "1: 1,{},2\n");
  EXPECT_THAT(all_written(p), ElementsAre("1: 1, 2"));
}

TEST(Preflib, UnknownAlternativeFollowsTheRule) {
  BallotRules rules;
  rules.unknown_name = Remedy::skip;
  EXPECT_THAT(all_written(preflib(std::string(kHeader) + "1: 1,7,2\n1: {7,3},2\n", rules)),
              ElementsAre("1: 1, 2", "1: 3, 2"));
  rules.unknown_name = Remedy::exhaust;
  EXPECT_THAT(all_written(preflib(std::string(kHeader) + "1: 1,7,2\n", rules)),
              ElementsAre("1: 1"));
  EXPECT_EQ(input_error([] { preflib(std::string(kHeader) + "1: 1,7,2\n"); }),
            "votes.toi:8: order: alternative 7 is not one of 1 to 3");
}

TEST(PreflibErrors, CountNotANumber) {
  EXPECT_EQ(input_error([] { preflib(std::string(kHeader) + "5: 1,2\nmany: 1\n"); }),
            "votes.toi:9: count: expected a whole number, got \"many\"");
  EXPECT_EQ(input_error([] { preflib(std::string(kHeader) + "-5: 1,2\n"); }),
            "votes.toi:8: count: expected a whole number, got the negative \"-5\"");
}

TEST(PreflibErrors, MalformedOrders) {
  EXPECT_THAT(input_error([] { preflib(std::string(kHeader) + "1: 1,{2,3\n"); }),
              StartsWith("votes.toi:8: order: a `{` has no closing `}`"));
  EXPECT_THAT(input_error([] { preflib(std::string(kHeader) + "1: 1,x\n"); }),
              StartsWith("votes.toi:8: order: expected an alternative number, got \"x\""));
  EXPECT_THAT(input_error([] { preflib(std::string(kHeader) + "1: 1,\n"); }),
              StartsWith("votes.toi:8: order: the order ends with `,`"));
  EXPECT_THAT(input_error([] { preflib(std::string(kHeader) + "1 1,2\n"); }),
              StartsWith("votes.toi:8: ballot: expected `count: order`"));
  EXPECT_THAT(
      input_error([] { preflib("# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n1: 1\n"); }),
      StartsWith("votes.toi:3: alternatives: alternative 2 has no name"));
  EXPECT_THAT(input_error([] { preflib("1: 1\n"); }),
              StartsWith("votes.toi:1: alternatives: no alternatives before the first ballot"));
}

TEST(Preflib, BurlingtonToi) {
  Profile p = read_ballots(VECHE_TEST_DATA "/burlington-2006/00005-00000001.toi", "", {});
  EXPECT_EQ(p.title, "2006 Burlington Mayoral Election");
  EXPECT_THAT(p.candidates, ElementsAre("Louie The Cowman Beaudin", "Kevin J. Curley", "Bob Kiss",
                                        "Hinda Miller", "Loyal Ploof", "Write-Ins"));
  EXPECT_EQ(p.total_weight(), 9788u);
  EXPECT_EQ(p.size(), 483u);
  EXPECT_TRUE(p.has_equal_ranks());
  // The first round as the README checks it: an overvote at the first rank exhausts.
  auto first = test::first_preferences(p.strict(Remedy::exhaust));
  EXPECT_EQ(first["Bob Kiss"], 3809u);
  EXPECT_EQ(first["Hinda Miller"], 3106u);
  EXPECT_EQ(first["Kevin J. Curley"], 2609u);
  EXPECT_EQ(first["Louie The Cowman Beaudin"], 119u);
  EXPECT_EQ(first["Write-Ins"], 78u);
  EXPECT_EQ(first["Loyal Ploof"], 57u);
  EXPECT_EQ(first[""], 10u);
}

TEST(Preflib, BurlingtonTocHasTheSameFirstRound) {
  Profile p = read_ballots(VECHE_TEST_DATA "/burlington-2006/00005-00000001.toc", "", {});
  EXPECT_EQ(p.total_weight(), 9788u);
  EXPECT_EQ(p.size(), 482u);
  auto first = test::first_preferences(p.strict(Remedy::exhaust));
  EXPECT_EQ(first["Bob Kiss"], 3809u);
  EXPECT_EQ(first["Hinda Miller"], 3106u);
}

}  // namespace
}  // namespace veche
