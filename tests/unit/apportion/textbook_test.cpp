// Small elections worked by hand; each expected table is in the comment above its test.
#include <gtest/gtest.h>

#include "unit/apportion/apportion_helpers.hpp"

namespace veche {
namespace {

using testing::apportion;
using testing::party_votes;
using testing::seats_of;
using Seats = std::vector<int>;

// 8 seats. D'Hondt quotients (thousands): A 100, 50, 33.3, 25 | 20; B 80, 40, 26.7 | 20;
// C 30 | 15; D 20. The 8 highest run down to 25: A 4, B 3, C 1, D 0.
TEST(Dhondt, FourPartiesEightSeats) {
  EXPECT_EQ(seats_of("dhondt", {{"A", 100000}, {"B", 80000}, {"C", 30000}, {"D", 20000}}, 8),
            (Seats{4, 3, 1, 0}));
}

// 8 seats. Quotients (thousands): A 230, 115, 76.7, 57.5 | 46; B 100, 50 | 33.3; C 80 | 40;
// D 70 | 35; E 20. The 8 highest run down to 50: A 4, B 2, C 1, D 1, E 0.
TEST(Dhondt, FivePartiesEightSeats) {
  Apportionment a = apportion(
      "dhondt", party_votes({{"A", 230000}, {"B", 100000}, {"C", 80000}, {"D", 70000}, {"E", 20000}}), 8);
  EXPECT_EQ(a.result, (Seats{4, 2, 1, 1, 0}));
  ASSERT_EQ(a.awards.size(), 8u);
  // Seat by seat: A 230000, A 115000, B 100000, C 80000, A 76666.66…, D 70000, A 57500, B 50000.
  std::vector<std::pair<CandidateId, std::string>> awards;
  for (const SeatAward& s : a.awards) awards.emplace_back(s.party, s.quotient);
  EXPECT_EQ(awards, (std::vector<std::pair<CandidateId, std::string>>{
                        {0, "230000"}, {0, "115000"}, {1, "100000"}, {2, "80000"},
                        {0, "76666.666666"}, {3, "70000"}, {0, "57500"}, {1, "50000"}}));
  EXPECT_TRUE(a.ties.empty());
  EXPECT_FALSE(a.quota);
}

// 10 seats, 12000 votes (A 6100, B 5000, C 900).
// D'Hondt: A 6100 3050 2033 1525 1220 1017; B 5000 2500 1667 1250 | 1000; C 900 → 6, 4, 0.
// Sainte-Laguë: A 6100 2033 1220 871 678; B 5000 1667 1000 714 | 556; C 900 → 5, 4, 1.
// Hare: quotas 5.083, 4.167, 0.75 → 5, 4 and the one seat left to C's .75 → 5, 4, 1.
TEST(Textbook, SameVotesDifferentMethods) {
  std::vector<std::pair<std::string, Weight>> rows = {{"A", 6100}, {"B", 5000}, {"C", 900}};
  EXPECT_EQ(seats_of("dhondt", rows, 10), (Seats{6, 4, 0}));
  EXPECT_EQ(seats_of("sainte-lague", rows, 10), (Seats{5, 4, 1}));
  EXPECT_EQ(seats_of("hare", rows, 10), (Seats{5, 4, 1}));
}

// 5 seats, A 10000, B 1300. Sainte-Laguë: A 10000 3333 2000 1429 | 1111; B 1300 → 4, 1.
// Modified: B's first quotient is 1300 / 1.4 = 928.57, below A's fifth 1111.1 → 5, 0.
TEST(SainteLague, ModifiedFirstDivisorKeepsOutSmallParty) {
  std::vector<std::pair<std::string, Weight>> rows = {{"A", 10000}, {"B", 1300}};
  EXPECT_EQ(seats_of("sainte-lague", rows, 5), (Seats{4, 1}));
  Apportionment modified = apportion("modified-sainte-lague", party_votes(rows), 5);
  EXPECT_EQ(modified.result, (Seats{5, 0}));
  EXPECT_EQ(modified.awards.front().quotient, "7142.857142");  // 10000 / 1.4, truncated
}

// 7 seats, A 53000, B 24000, C 23000. Sainte-Laguë: A 53000 17667 10600 | 7571; B 24000 8000;
// C 23000 7667 → 3, 2, 2. D'Hondt: A 53000 26500 17667 13250 | 10600; B 24000 12000; C 23000
// → 4, 2, 1.
TEST(SainteLague, ThreePartiesSevenSeats) {
  std::vector<std::pair<std::string, Weight>> rows = {{"A", 53000}, {"B", 24000}, {"C", 23000}};
  EXPECT_EQ(seats_of("sainte-lague", rows, 7), (Seats{3, 2, 2}));
  EXPECT_EQ(seats_of("modified-sainte-lague", rows, 7), (Seats{3, 2, 2}));
  EXPECT_EQ(seats_of("dhondt", rows, 7), (Seats{4, 2, 1}));
}

// 10 seats, 100000 votes: A 47000, B 16000, C 15800, D 12000, E 6100, F 3100.
// Hare quota 10000: whole 4 1 1 1 0 0 = 7; remainders 7000 6000 5800 2000 6100 3100 → A, E, B
// → 5, 2, 1, 1, 1, 0.
// Droop quota ⌊100000/11⌋ + 1 = 9091: whole 5 1 1 1 0 0 = 8; remainders 1545 6909 6709 2909
// 6100 3100 → B, C → 5, 2, 2, 1, 0, 0.
TEST(LargestRemainder, HareAndDroopDiffer) {
  std::vector<std::pair<std::string, Weight>> rows = {{"A", 47000}, {"B", 16000}, {"C", 15800},
                                                      {"D", 12000}, {"E", 6100},  {"F", 3100}};
  Apportionment hare = apportion("hare", party_votes(rows), 10);
  EXPECT_EQ(hare.result, (Seats{5, 2, 1, 1, 1, 0}));
  EXPECT_EQ(hare.quota, "10000");
  EXPECT_TRUE(hare.awards.empty());
  Apportionment droop = apportion("droop", party_votes(rows), 10);
  EXPECT_EQ(droop.result, (Seats{5, 2, 2, 1, 0, 0}));
  EXPECT_EQ(droop.quota, "9091");
}

TEST(LargestRemainder, HareQuotaIsExactFractionShownTruncated) {
  Apportionment a = apportion("hare", party_votes({{"A", 600}, {"B", 400}}), 3);  // quota 333.33…
  EXPECT_EQ(a.quota, "333.333333");
  EXPECT_EQ(a.result, (Seats{2, 1}));
}

// The Alabama paradox (textbook form): populations A 6, B 6, C 2 (total 14).
// 10 seats: quotas 4.286 4.286 1.429 → 4 4 1, the one left to C (.429) → 4, 4, 2.
// 11 seats: quotas 4.714 4.714 1.571 → 4 4 1, the two left to A and B (.714) → 5, 5, 1.
// C loses a seat because the house grew: Hare is not house monotone.
TEST(LargestRemainder, AlabamaParadox) {
  std::vector<std::pair<std::string, Weight>> rows = {{"A", 6}, {"B", 6}, {"C", 2}};
  EXPECT_EQ(seats_of("hare", rows, 10), (Seats{4, 4, 2}));
  EXPECT_EQ(seats_of("hare", rows, 11), (Seats{5, 5, 1}));
  // A divisor method cannot do this.
  for (std::string_view m : {"dhondt", "sainte-lague", "huntington-hill"}) {
    Seats ten = seats_of(m, rows, 10), eleven = seats_of(m, rows, 11);
    for (std::size_t p = 0; p < rows.size(); ++p) EXPECT_GE(eleven[p], ten[p]) << m;
  }
}

// Adams: divisors 0, 1, 2… 6 seats, A 9000, B 3200, C 600: seats 1–3 one each (quotient ∞),
// then A 9000/1, A 9000/2 = 4500, and seat 6 to B's 3200/1 over A's 9000/3 = 3000 → 3, 2, 1.
TEST(Adams, OneSeatEachFirst) {
  Apportionment a = apportion("adams", party_votes({{"A", 9000}, {"B", 3200}, {"C", 600}}), 6);
  EXPECT_EQ(a.result, (Seats{3, 2, 1}));
  ASSERT_EQ(a.awards.size(), 6u);
  EXPECT_EQ(a.awards[0].quotient, "∞");
  EXPECT_EQ(a.awards[3].quotient, "9000");
  EXPECT_EQ(a.awards[5].quotient, "3200");
}

// Huntington–Hill, 5 seats, A 700, B 300, C 100: one each, then priorities
// A 700/√2 = 494.97, B 300/√2 = 212.13, C 100/√2 = 70.71 → A; A 700/√6 = 285.77 → A;
// so A 3, B 1, C 1. The quotient is the truncated root: 494.974746.
TEST(HuntingtonHill, SmallHouse) {
  Apportionment a = apportion("huntington-hill", party_votes({{"A", 700}, {"B", 300}, {"C", 100}}), 5);
  EXPECT_EQ(a.result, (Seats{3, 1, 1}));
  EXPECT_EQ(a.awards[3].quotient, "494.974746");
  EXPECT_EQ(a.awards[4].quotient, "285.773803");
}

TEST(Aliases, JeffersonAndWebster) {
  EXPECT_EQ(find_apportion_method("jefferson"), find_apportion_method("dhondt"));
  EXPECT_EQ(find_apportion_method("webster"), find_apportion_method("sainte-lague"));
  EXPECT_EQ(find_apportion_method("nonesuch"), nullptr);
  EXPECT_EQ(apportion("jefferson", party_votes({{"A", 3}, {"B", 1}}), 2).method, "dhondt");
}

// A 100, B 100, one seat: the seat is tied and the policy must decide, on the record.
TEST(Ties, LastSeatTieGoesToThePolicyAndIsRecorded) {
  ApportionOptions options;
  options.ties.seed = "2025";
  Apportionment a = apportion("dhondt", party_votes({{"A", 100}, {"B", 100}}), 3, options);
  ASSERT_EQ(a.ties.size(), 1u);
  const Tie& tie = a.ties.front();
  EXPECT_EQ(tie.purpose, "seat 3");
  EXPECT_EQ(tie.tied, (std::vector<CandidateId>{0, 1}));
  EXPECT_EQ(tie.resolved_by, "lot (seed \"2025\")");
  EXPECT_EQ(a.result[tie.chosen], 2);
  EXPECT_EQ(a.tie_seed, "2025");
  // Same seed, same draw.
  EXPECT_EQ(apportion("dhondt", party_votes({{"A", 100}, {"B", 100}}), 3, options).result, a.result);
}

TEST(Ties, OrderGivenByTheReturningOfficerDecides) {
  ApportionOptions options;
  options.ties.order = {1, 0};
  Apportionment a = apportion("sainte-lague", party_votes({{"A", 100}, {"B", 100}}), 1, options);
  EXPECT_EQ(a.result, (Seats{0, 1}));
  EXPECT_EQ(a.ties.at(0).resolved_by, "tie order");
}

// A 200 and B 100 tie for seat 2 under D'Hondt (200/2 = 100/1). Look-back prefers the party
// with more votes (as Spain's LOREG art. 163 does); without it, the lot decides.
TEST(Ties, MoreVotesFirstUnlessLookBackIsOff) {
  Apportionment a = apportion("dhondt", party_votes({{"A", 200}, {"B", 100}}), 2);
  EXPECT_EQ(a.result, (Seats{2, 0}));
  ASSERT_EQ(a.ties.size(), 1u);
  EXPECT_EQ(a.ties[0].resolved_by, "more votes");
  ApportionOptions lot;
  lot.ties.look_back = TiePolicy::LookBack::none;
  Apportionment b = apportion("dhondt", party_votes({{"A", 200}, {"B", 100}}), 2, lot);
  EXPECT_TRUE(b.ties.at(0).resolved_by.starts_with("lot"));
}

// Two tied for two seats: both get one, no tie is needed or recorded.
TEST(Ties, LevelPartiesThatAllFitNeedNoDraw) {
  Apportionment a = apportion("dhondt", party_votes({{"A", 100}, {"B", 100}}), 2);
  EXPECT_EQ(a.result, (Seats{1, 1}));
  EXPECT_TRUE(a.ties.empty());
}

// Hare: A 5, B 5, C 5, 2 seats: quota 7.5, nobody has a whole quota, all remainders are 5.
TEST(Ties, LargestRemainderTieIsRecordedForEachSeat) {
  Apportionment a = apportion("hare", party_votes({{"A", 5}, {"B", 5}, {"C", 5}}), 2);
  ASSERT_EQ(a.ties.size(), 2u);
  EXPECT_EQ(a.ties[0].purpose, "seat 1 (largest remainder)");
  EXPECT_EQ(a.ties[0].tied.size(), 3u);
  EXPECT_EQ(a.ties[1].tied.size(), 2u);
  int total = 0;
  for (int s : a.result) total += s;
  EXPECT_EQ(total, 2);
}

TEST(Errors, ImpossibleRequestsAreUsageErrors) {
  PartyVotes three = party_votes({{"A", 10}, {"B", 5}, {"C", 1}});
  EXPECT_THROW(apportion("huntington-hill", three, 2), UsageError);
  EXPECT_THROW(apportion("adams", three, 2), UsageError);
  EXPECT_NO_THROW(apportion("adams", three, 3));
  EXPECT_THROW(apportion("dhondt", three, 0), UsageError);
  EXPECT_THROW(apportion("dhondt", three, 1'000'001), UsageError);
  EXPECT_THROW(apportion("dhondt", party_votes({{"A", 0}, {"B", 0}}), 3), UsageError);
  EXPECT_THROW(apportion("hare", party_votes({{"A", 0}}), 3), UsageError);
  // Droop with a handful of votes: quota 1, three whole quotas, seven seats nobody can take.
  EXPECT_THROW(apportion("droop", party_votes({{"A", 1}, {"B", 1}, {"C", 1}}), 10), UsageError);
  try {
    apportion("huntington-hill", three, 2);
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("2 seats cannot go round 3"), std::string::npos) << e.what();
  }
}

// A party without votes gets no seat, not even a first seat by right.
TEST(Errors, NoVotesNoSeat) {
  Apportionment a = apportion("huntington-hill", party_votes({{"A", 10}, {"B", 0}}), 1);
  EXPECT_EQ(a.result, (Seats{1, 0}));
}

}  // namespace
}  // namespace veche
