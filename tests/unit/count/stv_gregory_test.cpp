// stv-gregory, the Australian Senate count (Commonwealth Electoral Act 1918, s273), on
// profiles worked by hand stage by stage, and the properties every STV rule must have.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "stv_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/count/methods.hpp"

namespace {

using veche::CandidateId;
using veche::CountOptions;
using veche::Outcome;
using veche::Profile;
using veche::Weight;

using veche::testing::profile_of;

// Every standing candidate's votes at one stage, in file order.
std::vector<std::string> votes_at(const Outcome& o, std::size_t stage) {
  return o.rounds.at(stage - 1).votes;
}

bool has_note(const Outcome& o, const std::string& note) {
  return std::find(o.notes.begin(), o.notes.end(), note) != o.notes.end();
}

// Two seats, 24 formal papers: quota ⌊24 / 3⌋ + 1 = 9 (s273(8)). A's surplus of 3 is
// spread over all 12 of A's papers, exhausted ones included: transfer value 3/12 = 1/4.
// B's 7 papers carry 1.75 votes and C's 3 carry 0.75; the fractions are disregarded
// (s273(9)(b)), so B gains 1, C nothing, and 2 votes are lost. D, lowest, is excluded; two
// candidates are then left for the last vacancy and the one with more votes is elected
// (s273(17)).
TEST(StvGregory, SurplusOnFirstPreferencesDisregardsFractions) {
  Profile profile =
      profile_of({"A", "B", "C", "D"},
                 {{7, {0, 1}}, {3, {0, 2}}, {2, {0}}, {4, {1}}, {5, {2}}, {3, {3, 2}}}, 2);
  Outcome o = veche::count_stv_gregory(profile, {});
  EXPECT_EQ(*o.quota, "9");
  ASSERT_EQ(o.rounds.size(), 3u);
  EXPECT_EQ(votes_at(o, 1), (std::vector<std::string>{"12", "4", "5", "3"}));
  EXPECT_EQ(o.rounds[0].elected, (std::vector<CandidateId>{0}));
  EXPECT_EQ(o.rounds[1].action, "Surplus of A transferred (transfer value 1/4)");
  EXPECT_EQ(votes_at(o, 2), (std::vector<std::string>{"9", "5", "5", "3"}));
  EXPECT_EQ(o.rounds[1].exhausted, "2");
  EXPECT_TRUE(has_note(o, "stage 2: 2 votes lost by disregarding fractions"));
  EXPECT_EQ(o.rounds[2].action, "D excluded (papers at transfer value 1)");
  EXPECT_EQ(votes_at(o, 3), (std::vector<std::string>{"9", "5", "8", "0"}));
  EXPECT_EQ(o.rounds[2].excluded, (std::vector<CandidateId>{3}));
  EXPECT_EQ(o.rounds[2].elected, (std::vector<CandidateId>{2}));
  EXPECT_TRUE(has_note(o,
                       "stage 3: C elected to the last vacancy, two continuing candidates "
                       "remaining (s273(17))"));
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 2}));
}

// Three seats, 64 papers, quota 17. A's surplus 13/30 gives B exactly 13, electing B on a
// transfer with 21. B's surplus of 4 then moves every one of B's 38 papers (8 first
// preferences and the 30 from A, each counting one paper whatever it came in at: s273(12))
// at 4/38 = 2/19: C gets ⌊30 × 2/19⌋ = 3, D ⌊8 × 2/19⌋ = 0, and 1 vote is lost. (Only the
// last parcel at 4/30 would give C 4; weighted values would give C 3.71.)
TEST(StvGregory, SurplusOnATransferMovesEveryPaperAtOneValue) {
  Profile profile = profile_of({"A", "B", "C", "D", "E"},
                               {{30, {0, 1, 2}}, {8, {1, 3}}, {9, {2}}, {7, {3}}, {10, {4}}}, 3);
  Outcome o = veche::count_stv_gregory(profile, {});
  EXPECT_EQ(*o.quota, "17");
  ASSERT_EQ(o.rounds.size(), 4u);
  EXPECT_EQ(o.rounds[1].action, "Surplus of A transferred (transfer value 13/30)");
  EXPECT_EQ(votes_at(o, 2), (std::vector<std::string>{"17", "21", "9", "7", "10"}));
  EXPECT_EQ(o.rounds[1].elected, (std::vector<CandidateId>{1}));
  EXPECT_EQ(o.rounds[2].action, "Surplus of B transferred (transfer value 2/19)");
  EXPECT_EQ(votes_at(o, 3), (std::vector<std::string>{"17", "17", "12", "7", "10"}));
  EXPECT_EQ(o.rounds[2].exhausted, "1");
  EXPECT_TRUE(has_note(o, "stage 3: 1 vote lost by disregarding fractions"));
  ASSERT_EQ(o.rounds[2].transfers.size(), 2u);  // to C, and the lost vote
  EXPECT_EQ(o.rounds[2].transfers[0].to, CandidateId{2});
  EXPECT_EQ(o.rounds[2].transfers[0].votes, "3");
  EXPECT_EQ(o.rounds[2].transfers[1].to, std::nullopt);
  EXPECT_EQ(o.rounds[2].transfers[1].votes, "1");
  // D's 7 papers exhaust; C and E are left for the last vacancy.
  EXPECT_EQ(o.rounds[3].action, "D excluded (papers at transfer value 1)");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1, 2}));
}

// Three seats, 75 papers, quota 19. A's surplus gives X 3 votes at 3/22. X, lowest, is
// excluded in two transfers, highest value first (s273(13AA)): the 6 papers at 1 elect Y
// with 20; Y's surplus waits (s273(14)), and the 22 papers at 3/22 pass Y by (s273(16)) to
// Z, 3 votes. Then Y's surplus of 1 moves Y's 20 papers at 1/20: Q's 6 papers carry 0.3,
// so Q gets nothing and the vote is lost.
TEST(StvGregory, ExclusionMovesParcelsHighestValueFirst) {
  Profile profile = profile_of(
      {"A", "X", "Y", "Z", "P", "Q"},
      {{22, {0, 1, 2, 3}}, {6, {1, 2, 5}}, {14, {2}}, {11, {3}}, {10, {4}}, {12, {5}}}, 3);
  Outcome o = veche::count_stv_gregory(profile, {});
  EXPECT_EQ(*o.quota, "19");
  ASSERT_EQ(o.rounds.size(), 6u);
  EXPECT_EQ(o.rounds[1].action, "Surplus of A transferred (transfer value 3/22)");
  EXPECT_EQ(votes_at(o, 2), (std::vector<std::string>{"19", "9", "14", "11", "10", "12"}));
  EXPECT_EQ(o.rounds[2].action, "X excluded (papers at transfer value 1)");
  EXPECT_EQ(o.rounds[2].excluded, (std::vector<CandidateId>{1}));
  EXPECT_EQ(votes_at(o, 3), (std::vector<std::string>{"19", "3", "20", "11", "10", "12"}));
  EXPECT_EQ(o.rounds[2].elected, (std::vector<CandidateId>{2}));
  EXPECT_EQ(o.rounds[3].action, "X excluded (papers at transfer value 3/22)");
  EXPECT_TRUE(o.rounds[3].excluded.empty());
  EXPECT_EQ(votes_at(o, 4), (std::vector<std::string>{"19", "0", "20", "14", "10", "12"}));
  EXPECT_EQ(o.rounds[4].action, "Surplus of Y transferred (transfer value 1/20)");
  EXPECT_EQ(votes_at(o, 5), (std::vector<std::string>{"19", "0", "19", "14", "10", "12"}));
  EXPECT_TRUE(has_note(o, "stage 5: 1 vote lost by disregarding fractions"));
  EXPECT_EQ(o.rounds[5].action, "P excluded (papers at transfer value 1)");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 2, 3}));
}

// Two seats, 36 papers, quota 13, nobody elected. In the poll C, D, E (1 each), G 7, F 8,
// A 9, B 9: leading shortfall 13 − 9 = 4, vacancy shortfall 4 + 4 = 8. E's notional vote
// (C + D + E = 3) is below the vacancy shortfall and below G's 7, so E is Candidate B
// (s273(13A)(b)); 3 is below the leading shortfall, so E and everyone lower go together
// (13A)(c). They are level at 1, but all go, so no tie is broken.
TEST(StvGregory, BulkExclusionTakesCandidateBAndEveryoneLower) {
  Profile profile = profile_of(
      {"A", "B", "C", "D", "E", "F", "G"},
      {{9, {0}}, {9, {1}}, {1, {2, 0}}, {1, {3, 1}}, {1, {4, 0}}, {8, {5}}, {7, {6, 1}}}, 2);
  Outcome o = veche::count_stv_gregory(profile, {});
  EXPECT_EQ(*o.quota, "13");
  ASSERT_GE(o.rounds.size(), 2u);
  EXPECT_EQ(o.rounds[1].action, "C, D and E excluded (papers at transfer value 1)");
  EXPECT_EQ(o.rounds[1].excluded, (std::vector<CandidateId>{2, 3, 4}));
  EXPECT_TRUE(o.rounds[1].ties.empty());
  EXPECT_EQ(votes_at(o, 2), (std::vector<std::string>{"11", "10", "0", "0", "0", "8", "7"}));
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{1, 0}));
}

// The same with E at 2 (37 papers, quota 13): E's notional vote, 4, is Candidate B's but
// not below the leading shortfall of 4, so the cut is Candidate C, the highest whose
// notional vote is below it: D (1 + 1 = 2). C and D go; E stays (s273(13A)(d)).
TEST(StvGregory, BulkExclusionStopsAtCandidateC) {
  Profile profile = profile_of(
      {"A", "B", "C", "D", "E", "F", "G"},
      {{9, {0}}, {9, {1}}, {1, {2, 0}}, {1, {3, 1}}, {2, {4, 0}}, {8, {5}}, {7, {6, 1}}}, 2);
  Outcome o = veche::count_stv_gregory(profile, {});
  ASSERT_GE(o.rounds.size(), 3u);
  EXPECT_EQ(o.rounds[1].excluded, (std::vector<CandidateId>{2, 3}));
  EXPECT_EQ(votes_at(o, 2), (std::vector<std::string>{"10", "10", "0", "0", "2", "8", "7"}));
  EXPECT_EQ(o.rounds[2].excluded, (std::vector<CandidateId>{4}));
}

// Three seats, quota 4; A's 9 papers exhaust with the surplus. With two vacancies left and
// B 2, C 1, D 0 continuing, (13A)(c) would exclude C and D, but that would leave fewer
// continuing candidates than vacancies: (13B) excludes only D, and then B and C are as many
// as the vacancies (s273(18)).
TEST(StvGregory, BulkExclusionLeavesEnoughCandidatesForTheVacancies) {
  Profile profile = profile_of({"A", "B", "C", "D"}, {{9, {0}}, {2, {1}}, {1, {2, 3}}}, 3);
  Outcome o = veche::count_stv_gregory(profile, {});
  EXPECT_EQ(*o.quota, "4");
  ASSERT_EQ(o.rounds.size(), 3u);
  EXPECT_EQ(o.rounds[1].exhausted, "5");
  EXPECT_EQ(o.rounds[2].action, "D excluded");
  EXPECT_EQ(o.rounds[2].excluded, (std::vector<CandidateId>{3}));
  EXPECT_TRUE(has_note(o,
                       "stage 3: B and C elected, continuing candidates being as many as "
                       "the vacancies left (s273(18))"));
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1, 2}));
}

// Two left for the last vacancy with equal votes: by lot (s273(17)), not by looking back.
TEST(StvGregory, EqualVotesForTheLastVacancyGoToTheLot) {
  Profile profile = profile_of({"A", "B", "C"}, {{3, {0}}, {3, {1}}, {1, {2}}}, 1);
  CountOptions options;
  options.ties.order = {1, 0, 2};  // the returning officer's order stands in for the lot
  Outcome o = veche::count_stv_gregory(profile, options);
  ASSERT_EQ(o.rounds.size(), 2u);
  ASSERT_EQ(o.rounds[1].ties.size(), 1u);
  EXPECT_EQ(o.rounds[1].ties[0].purpose, "last vacancy (s273(17))");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{1}));
}

TEST(StvGregory, EdgesOfTheCount) {
  Profile profile = profile_of({"A", "B", "C"}, {{6, {0, 1}}, {2, {1}}, {3, {2}}, {4, {}}}, 2);
  Outcome o = veche::count_stv_gregory(profile, {});
  EXPECT_EQ(*o.quota, "4");  // 11 formal papers, not 15
  EXPECT_TRUE(has_note(o, "4 ballots name no standing candidate and are not counted"));
  CountOptions more;
  more.seats = 5;
  EXPECT_EQ(veche::count_stv_gregory(profile, more).elected.size(), 3u);
  profile.seats = 0;
  EXPECT_THROW(veche::count_stv_gregory(profile, {}), veche::UsageError);
}

// --- properties --------------------------------------------------------------------------

using veche::testing::Election;
using veche::testing::shuffled;

Election any_election() {
  veche::testing::ElectionShape shape;
  shape.most = 9;
  shape.heaviest = 40;
  return veche::testing::any_election(shape);
}

// With one seat the quota is a majority and every transfer is at a value of 1: the count
// is the instant runoff (a bulk exclusion takes only candidates who could not have
// overtaken anyone). The tie order is fixed and nothing looks back, because bulk exclusion
// makes fewer stages than IRV makes rounds, so the earlier totals differ.
RC_GTEST_PROP(StvGregoryProperties, OneSeatElectsTheIrvWinner, ()) {
  Election e = any_election();
  Profile profile = profile_of(e.names, e.ballots, 1);
  CountOptions options;
  options.ties.look_back = veche::TiePolicy::LookBack::none;
  options.ties.order.resize(e.names.size());
  std::iota(options.ties.order.begin(), options.ties.order.end(), CandidateId{0});
  RC_ASSERT(veche::count_stv_gregory(profile, options).elected ==
            veche::count_irv(profile, options).elected);
}

using veche::testing::same_count;

RC_GTEST_PROP(StvGregoryProperties, BallotOrderDoesNotMatter, ()) {
  Election e = any_election();
  int seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()));
  Profile first = profile_of(e.names, e.ballots, seats);
  Profile second = profile_of(e.names, shuffled(e.ballots), seats);
  RC_ASSERT(same_count(veche::count_stv_gregory(first, {}), veche::count_stv_gregory(second, {})));
}

// Every seat filled, nobody twice; at every stage the totals and non-transferable add up
// to the formal papers, and what a stage moves is what the candidates it came from lost.
RC_GTEST_PROP(StvGregoryProperties, FillsTheSeatsAndEveryStageBalances, ()) {
  Election e = any_election();
  int seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()) + 1);
  Profile profile = profile_of(e.names, e.ballots, seats);
  Outcome o = veche::count_stv_gregory(profile, {});
  RC_ASSERT(o.elected.size() == static_cast<std::size_t>(seats));
  auto sorted = o.elected;
  std::sort(sorted.begin(), sorted.end());
  RC_ASSERT(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  for (std::size_t r = 0; r < o.rounds.size(); ++r) {
    const veche::Round& round = o.rounds[r];
    std::int64_t sum = std::stoll(round.exhausted);
    for (const std::string& v : round.votes) sum += std::stoll(v);
    RC_ASSERT(sum == static_cast<std::int64_t>(profile.total_weight()));
    if (r == 0) continue;
    std::int64_t moved = 0, lost = 0;
    for (const veche::Transfer& t : round.transfers) moved += std::stoll(t.votes);
    for (std::size_t c = 0; c < round.votes.size(); ++c) {
      std::int64_t change = std::stoll(round.votes[c]) - std::stoll(o.rounds[r - 1].votes[c]);
      if (change < 0) lost -= change;
    }
    RC_ASSERT(moved == lost);
  }
}

}  // namespace
