#include <gtest/gtest.h>

#include "veche/core/error.hpp"
#include "veche/core/profile.hpp"

namespace veche {
namespace {

using Groups = std::vector<std::vector<CandidateId>>;

ProfileBuilder builder_for(int n, BallotRules rules = {}) {
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.push_back(std::string(1, static_cast<char>('A' + i)));
  return ProfileBuilder(names, rules);
}

TEST(Profile, MergesIdenticalBallots) {
  auto b = builder_for(3);
  b.add(Groups{{0}, {1}}, 2);
  b.add(Groups{{2}}, 1);
  b.add(Groups{{0}, {1}}, 5);
  Profile p = std::move(b).finish();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p.weight(0), 7u);
  EXPECT_EQ(p.total_weight(), 8u);
}

TEST(Profile, KeepsEqualRankings) {
  auto b = builder_for(3);
  b.add(Groups{{0, 1}, {2}}, 1);
  Profile p = std::move(b).finish();
  ASSERT_TRUE(p.has_equal_ranks());
  auto marks = p.ballot(0);
  ASSERT_EQ(marks.size(), 3u);
  EXPECT_FALSE(equal_to_previous(marks[0]));
  EXPECT_TRUE(equal_to_previous(marks[1]));
  EXPECT_EQ(candidate_of(marks[1]), 1u);
}

TEST(Profile, SkippedRankIsPassedOverByDefault) {
  auto b = builder_for(3);
  b.add(Groups{{0}, {}, {2}}, 1);
  Profile p = std::move(b).finish();
  ASSERT_EQ(p.ballot(0).size(), 2u);
  EXPECT_EQ(candidate_of(p.ballot(0)[1]), 2u);
}

TEST(Profile, SkippedRankCanExhaustOrReject) {
  BallotRules exhaust;
  exhaust.skipped_rank = Remedy::exhaust;
  auto b = builder_for(3, exhaust);
  b.add(Groups{{0}, {}, {2}}, 1);
  EXPECT_EQ(std::move(b).finish().ballot(0).size(), 1u);

  BallotRules reject;
  reject.skipped_rank = Remedy::reject;
  auto r = builder_for(3, reject);
  EXPECT_FALSE(r.add(Groups{{0}, {}, {2}}, 4));
  Profile p = std::move(r).finish();
  EXPECT_EQ(p.size(), 0u);
  EXPECT_EQ(p.rejected, 4u);
}

TEST(Profile, TrailingEmptyRanksAreNotSkips) {
  BallotRules reject;
  reject.skipped_rank = Remedy::reject;
  auto b = builder_for(3, reject);
  EXPECT_TRUE(b.add(Groups{{0}, {}, {}}, 1));
}

TEST(Profile, RepeatedCandidateRules) {
  auto skip = builder_for(3);
  skip.add(Groups{{0}, {0}, {1}}, 1);
  EXPECT_EQ(std::move(skip).finish().ballot(0).size(), 2u);

  BallotRules error;
  error.repeated = Remedy::error;
  auto e = builder_for(3, error);
  EXPECT_THROW(e.add(Groups{{0}, {0}}, 1), UsageError);
}

TEST(Profile, StrictExhaustsAtOvervote) {
  auto b = builder_for(4);
  b.add(Groups{{0}, {1, 2}, {3}}, 3);
  Profile p = std::move(b).finish();
  Profile exhaust = p.strict(Remedy::exhaust);
  ASSERT_EQ(exhaust.ballot(0).size(), 1u);
  Profile skip = p.strict(Remedy::skip);
  ASSERT_EQ(skip.ballot(0).size(), 2u);
  EXPECT_EQ(candidate_of(skip.ballot(0)[1]), 3u);
  Profile reject = p.strict(Remedy::reject);
  EXPECT_EQ(reject.size(), 0u);
  EXPECT_EQ(reject.rejected, 3u);
}

TEST(Profile, StrictDropsWithdrawnCandidates) {
  auto b = builder_for(3);
  b.add(Groups{{1, 0}, {2}}, 1);  // an overvote only because of a withdrawn candidate
  Profile p = std::move(b).finish();
  p.withdrawn[1] = true;
  Profile s = p.strict(Remedy::exhaust);
  ASSERT_EQ(s.ballot(0).size(), 2u);
  EXPECT_EQ(candidate_of(s.ballot(0)[0]), 0u);
}

TEST(InputError, NamesFileLineAndField) {
  InputError e("ward.blt", 7, "weight", "expected a whole number, found \"-3\"");
  EXPECT_STREQ(e.what(), "ward.blt:7: weight: expected a whole number, found \"-3\"");
}

}  // namespace
}  // namespace veche
