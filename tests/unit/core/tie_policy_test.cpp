#include <gtest/gtest.h>

#include "veche/core/tie_policy.hpp"

namespace veche {
namespace {

const std::vector<std::string> kNames{"Ann", "Ben", "Cat", "Dan"};

TEST(TiePolicy, LooksBackToTheLatestRoundWhereTheyDiffered) {
  std::vector<std::vector<int>> history{{5, 3, 9, 1}, {6, 6, 9, 1}};
  Tie tie = break_tie<int>({0, 1}, Seek::lowest, "exclusion", history, TiePolicy{}, 3, kNames);
  EXPECT_EQ(tie.chosen, 1u);
  EXPECT_EQ(tie.resolved_by, "earlier rounds (round 1)");
}

TEST(TiePolicy, ForwardLookBackStartsAtTheFirstRound) {
  std::vector<std::vector<int>> history{{4, 5, 0, 0}, {7, 6, 0, 0}};
  TiePolicy policy;
  policy.look_back = TiePolicy::LookBack::forward;
  Tie tie = break_tie<int>({0, 1}, Seek::lowest, "exclusion", history, policy, 3, kNames);
  EXPECT_EQ(tie.chosen, 0u);
  EXPECT_EQ(tie.resolved_by, "earlier rounds (round 1)");
}

TEST(TiePolicy, LotIsReproducibleFromTheSeed) {
  std::vector<std::vector<int>> none;
  TiePolicy policy;
  policy.seed = "council-2026";
  Tie a = break_tie<int>({0, 1, 2}, Seek::lowest, "exclusion", none, policy, 2, kNames);
  Tie b = break_tie<int>({2, 1, 0}, Seek::lowest, "exclusion", none, policy, 2, kNames);
  EXPECT_EQ(a.chosen, b.chosen);
  EXPECT_EQ(a.resolved_by, "lot (seed \"council-2026\")");
}

TEST(TiePolicy, LotDependsOnTheSeed) {
  // Over many seeds every tied candidate must sometimes win the draw.
  std::vector<std::vector<int>> none;
  std::vector<int> wins(3, 0);
  for (int s = 0; s < 60; ++s) {
    TiePolicy policy;
    policy.seed = std::to_string(s);
    ++wins[break_tie<int>({0, 1, 2}, Seek::lowest, "x", none, policy, 1, kNames).chosen];
  }
  for (int w : wins) EXPECT_GT(w, 0);
}

TEST(TiePolicy, OrderFavoursTheEarliestForElectionAndExcludesTheLatest) {
  std::vector<std::vector<int>> none;
  TiePolicy policy;
  policy.order = {2, 0, 1};
  EXPECT_EQ(break_tie<int>({0, 1, 2}, Seek::highest, "election", none, policy, 1, kNames).chosen, 2u);
  Tie out = break_tie<int>({0, 1, 2}, Seek::lowest, "exclusion", none, policy, 1, kNames);
  EXPECT_EQ(out.chosen, 1u);
  EXPECT_EQ(out.resolved_by, "tie order");
}

}  // namespace
}  // namespace veche
