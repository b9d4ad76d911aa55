// The Tennessee capital example (Wikipedia, "Condorcet method" and friends): 100 voters
// who each rank the four cities by distance. Every method's known winner.
#include <gtest/gtest.h>

#include "unit/count/ballots.hpp"

namespace veche::testing {
namespace {

const std::vector<std::string> kCities{"Memphis", "Nashville", "Chattanooga", "Knoxville"};

Profile tennessee() {
  return profile_of(kCities, {{42, "Memphis > Nashville > Chattanooga > Knoxville"},
                              {26, "Nashville > Chattanooga > Knoxville > Memphis"},
                              {15, "Chattanooga > Knoxville > Nashville > Memphis"},
                              {17, "Knoxville > Chattanooga > Nashville > Memphis"}});
}

struct Expected {
  const char* method;
  const char* winner;
};

class Tennessee : public ::testing::TestWithParam<Expected> {};

TEST_P(Tennessee, ElectsTheTextbookWinner) {
  Outcome outcome = count_by(GetParam().method, tennessee());
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{GetParam().winner});
  EXPECT_EQ(outcome.method, GetParam().method);
  for (const Round& round : outcome.rounds) EXPECT_TRUE(round.ties.empty());
}

INSTANTIATE_TEST_SUITE_P(
    EveryMethod, Tennessee,
    ::testing::Values(Expected{"plurality", "Memphis"}, Expected{"irv", "Knoxville"},
                      Expected{"two-round", "Nashville"}, Expected{"borda", "Nashville"},
                      Expected{"condorcet", "Nashville"}, Expected{"schulze", "Nashville"},
                      Expected{"ranked-pairs", "Nashville"}, Expected{"copeland", "Nashville"},
                      Expected{"minimax", "Nashville"}),
    [](const auto& param_info) {
      std::string name = param_info.param.method;
      std::erase(name, '-');
      return name;
    });

TEST(TennesseeIrv, ExcludesChattanoogaThenNashville) {
  Outcome outcome = count_by("irv", tennessee());
  ASSERT_EQ(outcome.rounds.size(), 3u);
  const Round& first = outcome.rounds[0];
  EXPECT_EQ(first.votes, (std::vector<std::string>{"42", "26", "15", "17"}));
  EXPECT_EQ(first.exhausted, "0");
  EXPECT_EQ(first.excluded, std::vector<CandidateId>{2});
  ASSERT_EQ(first.transfers.size(), 1u);
  EXPECT_EQ(first.transfers[0].from, 2u);
  EXPECT_EQ(first.transfers[0].to, std::optional<CandidateId>{3});
  EXPECT_EQ(first.transfers[0].votes, "15");
  EXPECT_EQ(outcome.rounds[1].votes, (std::vector<std::string>{"42", "26", "", "32"}));
  EXPECT_EQ(outcome.rounds[1].excluded, std::vector<CandidateId>{1});
  EXPECT_EQ(outcome.rounds[2].votes, (std::vector<std::string>{"42", "", "", "58"}));
  EXPECT_EQ(outcome.rounds[2].elected, std::vector<CandidateId>{3});
}

TEST(TennesseeTwoRound, MemphisAndNashvilleGoToTheSecondRound) {
  Outcome outcome = count_by("two-round", tennessee());
  ASSERT_EQ(outcome.rounds.size(), 2u);
  EXPECT_EQ(outcome.rounds[0].excluded, (std::vector<CandidateId>{2, 3}));
  ASSERT_EQ(outcome.rounds[0].transfers.size(), 2u);
  EXPECT_EQ(outcome.rounds[0].transfers[0].to, std::optional<CandidateId>{1});
  EXPECT_EQ(outcome.rounds[1].votes, (std::vector<std::string>{"42", "58", "", ""}));
}

TEST(TennesseeBorda, ScoresThreeTwoOneNought) {
  Outcome outcome = count_by("borda", tennessee());
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"126", "194", "173", "107"}));
}

TEST(TennesseeCopeland, NashvilleBeatsAllThree) {
  Outcome outcome = count_by("copeland", tennessee());
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"0", "3", "2", "1"}));
}

TEST(TennesseeCondorcet, FillsThePairwiseMatrixAndSmithSet) {
  Outcome outcome = count_by("condorcet", tennessee());
  ASSERT_EQ(outcome.pairwise.size(), 4u);
  EXPECT_EQ(outcome.pairwise[1][0], 58u);  // Nashville over Memphis
  EXPECT_EQ(outcome.pairwise[0][1], 42u);
  EXPECT_EQ(outcome.pairwise[2][3], 83u);  // Chattanooga over Knoxville
  EXPECT_EQ(outcome.smith_set, std::vector<CandidateId>{1});
}

TEST(TennesseeMinimax, NashvilleHasNoDefeat) {
  Outcome outcome = count_by("minimax", tennessee());
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"58", "0", "68", "83"}));
}

}  // namespace
}  // namespace veche::testing
