#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace veche {
namespace {

using test::all_written;
using test::input_error;
using ::testing::ElementsAre;
using ::testing::StartsWith;

Profile csv(std::string_view text, BallotRules rules = {},
            std::span<const std::string> candidates = {}) {
  return parse_csv_ranked(text, "cvr.csv", rules, candidates);
}

TEST(CsvRanked, RankColumnsNameCandidatesInOrderOfFirstAppearance) {
  Profile p =
      csv("rank1,rank2,rank3\n"
          "Chen,Anna,\n"
          "Anna,Boris,Chen\n"
          "Chen,Anna,\n");
  EXPECT_THAT(p.candidates, ElementsAre("Chen", "Anna", "Boris"));
  EXPECT_THAT(all_written(p), ElementsAre("2: 1, 2", "1: 2, 3, 1"));
}

TEST(CsvRanked, RankLabelsInManySpellings) {
  for (std::string_view header : {"Rank 1,Rank 2", "1st choice,2nd choice", "choice_1,choice_2",
                                  "Preference 1,Preference 2", "1,2"}) {
    SCOPED_TRACE(header);
    Profile p = csv(std::string(header) + "\n3,4\n");
    EXPECT_THAT(p.candidates, ElementsAre("3", "4"));
  }
}

TEST(CsvRanked, WeightColumnQuotingCrlfAndSkippedRanks) {
  Profile p =
      csv("Count,First,Second,Third\r\n"
          "3,\"Smith, Jo\",,\"O\"\"Neil\"\r\n"
          "\r\n"
          "2, Lee ,\"Smith, Jo\",\r\n");
  EXPECT_THAT(p.candidates, ElementsAre("Smith, Jo", "O\"Neil", "Lee"));
  // The empty second rank is passed over by default.
  EXPECT_THAT(all_written(p), ElementsAre("3: 1, 2", "2: 3, 1"));
}

TEST(CsvRanked, QuotedCellMaySpanLines) {
  Profile p = csv("rank1,rank2\n\"Anna\nMaria\",Bo\nBo,x\n");
  EXPECT_THAT(p.candidates, ElementsAre("Anna\nMaria", "Bo", "x"));
}

TEST(CsvRanked, GivenCandidateListAndUnknownNames) {
  std::vector<std::string> list = {"Anna", "Boris", "Chen"};
  Profile p = csv("rank1,rank2\nBoris,Anna\n", {}, list);
  EXPECT_THAT(p.candidates, ElementsAre("Anna", "Boris", "Chen"));
  EXPECT_THAT(all_written(p), ElementsAre("1: 2, 1"));

  BallotRules rules;
  rules.unknown_name = Remedy::skip;
  EXPECT_THAT(all_written(csv("rank1,rank2,rank3\nZed,Boris,Anna\n", rules, list)),
              ElementsAre("1: 2, 1"));
  rules.unknown_name = Remedy::exhaust;
  EXPECT_THAT(all_written(csv("rank1,rank2,rank3\nBoris,Zed,Anna\n", rules, list)),
              ElementsAre("1: 2"));
  rules.unknown_name = Remedy::reject;
  Profile rejected = csv("rank1,rank2,rank3\nBoris,Zed,Anna\n", rules, list);
  EXPECT_EQ(rejected.size(), 0u);
  EXPECT_EQ(rejected.rejected, 1u);
}

TEST(CsvRanked, CandidateColumnsHoldRanks) {
  Profile p =
      csv("Anna,Boris,Chen\n"
          "1,2,3\n"
          "2,,1\n"
          "1,1,2\n"
          "1,,3\n");
  EXPECT_THAT(p.candidates, ElementsAre("Anna", "Boris", "Chen"));
  // Equal numbers are an equal rank; rank 2 unused in the last row is a skipped rank.
  EXPECT_THAT(all_written(p), ElementsAre("1: 1, 2, 3", "1: 3, 1", "1: 1=2, 3", "1: 1, 3"));
}

TEST(CsvRanked, CandidateColumnsWithWeight) {
  Profile p = csv("weight,Anna,Boris\n7,2,1\n");
  EXPECT_THAT(p.candidates, ElementsAre("Anna", "Boris"));
  EXPECT_THAT(all_written(p), ElementsAre("7: 2, 1"));
}

TEST(CsvRanked, KeepsUtf8Names) {
  Profile p = csv("rank1\nRenée SLATER (Grn)\n");
  EXPECT_EQ(p.candidates[0],
            "Ren\xc3\xa9"
            "e SLATER (Grn)");
}

TEST(CsvRankedErrors, NameNotACandidate) {
  std::vector<std::string> list = {"Anna", "Boris"};
  EXPECT_EQ(input_error([&] { csv("rank1,rank2\nAnna,Boris\nBoris,Zed\n", {}, list); }),
            "cvr.csv:3: column 2 (rank2): \"Zed\" is not a candidate");
}

TEST(CsvRankedErrors, MissingColumn) {
  EXPECT_EQ(input_error([] { csv("rank1,rank2,rank3\nA,B,C\nA,B\n"); }),
            "cvr.csv:3: column 3 (rank3): missing: the row has 2 cells and the header 3 columns");
  EXPECT_EQ(input_error([] { csv("Anna,Boris\n1,2\n1\n"); }),
            "cvr.csv:3: column 2 (Boris): missing: the row has 1 cells and the header 2 columns");
}

TEST(CsvRankedErrors, NegativeWeightAndBadRanks) {
  EXPECT_EQ(input_error([] { csv("weight,rank1\n2,A\n-1,B\n"); }),
            "cvr.csv:3: column 1 (weight): expected a whole number, got the negative \"-1\"");
  EXPECT_EQ(input_error([] { csv("Anna,Boris\n1,2\n1,5\n"); }),
            "cvr.csv:3: column 2 (Boris): expected a rank from 1 to 2 or an empty cell, got \"5\"");
  EXPECT_EQ(input_error([] { csv("Anna,Boris\n1,2\n1,x\n"); }),
            "cvr.csv:3: column 2 (Boris): expected a rank from 1 to 2 or an empty cell, got \"x\"");
  EXPECT_THAT(input_error([] { csv("rank1\n\"A\n"); }),
              StartsWith("cvr.csv:2: a quoted cell has no closing quote"));
  EXPECT_THAT(input_error([] { csv("rank1\nA,B\n"); }), StartsWith("cvr.csv:2: column 2:"));
  EXPECT_THAT(input_error([] { csv(""); }), StartsWith("cvr.csv:1: header: the file is empty"));
}

}  // namespace
}  // namespace veche
