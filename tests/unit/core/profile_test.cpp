#include "veche/core/profile.hpp"

#include <gtest/gtest.h>

#include "veche/core/error.hpp"

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

// Ballots are merged in batches: repeats inside one batch, across batches, and a profile
// looked at between two batches all come out as if merged one by one.
TEST(Profile, MergesInBatchesAsOneByOne) {
  auto b = builder_for(5);
  std::vector<std::vector<CandidateId>> rankings = {{0, 1}, {2}, {}, {4, 3, 2, 1, 0}, {1, 0}};
  std::vector<Weight> expected(rankings.size(), 0);
  Weight so_far = 0;
  for (std::size_t voter = 0; voter < 100; ++voter) {
    const std::size_t r = (voter * voter) % rankings.size();
    b.add_strict(rankings[r], voter % 3);
    expected[r] += voter % 3;
    so_far += voter % 3;
    if (voter == 40) {
      EXPECT_EQ(b.profile().total_weight(), so_far);  // between two batches
    }
  }
  Profile p = std::move(b).finish();
  EXPECT_FALSE(p.has_equal_ranks());
  ASSERT_EQ(p.size(), 3u);                // (voter * voter) % 5 is only ever 0, 1 or 4
  const std::size_t order[] = {1, 4, 0};  // first counted: voters 1, 2 and 5 (0 weighs 0)
  for (std::size_t i = 0; i < p.size(); ++i) {
    EXPECT_EQ(std::vector<Mark>(p.ballot(i).begin(), p.ballot(i).end()),
              std::vector<Mark>(rankings[order[i]].begin(), rankings[order[i]].end()));
    EXPECT_EQ(p.weight(i), expected[order[i]]);
  }
}

TEST(Profile, EqualRanksOnlyFromBallotsThatCount) {
  auto b = builder_for(3);
  b.add(Groups{{0, 1}}, 0);  // no voter: not in the profile
  b.add(Groups{{2}}, 1);
  EXPECT_FALSE(b.profile().has_equal_ranks());
  b.add(Groups{{0, 1}}, 2);
  EXPECT_TRUE(std::move(b).finish().has_equal_ranks());
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
