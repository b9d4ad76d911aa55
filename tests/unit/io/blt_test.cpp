#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace veche {
namespace {

using test::all_written;
using test::input_error;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kPath = "ward.blt";

Profile blt(std::string_view text, BallotRules rules = {}) {
  return parse_blt(text, kPath, rules);
}

TEST(Blt, ReadsHeaderBallotsNamesAndTitle) {
  Profile p =
      blt("3 2\n"
          "4 1 2 0\n"
          "2 3 0\n"
          "1 1 2 0\n"
          "0\n"
          "\"Anna\"\n\"Boris\"\n\"Chen\"\n"
          "\"Council 2026\"\n");
  EXPECT_EQ(p.seats, 2);
  EXPECT_EQ(p.title, "Council 2026");
  EXPECT_THAT(p.candidates, ElementsAre("Anna", "Boris", "Chen"));
  EXPECT_THAT(p.withdrawn, ElementsAre(false, false, false));
  EXPECT_THAT(all_written(p), ElementsAre("5: 1, 2", "2: 3"));  // identical ballots merged
  EXPECT_EQ(p.total_weight(), 7u);
  EXPECT_FALSE(p.has_equal_ranks());
}

TEST(Blt, ReadsWithdrawnCandidates) {
  Profile p = blt("4 1\n-2 -4\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n");
  EXPECT_THAT(p.withdrawn, ElementsAre(false, true, false, true));
}

TEST(Blt, ReadsEqualRanksSkippedRanksAndBallotIds) {
  Profile p =
      blt("3 1\n"
          "(b1) 1 1=2 3 0\n"
          "(b2) 1 1 - 3 0\n"
          "1 - 2 0\n"
          "0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n");
  // A skipped rank is passed over by default: later preferences still count.
  EXPECT_THAT(all_written(p), ElementsAre("1: 1=2, 3", "1: 1, 3", "1: 2"));
  EXPECT_TRUE(p.has_equal_ranks());
}

TEST(Blt, SkippedRankCanExhaustTheBallot) {
  BallotRules rules;
  rules.skipped_rank = Remedy::exhaust;
  Profile p = blt("3 1\n1 1 - 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n", rules);
  EXPECT_THAT(all_written(p), ElementsAre("1: 1"));
}

TEST(Blt, RepeatedCandidateIsPassedOver) {
  Profile p = blt("3 1\n2 1 2 1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n");
  EXPECT_THAT(all_written(p), ElementsAre("2: 1, 2, 3"));
}

TEST(Blt, RepeatedCandidateRejectedCountsAsRejected) {
  BallotRules rules;
  rules.repeated = Remedy::reject;
  Profile p = blt("3 1\n2 1 2 1 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n", rules);
  EXPECT_THAT(all_written(p), ElementsAre("1: 3"));
  EXPECT_EQ(p.rejected, 2u);
}

TEST(Blt, ToleratesCommentsBlankLinesCrlfAndNoFinalNewline) {
  Profile p =
      blt("# made by hand\r\n"
          "2 1\r\n"
          "\r\n"
          "3 2 1 0  # a comment after the ballot\r\n"
          "0 # end of ballots\r\n"
          "\"A\"\r\n"
          "# between names\r\n"
          "\"B\"\r\n"
          "\"Title\"");
  EXPECT_THAT(p.candidates, ElementsAre("A", "B"));
  EXPECT_EQ(p.title, "Title");
  EXPECT_THAT(all_written(p), ElementsAre("3: 2, 1"));
}

TEST(Blt, ReadsUnquotedWholeLineNamesAndTitleAsScottishFilesHaveThem) {
  Profile p =
      blt("2 1\n1 1 0\n0\n"
          "Yvonne ALLAN (Lab)\n"
          "Beatrice WISHART(Ind)\n"
          "Torry/Ferryhill Ward");
  EXPECT_THAT(p.candidates, ElementsAre("Yvonne ALLAN (Lab)", "Beatrice WISHART(Ind)"));
  EXPECT_EQ(p.title, "Torry/Ferryhill Ward");
}

TEST(Blt, ReadsSeveralQuotedNamesOnOneLine) {
  Profile p = blt("3 1\n1 1 0\n0\n\"A\" \"B b\" \"C\"\n\"Preston, Seton and Gosford\"\n");
  EXPECT_THAT(p.candidates, ElementsAre("A", "B b", "C"));
  EXPECT_EQ(p.title, "Preston, Seton and Gosford");
}

TEST(Blt, KeepsUtf8NamesByteForByte) {
  Profile p =
      blt("2 1\n1 2 1 0\n0\nCiarán MCRAE (SNP)\n\"Ellen HÖFER-FRANZ (Grn)\"\nSteòrnabhagh a Tuath");
  EXPECT_EQ(p.candidates[0], "Ciar\xc3\xa1n MCRAE (SNP)");
  EXPECT_EQ(p.candidates[1],
            "Ellen H\xc3\x96"
            "FER-FRANZ (Grn)");
  EXPECT_EQ(p.title, "Ste\xc3\xb2rnabhagh a Tuath");
}

TEST(Blt, ZeroWeightBallotsAreDropped) {
  Profile p = blt("2 1\n0 1 2 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n");
  EXPECT_THAT(all_written(p), ElementsAre("1: 2"));
}

TEST(Blt, ReadsOnlyTheFirstContest) {
  Profile p = blt(
      "2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"First\"\n3 1\n1 3 0\n0\n\"X\"\n\"Y\"\n\"Z\"\n\"Second\"\n");
  EXPECT_EQ(p.title, "First");
  EXPECT_EQ(p.candidate_count(), 2u);
}

TEST(Blt, TitleMayBeMissing) {
  Profile p = blt("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n");
  EXPECT_EQ(p.title, "");
}

TEST(Blt, UnknownCandidateCanBePassedOver) {
  BallotRules rules;
  rules.unknown_name = Remedy::skip;
  Profile p = blt("2 1\n1 1 7 2 0\n1 7=2 0\n0\n\"A\"\n\"B\"\n\"T\"\n", rules);
  EXPECT_THAT(all_written(p), ElementsAre("1: 1, 2", "1: 2"));
}

TEST(Blt, UnknownCandidateCanExhaustOrRejectTheBallot) {
  BallotRules rules;
  rules.unknown_name = Remedy::exhaust;
  EXPECT_THAT(all_written(blt("2 1\n1 1 7 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n", rules)),
              ElementsAre("1: 1"));
  rules.unknown_name = Remedy::reject;
  Profile p = blt("2 1\n1 1 7 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n", rules);
  EXPECT_EQ(p.size(), 0u);
  EXPECT_EQ(p.rejected, 1u);
}

// Bad input: each message starts with the path and the line, then says what was expected.

TEST(BltErrors, TruncatedFile) {
  std::string full = "3 1\n4 1 2 0\n2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
  EXPECT_THAT(input_error([&] { blt(full.substr(0, 16)); }),
              StartsWith("ward.blt:3: ballot: expected 0 at the end of the ballot"));
  EXPECT_THAT(input_error([&] { blt(full.substr(0, 18)); }),
              StartsWith("ward.blt:3: ballots: the file ends before the `0` line"));
  EXPECT_THAT(input_error([&] { blt(full.substr(0, 28)); }),
              StartsWith("ward.blt:6: candidate names: expected 3 names after the ballots, the "
                         "file ends after 2"));
  EXPECT_THAT(input_error([&] { blt(""); }), StartsWith("ward.blt: header:"));
}

TEST(BltErrors, NegativeWeight) {
  EXPECT_EQ(input_error([] { blt("2 1\n1 1 0\n-3 1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n"); }),
            "ward.blt:3: weight: expected a whole number, got the negative \"-3\"");
}

TEST(BltErrors, HugeWeightIsRefusedNotWrapped) {
  EXPECT_EQ(input_error([] { blt("2 1\n99999999999999999999 1 0\n0\n\"A\"\n\"B\"\n"); }),
            "ward.blt:2: weight: the number \"99999999999999999999\" is too large");
  EXPECT_EQ(input_error([] { blt("2 1\n18446744073709551615 1 0\n1 2 0\n0\n\"A\"\n\"B\"\n"); }),
            "ward.blt:3: weight: the weights add up to more than 2^64 - 1");
}

TEST(BltErrors, CandidateNumberOutOfRange) {
  EXPECT_EQ(input_error([] { blt("2 1\n1 1 3 0\n0\n\"A\"\n\"B\"\n\"T\"\n"); }),
            "ward.blt:2: rank 2: candidate 3 is not on the list of 2");
}

TEST(BltErrors, MalformedRanksAndHeader) {
  EXPECT_EQ(input_error([] { blt("2 1\n1 1 x 0\n0\n\"A\"\n\"B\"\n"); }),
            "ward.blt:2: rank 2: expected a candidate number 1 to 2, `a=b` or `-`, got \"x\"");
  EXPECT_THAT(input_error([] { blt("2 1\n1 1= 0\n0\n\"A\"\n\"B\"\n"); }),
              StartsWith("ward.blt:2: rank 1:"));
  EXPECT_THAT(input_error([] { blt("2 1\n1 1 0 2\n0\n\"A\"\n\"B\"\n"); }),
              StartsWith("ward.blt:2: ballot: unexpected \"2\" after the 0"));
  EXPECT_THAT(input_error([] { blt("two 1\n"); }), StartsWith("ward.blt:1: number of candidates:"));
  EXPECT_THAT(input_error([] { blt("2\n"); }), StartsWith("ward.blt:1: number of seats:"));
  EXPECT_THAT(input_error([] { blt("2 0\n"); }), StartsWith("ward.blt:1: number of seats:"));
  EXPECT_THAT(input_error([] { blt("2 1\n-3\n"); }),
              StartsWith("ward.blt:2: withdrawn candidates:"));
  EXPECT_THAT(input_error([] { blt("2 1\n0\n\"A\n"); }),
              StartsWith("ward.blt:3: name: a quoted name has no closing quote"));
  EXPECT_THAT(input_error([] { blt("2 1\n(b1 1 1 0\n0\n"); }),
              StartsWith("ward.blt:2: ballot id:"));
  EXPECT_THAT(input_error([] { blt("9999999 1\n0\n"); }),
              HasSubstr("cannot all be named in a file of"));
}

TEST(BltErrors, SkippedRankAsErrorNamesTheLine) {
  BallotRules rules;
  rules.skipped_rank = Remedy::error;
  EXPECT_EQ(input_error([&] { blt("2 1\n1 1 0\n1 - 2 0\n0\n\"A\"\n\"B\"\n", rules); }),
            "ward.blt:3: ballot: a rank is skipped");
}

}  // namespace
}  // namespace veche
