// Instant runoff: rounds, transfers, exhausted ballots, overvotes, batch elimination, ties.
#include <gtest/gtest.h>

#include "veche/core/error.hpp"
#include "unit/count/ballots.hpp"

namespace veche::testing {
namespace {

// A 10, B 8, C 3, D 2, E 1: C, D and E together (6) are still fewer than B (8).
Profile five_candidates() {
  return profile_of({"A", "B", "C", "D", "E"},
                    {{10, "A"}, {8, "B"}, {3, "C>B"}, {2, "D>C"}, {1, "E>D"}});
}

TEST(Irv, ExcludesOneAtATimeAndBreaksATieByEarlierRounds) {
  Outcome outcome = count_by("irv", five_candidates());
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"B"});
  ASSERT_EQ(outcome.rounds.size(), 4u);
  EXPECT_EQ(outcome.rounds[0].excluded, std::vector<CandidateId>{4});
  // C and D have 3 each in round 2; in round 1 D had fewer.
  const Round& second = outcome.rounds[1];
  EXPECT_EQ(second.votes, (std::vector<std::string>{"10", "8", "3", "3", ""}));
  ASSERT_EQ(second.ties.size(), 1u);
  EXPECT_EQ(second.ties[0].purpose, "exclusion");
  EXPECT_EQ(second.ties[0].chosen, 3u);
  EXPECT_EQ(second.ties[0].resolved_by, "earlier rounds (round 1)");
  // D's own two ballots go on to C; E's ballot, passed on to D, has nowhere left to go.
  ASSERT_EQ(second.transfers.size(), 2u);
  EXPECT_EQ(second.transfers[0].to, std::optional<CandidateId>{2});
  EXPECT_EQ(second.transfers[0].votes, "2");
  EXPECT_EQ(second.transfers[1].to, std::nullopt);
  EXPECT_EQ(second.transfers[1].votes, "1");
  EXPECT_EQ(outcome.rounds[2].exhausted, "1");
  EXPECT_EQ(outcome.rounds[3].votes, (std::vector<std::string>{"10", "11", "", "", ""}));
  EXPECT_EQ(outcome.rounds[3].exhausted, "3");
}

TEST(Irv, BatchEliminationExcludesEveryHopelessCandidateAtOnce) {
  CountOptions options;
  options.batch_elimination = true;
  Outcome outcome = count_by("irv", five_candidates(), options);
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"B"});
  ASSERT_EQ(outcome.rounds.size(), 2u);
  EXPECT_EQ(outcome.rounds[0].excluded, (std::vector<CandidateId>{2, 3, 4}));
  EXPECT_EQ(outcome.rounds[0].action, "C, D, E excluded");
  EXPECT_TRUE(outcome.rounds[0].ties.empty());
  EXPECT_EQ(outcome.rounds[1].votes, (std::vector<std::string>{"10", "11", "", "", ""}));
  EXPECT_EQ(outcome.rounds[1].exhausted, "3");
}

TEST(Irv, AMajorityInTheFirstRoundEndsTheCount) {
  Profile profile = profile_of({"A", "B", "C"}, {{6, "A>B"}, {4, "B>C"}, {1, "C"}});
  Outcome outcome = count_by("irv", profile);
  ASSERT_EQ(outcome.rounds.size(), 1u);
  EXPECT_EQ(outcome.rounds[0].action, "A elected with a majority (6 of 11)");
}

TEST(Irv, OvervotesFollowTheRule) {
  // 2 voters mark A and B at rank 1, then C.
  Profile profile = profile_of({"A", "B", "C"}, {{3, "A"}, {3, "B"}, {1, "C"}, {2, "A=B>C"}});
  CountOptions options;
  Outcome exhaust = count_by("irv", profile, options);
  EXPECT_EQ(exhaust.rounds[0].exhausted, "2");
  EXPECT_EQ(exhaust.rounds[0].votes, (std::vector<std::string>{"3", "3", "1"}));
  options.overvote = Remedy::skip;
  Outcome skip = count_by("irv", profile, options);
  EXPECT_EQ(skip.rounds[0].votes, (std::vector<std::string>{"3", "3", "3"}));
  EXPECT_EQ(skip.rounds[0].exhausted, "0");
}

TEST(Irv, WithdrawnCandidatesArePassedOver) {
  CountOptions options;
  options.withdraw = {0};
  Profile profile = profile_of({"A", "B", "C"}, {{5, "A>C"}, {4, "B"}, {2, "C"}});
  Outcome outcome = count_by("irv", profile, options);
  EXPECT_EQ(outcome.rounds[0].votes, (std::vector<std::string>{"", "4", "7"}));
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"C"});
}

TEST(Irv, FillsOneSeatOnly) {
  CountOptions options;
  options.seats = 2;
  EXPECT_THROW(count_by("irv", five_candidates(), options), UsageError);
  EXPECT_THROW(count_by("two-round", five_candidates(), options), UsageError);
}

TEST(TwoRound, TheTopTwoTakeTheOthersBallots) {
  Outcome outcome = count_by("two-round", five_candidates());
  ASSERT_EQ(outcome.rounds.size(), 2u);
  EXPECT_EQ(outcome.rounds[0].excluded, (std::vector<CandidateId>{2, 3, 4}));
  // C's 3 go to B; D's 2 and E's 1 rank neither A nor B.
  EXPECT_EQ(outcome.rounds[1].votes, (std::vector<std::string>{"10", "11", "", "", ""}));
  EXPECT_EQ(outcome.rounds[1].exhausted, "3");
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"B"});
}

TEST(TwoRound, ATieForSecondPlaceIsBrokenByThePolicy) {
  Profile profile = profile_of({"A", "B", "C"}, {{4, "A"}, {3, "B>A"}, {3, "C>B"}});
  CountOptions options;
  options.ties.order = {2, 1, 0};
  Outcome outcome = count_by("two-round", profile, options);
  ASSERT_EQ(outcome.rounds[0].ties.size(), 1u);
  EXPECT_EQ(outcome.rounds[0].ties[0].purpose, "place in the second round");
  EXPECT_EQ(outcome.rounds[0].ties[0].chosen, 2u);
  EXPECT_EQ(outcome.rounds[0].excluded, std::vector<CandidateId>{1});
  EXPECT_EQ(outcome.rounds[1].votes, (std::vector<std::string>{"7", "", "3"}));
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"A"});
}

TEST(Approval, CountsEveryRankedCandidate) {
  Profile profile = profile_of({"A", "B", "C"}, {{3, "A>B"}, {2, "C"}, {2, "B=C"}, {1, ""}});
  Outcome outcome = count_by("approval", profile);
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"3", "5", "4"}));
  EXPECT_EQ(outcome.rounds[0].exhausted, "1");
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"B"});
  CountOptions two;
  two.seats = 2;
  EXPECT_EQ(elected_names(count_by("approval", profile, two)), (std::vector<std::string>{"B", "C"}));
}

TEST(Approval, ATieAtTheTopIsBrokenByThePolicy) {
  Profile profile = profile_of({"A", "B"}, {{1, "A"}, {1, "B"}});
  CountOptions options;
  options.ties.order = {1, 0};
  Outcome outcome = count_by("approval", profile, options);
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"B"});
  ASSERT_EQ(outcome.rounds[0].ties.size(), 1u);
  EXPECT_EQ(outcome.rounds[0].ties[0].resolved_by, "tie order");
}

TEST(Borda, TruncatedBallotsGiveUnrankedNothingAndEqualRanksTheLowerPlace) {
  // "A": A 2. "A=B>C": A 1, B 1 (the lower of places 1 and 2). "B>C>A": B 2, C 1.
  Profile profile = profile_of({"A", "B", "C"}, {{1, "A"}, {1, "A=B>C"}, {1, "B>C>A"}});
  Outcome outcome = count_by("borda", profile);
  EXPECT_EQ(outcome.rounds.at(0).votes, (std::vector<std::string>{"3", "3", "1"}));
  ASSERT_EQ(outcome.rounds[0].ties.size(), 1u);
  EXPECT_TRUE(outcome.pairwise.empty());
}

}  // namespace
}  // namespace veche::testing
