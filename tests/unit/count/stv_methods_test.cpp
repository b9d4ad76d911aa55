// The arithmetics STV rules count with, stv-wigm and stv-meek on small hand-counted
// profiles, and properties every STV rule must have.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "stv_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/core/fixed.hpp"
#include "veche/core/rational.hpp"
#include "veche/count/methods.hpp"

namespace {

using veche::CandidateId;
using veche::CountOptions;
using veche::Outcome;
using veche::Profile;
using veche::Weight;
using Five = veche::Fixed<5, veche::Truncate>;

// --- arithmetic ------------------------------------------------------------------------

TEST(StvArithmetic, FixedPrintsExactlyItsPlaces) {
  EXPECT_EQ(Five::whole(1322).to_string(), "1322.00000");
  EXPECT_EQ(Five::from_raw(5).to_string(), "0.00005");
  EXPECT_EQ((Five::whole(0) - Five::from_raw(150000)).to_string(), "-1.50000");
  EXPECT_EQ((veche::Fixed<0, veche::Truncate>::whole(7)).to_string(), "7");
  EXPECT_EQ(Five::describe(), "fixed 5 places, truncated");
}

TEST(StvArithmetic, FixedParsesPublishedFigures) {
  EXPECT_EQ(Five::parse("806.07214")->raw(), 80607214);
  EXPECT_EQ(Five::parse("151")->raw(), 15100000);
  EXPECT_EQ(Five::parse("212.214")->raw(), 21221400);
  EXPECT_FALSE(Five::parse("1.000001"));
  EXPECT_FALSE(Five::parse("1.2.3"));
  EXPECT_FALSE(Five::parse(""));
}

TEST(StvArithmetic, TransferValueIsRoundedOnceAsTheRuleSays) {
  // Scottish rule 48(3): 690 × 1 / 2012, remainder ignored.
  EXPECT_EQ(muldiv(Five::whole(690), Five::whole(1), Five::whole(2012)).to_string(), "0.34294");
  using Up = veche::Fixed<5, veche::RoundUp>;
  using Half = veche::Fixed<5, veche::RoundHalfUp>;
  EXPECT_EQ((Up::whole(2) / Up::whole(3)).to_string(), "0.66667");
  EXPECT_EQ((Five::whole(2) / Five::whole(3)).to_string(), "0.66666");
  EXPECT_EQ((Half::whole(1) / Half::whole(8)).to_string(), "0.12500");
  EXPECT_EQ((Half::from_raw(5) * Half::ratio(1, 2)).to_string(), "0.00003");
  EXPECT_EQ((Five::from_raw(5) * Five::ratio(1, 2)).to_string(), "0.00002");
  // Products of two large figures stay exact before the one rounding.
  auto big = Five::whole(14207);
  EXPECT_EQ(muldiv(big, big, big), big);
}

TEST(StvArithmetic, RationalIsExactAndPrintsTruncated) {
  using veche::Rational;
  Rational third = Rational::ratio(1, 3);
  EXPECT_EQ(third + third + third, Rational::whole(1));
  EXPECT_EQ(third.to_string(), "0.333333333");
  EXPECT_EQ(Rational::ratio(-7, 2).to_string(), "-3.500000000");
  EXPECT_EQ((third * Weight{6}).fraction(), "2");
  EXPECT_TRUE(third < Rational::ratio(1, 2));
}

// --- hand-counted profiles ---------------------------------------------------------------

using veche::testing::profile_of;

// Six A>B, two B, three C; two seats. A's surplus of 2 over the quota of 4 is a third of
// each of A's six papers: exactly 2 for B in exact arithmetic, 6 × 0.33333 in five places.
Profile small_surplus() {
  return profile_of({"A", "B", "C"}, {{6, {0, 1}}, {2, {1}}, {3, {2}}}, 2);
}

TEST(StvWigm, FivePlacesLoseAFractionAndElectByRule52) {
  Outcome o = veche::count_stv_wigm(small_surplus(), {});
  EXPECT_EQ(*o.quota, "4.00000");
  ASSERT_EQ(o.rounds.size(), 3u);
  EXPECT_EQ(o.rounds[1].action, "Surplus of A transferred");
  EXPECT_EQ(o.rounds[1].votes[1], "3.99998");
  EXPECT_EQ(o.rounds[1].exhausted, "0.00002");
  EXPECT_EQ(o.rounds[2].action, "C excluded");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1}));
  EXPECT_EQ(o.rounds[2].elected, (std::vector<CandidateId>{1}));  // deemed elected (rule 52)
}

TEST(StvWigm, ExactArithmeticReachesTheQuotaExactly) {
  CountOptions options;
  options.exact = true;
  Outcome o = veche::count_stv_wigm(small_surplus(), options);
  ASSERT_EQ(o.rounds.size(), 2u);
  EXPECT_EQ(o.rounds[1].votes[1], "4.000000000");
  EXPECT_EQ(o.rounds[1].elected, (std::vector<CandidateId>{1}));
  EXPECT_EQ(o.arithmetic, "exact rational");
}

TEST(StvWigm, QuotaAndPlacesAreOptions) {
  CountOptions options;
  options.quota = "hare";
  options.decimal_places = 2;
  Outcome o = veche::count_stv_wigm(small_surplus(), options);
  EXPECT_EQ(*o.quota, "5.00");  // floor(11 / 2)
  EXPECT_EQ(o.arithmetic, "fixed 2 places, truncated");
  options.quota = "hare-fractional";
  EXPECT_EQ(*veche::count_stv_wigm(small_surplus(), options).quota, "5.50");
  options.quota = "droop-fractional";
  EXPECT_EQ(*veche::count_stv_wigm(small_surplus(), options).quota, "3.66");
}

TEST(StvWigm, RefusesUnknownQuotaAndPlaces) {
  CountOptions options;
  options.quota = "imperiali";
  EXPECT_THROW(veche::count_stv_wigm(small_surplus(), options), veche::UsageError);
  options.quota.clear();
  options.decimal_places = 12;
  EXPECT_THROW(veche::count_stv_wigm(small_surplus(), options), veche::UsageError);
}

// Meek, 9 places as New Zealand rounds them: quota 11/3 truncated + 0.000000001; A keeps
// 0.611111112 of each paper (3.666666667 / 6 rounded up) and passes 0.388888888 to B.
TEST(StvMeek, KeepValuesBringTheElectedDownToTheQuota) {
  Outcome o = veche::count_stv_meek(small_surplus(), {});
  ASSERT_EQ(o.rounds.size(), 2u);
  EXPECT_EQ(o.rounds[0].votes[0], "6.000000000");
  EXPECT_EQ(o.rounds[1].action, "B elected");
  EXPECT_EQ(o.rounds[1].votes[0], "3.666666672");
  EXPECT_EQ(o.rounds[1].votes[1], "4.333333328");
  EXPECT_EQ(*o.quota, "3.666666667");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1}));
  EXPECT_EQ(o.arithmetic, "fixed 9 places, rounded up");
}

TEST(StvMeek, ExactArithmeticElectsTheSame) {
  CountOptions options;
  options.exact = true;
  Outcome o = veche::count_stv_meek(small_surplus(), options);
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1}));
  EXPECT_EQ(o.arithmetic, "exact rational");
}

// --- the edges of a count ---------------------------------------------------------------

// Two level at the bottom at every stage: the lot decides, and the Outcome says so.
TEST(StvScottishEdges, AnEqualLowestAtEveryStageGoesToTheLot) {
  Profile profile = profile_of({"A", "B", "C"}, {{4, {0}}, {2, {1}}, {2, {2}}}, 1);
  CountOptions options;
  options.ties.seed = "2017";
  Outcome o = veche::count_stv_scottish(profile, options);
  ASSERT_GE(o.rounds.size(), 2u);
  ASSERT_EQ(o.rounds[1].ties.size(), 1u);
  const veche::Tie& tie = o.rounds[1].ties[0];
  EXPECT_EQ(tie.purpose, "exclusion");
  EXPECT_EQ(tie.resolved_by, "lot (seed \"2017\")");
  EXPECT_EQ(o.rounds[1].excluded, std::vector<CandidateId>{tie.chosen});
  EXPECT_EQ(o.tie_seed, "2017");
  EXPECT_EQ(o.elected, std::vector<CandidateId>{0});
}

// A tie the earlier stages settle: quota 9, A's surplus of 1 lifts B from 3 to 4, level
// with C; B had fewer at stage 1, so B is excluded (rule 51(2)).
TEST(StvScottishEdges, AnEqualLowestLooksBackToTheLatestStageWhereTheyDiffered) {
  Profile profile =
      profile_of({"A", "B", "C", "D"}, {{10, {0, 1}}, {3, {1}}, {4, {2}}, {8, {3}}}, 2);
  Outcome o = veche::count_stv_scottish(profile, {});
  ASSERT_GE(o.rounds.size(), 3u);
  EXPECT_EQ(o.rounds[1].votes[1], "4.00000");
  EXPECT_EQ(o.rounds[2].action, "B excluded");
  ASSERT_EQ(o.rounds[2].ties.size(), 1u);
  EXPECT_EQ(o.rounds[2].ties[0].resolved_by, "earlier rounds (round 1)");
  EXPECT_EQ(o.rounds[2].ties[0].tied, (std::vector<CandidateId>{1, 2}));
}

TEST(StvScottishEdges, WithdrawnCandidatesAreStruckFromEveryBallot) {
  Profile profile = small_surplus();
  CountOptions options;
  options.withdraw = {1};  // B
  Outcome o = veche::count_stv_scottish(profile, options);
  EXPECT_EQ(o.rounds[0].votes[1], "");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 2}));
}

TEST(StvScottishEdges, MoreSeatsThanCandidatesElectsEveryone) {
  CountOptions options;
  options.seats = 5;
  Outcome o = veche::count_stv_scottish(small_surplus(), options);
  EXPECT_EQ(o.elected.size(), 3u);
  EXPECT_EQ(o.rounds.size(), 1u);
}

TEST(StvScottishEdges, BallotsNamingNoOneStandingAreNotValid) {
  Profile profile = profile_of({"A", "B", "C"}, {{6, {0, 1}}, {2, {1}}, {3, {2}}, {4, {}}}, 2);
  Outcome o = veche::count_stv_scottish(profile, {});
  EXPECT_EQ(*o.quota, "4.00000");  // 11 valid, not 15
  EXPECT_NE(std::find(o.notes.begin(), o.notes.end(),
                      "4 ballots name no standing candidate and are not counted"),
            o.notes.end());
}

TEST(StvScottishEdges, NoSeatsIsRefused) {
  Profile profile = small_surplus();
  profile.seats = 0;
  EXPECT_THROW(veche::count_stv_scottish(profile, {}), veche::UsageError);
  EXPECT_THROW(veche::count_stv_meek(profile, {}), veche::UsageError);
}

// --- properties --------------------------------------------------------------------------

using veche::testing::any_election;
using veche::testing::Election;
using veche::testing::ElectionShape;
using veche::testing::shuffled;

// With one seat every quota rule is a majority rule: STV is the instant runoff. A fixed
// tie order makes the lot the same whatever the stage numbers are.
RC_GTEST_PROP(StvProperties, OneSeatElectsTheIrvWinner, ()) {
  Election e = any_election();
  Profile profile = profile_of(e.names, e.ballots, 1);
  CountOptions options;
  options.ties.order.resize(e.names.size());
  std::iota(options.ties.order.begin(), options.ties.order.end(), CandidateId{0});
  Outcome irv_count = veche::count_irv(profile, options);
  auto irv = irv_count.elected;
  RC_ASSERT(veche::count_stv_scottish(profile, options).elected == irv);
  RC_ASSERT(veche::count_stv_wigm(profile, options).elected == irv);
  RC_ASSERT(veche::count_stv_meek(profile, options).elected == irv);
  // ERS97 settles ties by the first stage where the tied differed, and its stages are not
  // IRV's rounds (exclusions together, sub-stages), so it answers to IRV where no tie arose.
  Outcome ers97 = veche::count_stv_ers97(profile, options);
  auto met_a_tie = [](const Outcome& o) {
    bool noted = std::any_of(o.notes.begin(), o.notes.end(), [](const std::string& n) {
      return n.find("(5.6.2)") != std::string::npos;
    });
    return noted || std::any_of(o.rounds.begin(), o.rounds.end(),
                                [](const veche::Round& r) { return !r.ties.empty(); });
  };
  RC_CLASSIFY(met_a_tie(irv_count) || met_a_tie(ers97), "a tie");
  if (!met_a_tie(irv_count) && !met_a_tie(ers97)) RC_ASSERT(ers97.elected == irv);
}

// Whether a surplus ever arose: an elected candidate holding more than the quota at any
// stage from their election on. Meek's quota falls as papers exhaust, so for Meek: whether
// any keep value was ever lowered (an iteration ran).
bool met_a_surplus(const Outcome& o) {
  if (o.method == "stv-meek") {
    return std::find(o.notes.begin(), o.notes.end(), "iterations: 0") == o.notes.end();
  }
  const long double quota = std::stold(o.quota.value());
  std::vector<bool> elected(o.candidates.size(), false);
  for (const veche::Round& r : o.rounds) {
    for (CandidateId c : r.elected) elected[c] = true;
    for (CandidateId c = 0; c < o.candidates.size(); ++c) {
      if (elected[c] && !r.votes[c].empty() && std::stold(r.votes[c]) > quota + 1e-9L) return true;
    }
  }
  return false;
}

bool met_any_tie(const Outcome& o) {
  return std::any_of(o.rounds.begin(), o.rounds.end(),
                     [](const veche::Round& r) { return !r.ties.empty(); });
}

// Where no surplus arises the three inclusive Gregory family rules do the same thing —
// exclude the lowest and pass their papers on at full value — so they elect the same
// candidates (their quotas differ, hence the order of election may not). Ties are left
// out: each rule looks back its own way.
// Short ballots spread over many candidates, so that often no one reaches the quota and
// the last seats go to those left: profiles without surpluses.
Election spread_election() {
  ElectionShape shape;
  shape.fewest = 5;
  shape.most = 10;
  shape.min_ballots = 10;
  shape.max_ballots = 30;
  shape.longest = 3;
  shape.heaviest = 10;
  return any_election(shape);
}

RC_GTEST_PROP(StvProperties, WithoutSurplusesMeekWigmAndScottishAgree, ()) {
  Election e = spread_election();
  int seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()) / 2);
  Profile profile = profile_of(e.names, e.ballots, seats);
  CountOptions options;
  options.ties.order.resize(e.names.size());
  std::iota(options.ties.order.begin(), options.ties.order.end(), CandidateId{0});
  std::vector<Outcome> counts{veche::count_stv_scottish(profile, options),
                              veche::count_stv_wigm(profile, options),
                              veche::count_stv_meek(profile, options)};
  bool comparable = std::none_of(counts.begin(), counts.end(), [](const Outcome& o) {
    return met_a_surplus(o) || met_any_tie(o);
  });
  RC_CLASSIFY(comparable, "no surplus, no tie");
  if (!comparable) return;
  auto as_set = [](std::vector<CandidateId> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  RC_ASSERT(as_set(counts[0].elected) == as_set(counts[1].elected));
  RC_ASSERT(as_set(counts[0].elected) == as_set(counts[2].elected));
}

using veche::testing::same_count;

// Ballots are a set: the order they were added in changes nothing.
RC_GTEST_PROP(StvProperties, BallotOrderDoesNotMatter, ()) {
  Election e = any_election();
  int seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()));
  Profile first = profile_of(e.names, e.ballots, seats);
  Profile second = profile_of(e.names, shuffled(e.ballots), seats);
  for (auto count : {veche::count_stv_scottish, veche::count_stv_wigm, veche::count_stv_meek,
                     veche::count_stv_ers97}) {
    RC_ASSERT(same_count(count(first, {}), count(second, {})));
  }
}

// Every STV rule fills every seat it can, and never elects anyone twice.
RC_GTEST_PROP(StvProperties, FillsTheSeats, ()) {
  Election e = any_election();
  int seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()) + 1);
  Profile profile = profile_of(e.names, e.ballots, seats);
  for (auto count : {veche::count_stv_scottish, veche::count_stv_wigm, veche::count_stv_meek,
                     veche::count_stv_ers97}) {
    Outcome o = count(profile, {});
    RC_ASSERT(o.elected.size() == static_cast<std::size_t>(seats));
    auto sorted = o.elected;
    std::sort(sorted.begin(), sorted.end());
    RC_ASSERT(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  }
}

// No vote is made or lost unseen: at every stage the candidates' totals and the
// non-transferable pile add up to the valid poll, and what a stage moves adds up to what
// left the candidate it came from.
RC_GTEST_PROP(StvProperties, EveryStageBalances, ()) {
  Election e = any_election();
  int seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()) + 1);
  Profile profile = profile_of(e.names, e.ballots, seats);
  Outcome o = veche::count_stv_scottish(profile, {});
  auto figure = [](const std::string& text) { return Five::parse(text)->raw(); };
  for (std::size_t r = 0; r < o.rounds.size(); ++r) {
    const veche::Round& round = o.rounds[r];
    std::int64_t sum = figure(round.exhausted);
    for (const std::string& v : round.votes) sum += figure(v);
    RC_ASSERT(sum == Five::whole(static_cast<std::int64_t>(profile.total_weight())).raw());
    if (r == 0 || round.transfers.empty()) continue;
    CandidateId from = round.transfers.front().from;
    std::int64_t moved = 0;
    for (const veche::Transfer& t : round.transfers) moved += figure(t.votes);
    std::int64_t left = figure(o.rounds[r - 1].votes[from]) - figure(round.votes[from]);
    RC_ASSERT(moved == left);
  }
}

}  // namespace
