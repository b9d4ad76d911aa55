// How an iteration of stv-meek ends, as Schedule 1A ends it: a hopeful reaching the quota,
// a total surplus below 0.0001, or a sure loser, who is excluded without iterating.
#include <gtest/gtest.h>

#include <vector>

#include "unit/count/ballots.hpp"
#include "veche/count/methods.hpp"

namespace {

using veche::CandidateId;
using veche::CountOptions;
using veche::Outcome;
using veche::testing::profile_of;

CountOptions two_seats() {
  CountOptions options;
  options.seats = 2;
  return options;
}

// A has 7 of 18 votes against a quota of 6.000000001: a surplus just under 1. D trails C
// by 4, more than the whole surplus, so no iteration can save D: D is excluded at once,
// with A still holding all 7 (an iteration first would have brought A down to about 6).
TEST(StvMeek, ASureLoserIsExcludedBeforeAnyIteration) {
  auto p = profile_of({"A", "B", "C", "D"}, {{7, "A > B"}, {5, "B"}, {5, "C"}, {1, "D"}});
  Outcome o = veche::count_stv_meek(p, two_seats());
  ASSERT_EQ(o.rounds.size(), 3u);
  EXPECT_EQ(o.rounds[1].action, "D excluded");
  EXPECT_EQ(o.rounds[1].votes[0], "7.000000000");
  EXPECT_EQ(o.rounds[2].action, "B elected");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1}));
  EXPECT_EQ(o.notes.back(), "iterations: 1");
}

}  // namespace
