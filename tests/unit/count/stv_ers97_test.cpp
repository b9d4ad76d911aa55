// stv-ers97 on small elections worked by hand from the ERS97 rules (section 5), each
// stage's figures checked; then every 2017 Scottish ward against OpenSTV's ERS97 count.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ballots.hpp"
#include "veche/core/error.hpp"
#include "veche/core/fixed.hpp"
#include "veche/count/methods.hpp"
#include "veche/io/read.hpp"
#include "veche/report/report.hpp"

namespace {

using veche::CandidateId;
using veche::CountOptions;
using veche::Outcome;
using veche::Profile;
using veche::testing::Ballots;

Profile election(const std::vector<std::string>& names, const std::vector<Ballots>& lines,
                 int seats) {
  Profile profile = veche::testing::profile_of(names, lines);
  profile.seats = seats;
  return profile;
}

// Every candidate's vote at one round, in the file's order, then the non-transferable.
std::vector<std::string> sheet_row(const Outcome& o, std::size_t round) {
  std::vector<std::string> row = o.rounds.at(round).votes;
  row.push_back(o.rounds.at(round).exhausted);
  return row;
}

bool has_note(const Outcome& o, const std::string& part) {
  return std::any_of(o.notes.begin(), o.notes.end(),
                     [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

using Row = std::vector<std::string>;

// --- the quota (5.1.6) -----------------------------------------------------------------

TEST(Ers97Quota, TwoPlacesAndRoundedUpUnlessExact) {
  auto quota = [](int voters, int seats) {
    return *veche::count_stv_ers97(
                election({"A", "B"}, {{static_cast<veche::Weight>(voters), "A"}}, seats), {})
                .quota;
  };
  EXPECT_EQ(quota(25, 3), "6.25");  // 25 / 4 exactly
  EXPECT_EQ(quota(23, 2), "7.67");  // 7.666…
  EXPECT_EQ(quota(22, 2), "7.34");  // 7.333…: remainder ignored and 0.01 added, not rounded
  EXPECT_EQ(quota(30, 2), "10.00");
}

TEST(Ers97Quota, ArithmeticIsTwoPlacesTruncated) {
  Outcome o = veche::count_stv_ers97(election({"A", "B"}, {{3, "A"}, {1, "B"}}, 1), {});
  EXPECT_EQ(o.arithmetic, "fixed 2 places, truncated");
  EXPECT_EQ(o.method, "stv-ers97");
}

// --- last parcel (5.3.1, 5.3.2, 5.3.7) --------------------------------------------------

// Three seats, 25 voters, quota 25/4 = 6.25. A's surplus arises at the first stage, so all
// A's 12 papers go on to C at 5.75/12 = 0.47 (remainder ignored): C 5 + 5.64 = 10.64,
// 0.11 non-transferable. C's surplus of 4.39 arose from that transfer, so only the last
// parcel, those 12 papers at 0.47, is examined: they go on to B at 4.39/12 = 0.36,
// 4.32 to B, 0.07 non-transferable. C's own five papers (C > D) stay: D keeps 2.
Profile last_parcel() {
  return election({"A", "B", "C", "D", "E"},
                  {{12, "A > C > B"}, {5, "C > D"}, {5, "B"}, {2, "D"}, {1, "E > B"}}, 3);
}

TEST(Ers97, SurplusFromATransferComesFromTheLastParcelOnly) {
  Outcome o = veche::count_stv_ers97(last_parcel(), {});
  EXPECT_EQ(*o.quota, "6.25");
  ASSERT_EQ(o.rounds.size(), 3u);
  EXPECT_EQ(sheet_row(o, 0), (Row{"12.00", "5.00", "5.00", "2.00", "1.00", "0.00"}));
  EXPECT_EQ(o.rounds[1].action, "Surplus of A transferred");
  EXPECT_EQ(sheet_row(o, 1), (Row{"6.25", "5.00", "10.64", "2.00", "1.00", "0.11"}));
  EXPECT_EQ(o.rounds[2].action, "Surplus of C transferred");
  EXPECT_EQ(sheet_row(o, 2), (Row{"6.25", "9.32", "6.25", "2.00", "1.00", "0.18"}));
  EXPECT_EQ(o.rounds[1].elected, std::vector<CandidateId>{2});
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 2, 1}));
  ASSERT_EQ(o.rounds[2].transfers.size(), 2u);
  EXPECT_EQ(o.rounds[2].transfers[0].to, std::optional<CandidateId>{1});
  EXPECT_EQ(o.rounds[2].transfers[0].votes, "4.32");
  EXPECT_EQ(o.rounds[2].transfers[1].to, std::nullopt);
  EXPECT_EQ(o.rounds[2].transfers[1].votes, "0.07");
  // The inclusive Gregory rule takes every paper C holds and so gives D a share.
  Outcome wigm = veche::count_stv_wigm(last_parcel(), {});
  EXPECT_NE(wigm.rounds[2].votes[3], "2.00000");
}

// Only transferable papers share a surplus (5.3.7): 8 of A's 10 papers name someone
// next, so each carries 2.66 / 8 = 0.33, not 2.66 / 10.
TEST(Ers97, OnlyTransferablePapersShareTheSurplus) {
  Outcome o = veche::count_stv_ers97(
      election({"A", "B", "C", "D"}, {{8, "A > B"}, {2, "A"}, {4, "B"}, {5, "C"}, {3, "D > C"}}, 2),
      {});
  EXPECT_EQ(*o.quota, "7.34");
  ASSERT_GE(o.rounds.size(), 2u);
  EXPECT_EQ(sheet_row(o, 1), (Row{"7.34", "6.64", "5.00", "3.00", "0.02"}));
}

// --- deferred surplus and bulk exclusion (5.2.2, 5.2.5) ---------------------------------

// Two seats, 23 voters, quota 7.67. A's surplus of 2.33 cannot change who goes: D and E
// have 1 each, 2 together, and 2 + 2.33 = 4.33 does not exceed C's 5. So the surplus is
// deferred and D and E are excluded together (5.2.5); then A's surplus goes to B at
// 2.33/10 = 0.23, 2.30, and B is elected.
TEST(Ers97, SurplusIsDeferredAndTheLowestExcludedTogether) {
  Outcome o = veche::count_stv_ers97(
      election({"A", "B", "C", "D", "E"},
               {{10, "A > B"}, {6, "B"}, {5, "C"}, {1, "D > C"}, {1, "E > C"}}, 2),
      {});
  EXPECT_EQ(*o.quota, "7.67");
  ASSERT_EQ(o.rounds.size(), 3u);
  EXPECT_EQ(o.rounds[1].action, "D and E excluded");
  EXPECT_EQ(o.rounds[1].excluded, (std::vector<CandidateId>{3, 4}));
  EXPECT_EQ(sheet_row(o, 1), (Row{"10.00", "6.00", "7.00", "0.00", "0.00", "0.00"}));
  EXPECT_EQ(o.rounds[2].action, "Surplus of A transferred");
  EXPECT_EQ(sheet_row(o, 2), (Row{"7.67", "8.30", "7.00", "0.00", "0.00", "0.03"}));
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1}));
  EXPECT_TRUE(has_note(o, "surplus of A (2.33) deferred"));
}

// --- exclusion batch by batch (5.4) -----------------------------------------------------

// Three seats, 38 voters, quota 9.50. D holds 3 papers of their own at 1.00 and 12 of A's
// at 2.50/12 = 0.20. When D is excluded (E's surplus of 0.50 deferred: D 5.40 + 0.50 does
// not exceed C's 6) the papers go in two sub-stages, highest value first: 3.00 to C, then
// 2.40 to B. E's surplus then comes from the last parcel E received, F's two papers, which
// name no one next; B, on 9.40 with 18.40 active, is elected on the total active vote
// divided by two (5.3.13(b)).
TEST(Ers97, AnExclusionGoesBatchByBatchHighestValueFirst) {
  Outcome o = veche::count_stv_ers97(
      election({"A", "B", "C", "D", "E", "F"},
               {{12, "A > D > B"}, {7, "B"}, {6, "C"}, {3, "D > C"}, {8, "E"}, {2, "F > E"}}, 3),
      {});
  EXPECT_EQ(*o.quota, "9.50");
  ASSERT_EQ(o.rounds.size(), 6u);
  EXPECT_EQ(sheet_row(o, 1), (Row{"9.50", "7.00", "6.00", "5.40", "8.00", "2.00", "0.10"}));
  EXPECT_EQ(o.rounds[2].action, "F excluded");
  EXPECT_EQ(sheet_row(o, 2), (Row{"9.50", "7.00", "6.00", "5.40", "10.00", "0.00", "0.10"}));
  EXPECT_EQ(o.rounds[3].action, "D excluded, sub-stage 1 of 2: papers at 1.00");
  EXPECT_EQ(sheet_row(o, 3), (Row{"9.50", "7.00", "9.00", "2.40", "10.00", "0.00", "0.10"}));
  EXPECT_EQ(o.rounds[3].excluded, std::vector<CandidateId>{3});
  EXPECT_EQ(o.rounds[4].action, "D excluded, sub-stage 2 of 2: papers at 0.20");
  EXPECT_EQ(sheet_row(o, 4), (Row{"9.50", "9.40", "9.00", "0.00", "10.00", "0.00", "0.10"}));
  EXPECT_EQ(o.rounds[5].action, "Surplus of E transferred");
  EXPECT_EQ(sheet_row(o, 5), (Row{"9.50", "9.40", "9.00", "0.00", "9.50", "0.00", "0.60"}));
  EXPECT_EQ(o.rounds[5].elected, std::vector<CandidateId>{1});
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 4, 1}));
  EXPECT_TRUE(has_note(o, "surplus of E (0.50) deferred"));
  EXPECT_TRUE(has_note(o, "C formally excluded"));
}

// --- the quota falls while no one is elected (5.4.8) ------------------------------------

// 22 voters, two seats: quota 7.34, and no one reaches it. D's 4 papers name no one else;
// once they are non-transferable the quota is recalculated on 18 votes: 6.00. A (7) and
// B (exactly 6) are elected.
TEST(Ers97, NonTransferablePapersBeforeAnyoneIsElectedLowerTheQuota) {
  Outcome o = veche::count_stv_ers97(
      election({"A", "B", "C", "D"}, {{7, "A"}, {6, "B"}, {5, "C"}, {4, "D"}}, 2), {});
  ASSERT_EQ(o.rounds.size(), 2u);
  EXPECT_EQ(o.rounds[1].action, "D excluded");
  EXPECT_EQ(o.rounds[1].exhausted, "4.00");
  EXPECT_EQ(*o.quota, "6.00");
  EXPECT_EQ(o.rounds[1].elected, (std::vector<CandidateId>{0, 1}));
  EXPECT_TRUE(has_note(o, "quota now 6.00 (5.4.8)"));
}

// --- elected on the total active vote (5.1.7(b), 5.3.13(b)) -----------------------------

// Quota 20/3 = 6.67. A's surplus of 3.33 names no one next and is all non-transferable;
// B's 5 then equal half the total active vote (5 + 4 + 1), and B is deemed elected below
// the quota.
TEST(Ers97, ElectedOnTheTotalActiveVoteBelowTheQuota) {
  Outcome o = veche::count_stv_ers97(
      election({"A", "B", "C", "D"}, {{10, "A"}, {5, "B"}, {4, "C"}, {1, "D"}}, 2), {});
  ASSERT_EQ(o.rounds.size(), 2u);
  EXPECT_EQ(sheet_row(o, 1), (Row{"6.67", "5.00", "4.00", "1.00", "3.33"}));
  EXPECT_EQ(o.rounds[1].elected, std::vector<CandidateId>{1});
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 1}));
}

// --- ties (5.2.5, 5.6.2, 5.5.1) ---------------------------------------------------------

// B and C are level at 6 when one must go. At stage 1 B had fewer (4 to 5); at stage 2 C
// had (5 to 6). ERS97 looks at the first stage first, so B is excluded; the Scottish
// look-back, latest stage first, would have taken C.
TEST(Ers97Ties, EqualLowestGoByTheFirstStageWhereTheyDiffered) {
  Profile profile =
      election({"A", "B", "C", "D", "E", "F"},
               {{11, "A"}, {10, "F"}, {4, "B"}, {5, "C"}, {2, "D > B"}, {1, "E > C"}, {2, "E"}}, 2);
  CountOptions options;
  options.ties.look_back = veche::TiePolicy::LookBack::backward;  // the rule overrides it
  Outcome o = veche::count_stv_ers97(profile, options);
  ASSERT_GE(o.rounds.size(), 4u);
  EXPECT_EQ(o.rounds[2].action, "E excluded");
  EXPECT_EQ(o.rounds[2].votes[1], "6.00");
  EXPECT_EQ(o.rounds[2].votes[2], "6.00");
  EXPECT_EQ(o.rounds[2].elected, std::vector<CandidateId>{0});  // the quota fell to 11.00
  EXPECT_EQ(o.rounds[3].action, "B excluded");
  ASSERT_EQ(o.rounds[3].ties.size(), 1u);
  EXPECT_EQ(o.rounds[3].ties[0].purpose, "exclusion");
  EXPECT_EQ(o.rounds[3].ties[0].resolved_by, "earlier rounds (round 1)");
  EXPECT_EQ(o.elected, (std::vector<CandidateId>{0, 5}));
}

// One seat and two candidates level at the quota at every stage: neither is deemed
// elected (5.6.2); the lot excludes one, which leaves as many as the places, so the other
// is deemed elected (5.5.1) without a further stage.
TEST(Ers97Ties, LevelAtEveryStageGoesToTheLot) {
  CountOptions options;
  options.ties.seed = "1997";
  Outcome o = veche::count_stv_ers97(election({"A", "B"}, {{3, "A"}, {3, "B"}}, 1), options);
  EXPECT_EQ(*o.quota, "3.00");
  ASSERT_EQ(o.rounds.size(), 1u);
  ASSERT_EQ(o.rounds[0].ties.size(), 1u);
  const veche::Tie& tie = o.rounds[0].ties[0];
  EXPECT_EQ(tie.resolved_by, "lot (seed \"1997\")");
  ASSERT_EQ(o.elected.size(), 1u);
  EXPECT_NE(o.elected[0], tie.chosen);
  EXPECT_TRUE(has_note(o, "(5.6.2)"));
  EXPECT_TRUE(has_note(o, "(5.5.1)"));
}

TEST(Ers97Edges, WithdrawnCandidatesAndInvalidPapers) {
  CountOptions options;
  options.withdraw = {3};  // D: the 2 papers for D alone name no one standing
  Outcome o = veche::count_stv_ers97(last_parcel(), options);
  EXPECT_EQ(o.rounds[0].votes[3], "");
  EXPECT_EQ(*o.quota, "5.75");  // 23 valid / 4
  EXPECT_TRUE(has_note(o, "2 ballots name no standing candidate"));
  EXPECT_EQ(std::count(o.elected.begin(), o.elected.end(), CandidateId{3}), 0);
}

TEST(Ers97Edges, NoSeatsIsRefused) {
  Profile profile = last_parcel();
  profile.seats = 0;
  EXPECT_THROW(veche::count_stv_ers97(profile, {}), veche::UsageError);
}

// --- the result sheet through the reports --------------------------------------------

TEST(Ers97Reports, TextJsonAndHtmlShowEveryStage) {
  Outcome o = veche::count_stv_ers97(last_parcel(), {});
  std::string text = veche::outcome_text(o);
  EXPECT_NE(text.find("Quota: 6.25"), std::string::npos);
  EXPECT_NE(text.find("Round 3: Surplus of C transferred"), std::string::npos);
  EXPECT_NE(text.find("10.64"), std::string::npos);
  EXPECT_NE(text.find("Elected: A, C, B"), std::string::npos);
  auto json = veche::outcome_json(o);
  EXPECT_EQ(json["method"], "stv-ers97");
  EXPECT_EQ(json["rounds"][1]["votes"]["C"], "10.64");
  EXPECT_EQ(json["rounds"][2]["exhausted"], "0.18");
  std::string html = veche::outcome_html(o, "last parcel");
  EXPECT_NE(html.find("Surplus of A transferred"), std::string::npos);
}

// --- properties --------------------------------------------------------------------

// No vote is made or lost unseen: at every stage, sub-stages included, the candidates'
// votes and the non-transferable vote add up to the valid vote, and what moved at a
// stage adds up to what its candidates gave up.
RC_GTEST_PROP(Ers97Properties, EveryStageBalances, ()) {
  auto e = *veche::testing::random_election(25);
  Profile profile = e.profile();
  profile.seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()) + 1);
  Outcome o = veche::count_stv_ers97(profile, {});
  using Figure = veche::Fixed<2, veche::Truncate>;
  auto figure = [](const std::string& text) {
    return text.empty() ? 0 : Figure::parse(text)->raw();
  };
  std::int64_t valid = figure(o.rounds[0].exhausted);
  for (const std::string& v : o.rounds[0].votes) valid += figure(v);
  for (std::size_t r = 1; r < o.rounds.size(); ++r) {
    const veche::Round& round = o.rounds[r];
    std::int64_t sum = figure(round.exhausted);
    for (const std::string& v : round.votes) sum += figure(v);
    RC_ASSERT(sum == valid);
    std::int64_t moved = 0, gave = 0;
    std::vector<bool> giver(o.candidates.size(), false);
    for (const veche::Transfer& t : round.transfers) {
      moved += figure(t.votes);
      giver[t.from] = true;
    }
    for (CandidateId c = 0; c < giver.size(); ++c) {
      if (giver[c]) gave += figure(o.rounds[r - 1].votes[c]) - figure(round.votes[c]);
    }
    RC_ASSERT(moved == gave);
  }
  RC_ASSERT(o.elected.size() <= static_cast<std::size_t>(profile.seats));
}

// --- the 2017 Scottish wards against OpenSTV -----------------------------------------

const std::string kData = VECHE_SCOTLAND_DATA;

// tests/data/ers97-openstv/scotland-2017.tsv: for every ward, OpenSTV's ERS97 count (the
// candidates in order of election, and how many rounds, sub-stages included).
struct PeerCount {
  std::vector<std::string> elected;
  std::size_t rounds = 0;
};

std::map<std::string, PeerCount> openstv_counts() {
  std::ifstream in(std::string(VECHE_TEST_DATA) + "/ers97-openstv/scotland-2017.tsv");
  std::map<std::string, PeerCount> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string ward, elected, rounds;
    std::getline(fields, ward, '\t');
    std::getline(fields, elected, '\t');
    std::getline(fields, rounds, '\t');
    PeerCount count;
    std::istringstream names(elected);
    for (std::string name; std::getline(names, name, '|');) count.elected.push_back(name);
    count.rounds = std::stoul(rounds);
    out[ward] = count;
  }
  return out;
}

TEST(Ers97Scotland2017, EveryWardElectsAsOpenStvDoesAndEveryStageBalances) {
  auto peer = openstv_counts();
  ASSERT_EQ(peer.size(), 351u);
  using Figure = veche::Fixed<2, veche::Truncate>;
  int same = 0;
  for (const auto& [ward, expected] : peer) {
    Profile profile = veche::read_ballots(kData + "/" + ward, "", {});
    Outcome o = veche::count_stv_ers97(profile, {});
    std::vector<std::string> elected;
    for (CandidateId c : o.elected) elected.push_back(o.candidates[c]);
    EXPECT_EQ(elected, expected.elected) << ward;
    EXPECT_EQ(o.rounds.size(), expected.rounds) << ward;
    same += elected == expected.elected && o.rounds.size() == expected.rounds;
    for (const veche::Round& round : o.rounds) {
      std::int64_t sum = Figure::parse(round.exhausted)->raw();
      for (const std::string& v : round.votes) sum += Figure::parse(v)->raw();
      ASSERT_EQ(sum, Figure::whole(static_cast<std::int64_t>(profile.total_weight())).raw())
          << ward;
    }
  }
  EXPECT_EQ(same, 351);
}

}  // namespace
