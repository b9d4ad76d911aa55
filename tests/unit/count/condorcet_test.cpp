// Condorcet methods on examples whose answers are published or checkable by hand.
#include <gtest/gtest.h>

#include "veche/core/error.hpp"
#include "unit/count/ballots.hpp"

namespace veche::testing {
namespace {

// The Schulze method's standard example (Wikipedia "Schulze method", 45 voters): no
// Condorcet winner; Schulze ranks E > A > C > B > D, ranked pairs elects A.
Profile schulze_example() {
  return profile_of({"A", "B", "C", "D", "E"}, {{5, "A>C>B>E>D"},
                                                {5, "A>D>E>C>B"},
                                                {8, "B>E>D>A>C"},
                                                {3, "C>A>B>E>D"},
                                                {7, "C>A>E>B>D"},
                                                {2, "C>B>A>D>E"},
                                                {7, "D>C>E>B>A"},
                                                {8, "E>B>A>D>C"}});
}

TEST(SchulzeExample, PairwiseMatrixIsTheTextbooks) {
  Outcome outcome = count_by("schulze", schulze_example());
  const std::vector<std::vector<Weight>> expected{{0, 20, 26, 30, 22},
                                                  {25, 0, 16, 33, 18},
                                                  {19, 29, 0, 17, 24},
                                                  {15, 12, 28, 0, 14},
                                                  {23, 27, 21, 31, 0}};
  EXPECT_EQ(outcome.pairwise, expected);
  EXPECT_EQ(outcome.smith_set, (std::vector<CandidateId>{0, 1, 2, 3, 4}));
}

TEST(SchulzeExample, ElectsEWithTheTextbookPaths) {
  Outcome outcome = count_by("schulze", schulze_example());
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"E"});
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"3", "1", "2", "0", "4"}));
  auto has = [&](const std::string& note) {
    return std::find(outcome.notes.begin(), outcome.notes.end(), note) != outcome.notes.end();
  };
  EXPECT_TRUE(has("round 1: strongest paths from E: A 25, B 28, C 28, D 31"));
  EXPECT_TRUE(has("round 1: strongest paths from A: B 28, C 28, D 30, E 24"));
}

TEST(SchulzeExample, FiveSeatsGiveTheSchulzeRanking) {
  CountOptions options;
  options.seats = 5;
  Outcome outcome = count_by("schulze", schulze_example(), options);
  EXPECT_EQ(elected_names(outcome), (std::vector<std::string>{"E", "A", "C", "B", "D"}));
  EXPECT_EQ(outcome.rounds.size(), 5u);
}

TEST(SchulzeExample, RankedPairsElectsA) {
  Outcome outcome = count_by("ranked-pairs", schulze_example());
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"A"});
  ASSERT_FALSE(outcome.notes.empty());
  EXPECT_EQ(outcome.notes.back().rfind("round 1: majorities in order: B > D 33:12 locked; "
                                       "E > D 31:14 locked; A > D 30:15 locked; "
                                       "C > B 29:16 locked; D > C 28:17 skipped",
                                       0),
            0u);
}

TEST(SchulzeExample, MinimaxAndCopelandElectE) {
  Outcome minimax = count_by("minimax", schulze_example());
  EXPECT_EQ(elected_names(minimax), std::vector<std::string>{"E"});
  EXPECT_EQ(minimax.rounds.at(0).votes, (std::vector<std::string>{"25", "29", "28", "33", "24"}));
  Outcome copeland = count_by("copeland", schulze_example());
  EXPECT_EQ(elected_names(copeland), std::vector<std::string>{"E"});
  EXPECT_EQ(copeland.rounds.at(0).votes, (std::vector<std::string>{"2", "2", "2", "1", "3"}));
}

TEST(SchulzeExample, CondorcetSaysThereIsNone) {
  Outcome outcome = count_by("condorcet", schulze_example());
  EXPECT_TRUE(outcome.elected.empty());
  ASSERT_EQ(outcome.rounds.size(), 1u);
  EXPECT_TRUE(outcome.rounds[0].elected.empty());
  EXPECT_EQ(outcome.rounds[0].action, "No Condorcet winner; the Smith set is A, B, C, D, E");
}

// A pure cycle: every Condorcet method has to break a tie, and says so.
Profile cycle() { return profile_of({"A", "B", "C"}, {{1, "A>B>C"}, {1, "B>C>A"}, {1, "C>A>B"}}); }

TEST(Cycle, EveryMethodRecordsItsTie) {
  for (const char* method : {"schulze", "ranked-pairs", "copeland", "minimax"}) {
    Outcome outcome = count_by(method, cycle());
    ASSERT_EQ(outcome.elected.size(), 1u) << method;
    ASSERT_FALSE(outcome.rounds.at(0).ties.empty()) << method;
    const Tie& tie = outcome.rounds[0].ties.back();
    EXPECT_EQ(tie.resolved_by, "lot (seed \"0\")") << method;
    if (std::string_view(method) == "ranked-pairs") {
      // Three majorities of 2:1: their order comes from a ranking drawn by lot.
      EXPECT_EQ(tie.purpose, "order of equal majorities");
    } else {
      EXPECT_EQ(tie.purpose, "winner") << method;
      EXPECT_EQ(tie.chosen, outcome.elected[0]) << method;
    }
  }
}

TEST(Cycle, TheTieOrderDecidesWhenGiven) {
  CountOptions options;
  options.ties.order = {2, 0, 1};
  for (const char* method : {"schulze", "ranked-pairs", "copeland", "minimax"}) {
    Outcome outcome = count_by(method, cycle(), options);
    EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"C"}) << method;
  }
}

TEST(Copeland, APairwiseTieScoresOneHalf) {
  Profile profile = profile_of({"A", "B", "C"}, {{1, "A>B>C"}, {1, "B>A>C"}});
  Outcome outcome = count_by("copeland", profile);
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"1.5", "1.5", "0"}));
  EXPECT_EQ(outcome.smith_set, (std::vector<CandidateId>{0, 1}));
}

TEST(EqualRanksAndUnranked, PreferNeither) {
  // A=B prefers neither; C unranked on the first ballots is below both A and B.
  Profile profile = profile_of({"A", "B", "C"}, {{3, "A=B"}, {2, "C>A=B"}, {1, ""}});
  Outcome outcome = count_by("condorcet", profile);
  EXPECT_EQ(outcome.pairwise[0][1], 0u);
  EXPECT_EQ(outcome.pairwise[1][0], 0u);
  EXPECT_EQ(outcome.pairwise[0][2], 3u);
  EXPECT_EQ(outcome.pairwise[2][0], 2u);
  EXPECT_EQ(outcome.pairwise[1][2], 3u);
  EXPECT_EQ(outcome.pairwise[2][1], 2u);
  EXPECT_TRUE(outcome.elected.empty());  // A and B tie: neither beats the other
  EXPECT_EQ(outcome.smith_set, (std::vector<CandidateId>{0, 1}));
}

TEST(Withdrawn, TakesPartInNoComparison) {
  CountOptions options;
  options.withdraw = {1};  // Nashville
  Profile profile = profile_of({"Memphis", "Nashville", "Chattanooga", "Knoxville"},
                               {{42, "Memphis > Nashville > Chattanooga > Knoxville"},
                                {26, "Nashville > Chattanooga > Knoxville > Memphis"},
                                {15, "Chattanooga > Knoxville > Nashville > Memphis"},
                                {17, "Knoxville > Chattanooga > Nashville > Memphis"}});
  Outcome outcome = count_by("schulze", profile, options);
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"Chattanooga"});
  EXPECT_EQ(outcome.pairwise[1], (std::vector<Weight>{0, 0, 0, 0}));
  EXPECT_EQ(outcome.rounds[0].votes[1], "");
}

TEST(Seats, CondorcetRefusesMoreThanOne) {
  CountOptions options;
  options.seats = 2;
  EXPECT_THROW(count_by("condorcet", cycle(), options), UsageError);
  options.seats = 4;
  EXPECT_THROW(count_by("schulze", cycle(), options), UsageError);
}

}  // namespace
}  // namespace veche::testing
