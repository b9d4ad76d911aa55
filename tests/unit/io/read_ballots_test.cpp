#include <gtest/gtest.h>

#include "io_test_support.hpp"

namespace veche {
namespace {

using test::input_error;
using test::TempFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::string_view kBlt = "2 1\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n";
constexpr std::string_view kPreflib =
    "# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n"
    "# ALTERNATIVE NAME 2: B\n1: 1,2\n";
constexpr std::string_view kCsv = "rank1,rank2\nA,B\n";
constexpr std::string_view kTally = "     Option 1-->: A\n   /  Option 2->: B\nV: 12\tx\n";

TEST(BallotFormats, AreTheFourReaders) {
  EXPECT_THAT(ballot_formats(), ElementsAre("blt", "preflib", "csv", "debian-tally"));
}

TEST(DetectFormat, ByExtension) {
  EXPECT_EQ(detect_format("a/ward.BLT", ""), "blt");
  for (const char* name : {"x.soi", "x.soc", "x.toi", "x.toc"})
    EXPECT_EQ(detect_format(name, ""), "preflib");
  EXPECT_EQ(detect_format("cvr.csv", ""), "csv");
  EXPECT_EQ(detect_format("2004/leader2004_tally.txt", ""), "debian-tally");
}

TEST(DetectFormat, ByContent) {
  EXPECT_EQ(detect_format("in", kBlt), "blt");
  EXPECT_EQ(detect_format("in", "# a comment\n\n3 2\n"), "blt");
  EXPECT_EQ(detect_format("in", kPreflib), "preflib");
  EXPECT_EQ(detect_format("in", "3\n1,A\n2,B\n3,C\n"), "preflib");
  EXPECT_EQ(detect_format("in", kCsv), "csv");
  EXPECT_EQ(detect_format("in", std::string("\nTally Sheet\n") + std::string(kTally)),
            "debian-tally");
  EXPECT_THAT(input_error([] { detect_format("in.txt", "hello\n"); }),
              StartsWith("in.txt: cannot tell the ballot format"));
}

TEST(ReadBallots, EveryFormatFromAFile) {
  BallotRules rules;
  TempFile blt("ward.blt", kBlt), toi("votes.toi", kPreflib), csv("cvr.csv", kCsv),
      tally("vote_tally.txt", kTally), unnamed("ballots", kBlt);
  for (const TempFile* f : {&blt, &toi, &csv, &tally, &unnamed}) {
    SCOPED_TRACE(f->path());
    Profile p = read_ballots(f->path(), "", rules);
    EXPECT_THAT(p.candidates, ElementsAre("A", "B"));
    EXPECT_EQ(p.total_weight(), 1u);
  }
  EXPECT_EQ(read_ballots(unnamed.path(), "blt", rules).title, "T");
}

TEST(ReadBallots, ForcedFormatWins) {
  TempFile f("ballots.txt", kCsv);
  EXPECT_THAT(read_ballots(f.path(), "csv", {}).candidates, ElementsAre("A", "B"));
  EXPECT_THROW(read_ballots(f.path(), "xml", {}), UsageError);
  EXPECT_THAT(input_error([&] { read_ballots(f.path(), "blt", {}); }),
              StartsWith(f.path() + ":1: number of candidates:"));
}

TEST(ReadBallots, GivenCandidatesReachTheCsvReader) {
  TempFile f("cvr.csv", kCsv);
  std::vector<std::string> list = {"B", "A", "C"};
  EXPECT_THAT(read_ballots(f.path(), "", {}, list).candidates, ElementsAre("B", "A", "C"));
}

TEST(ReadBallots, MissingFileAndDirectory) {
  EXPECT_THAT(input_error([] { read_ballots("/nonexistent/ward.blt", "", {}); }),
              StartsWith("/nonexistent/ward.blt: cannot open the file:"));
  TempFile f("x.blt", "");
  std::string dir = f.path().substr(0, f.path().rfind('/'));
  EXPECT_THAT(input_error([&] { read_ballots(dir, "blt", {}); }), HasSubstr("is a directory"));
}

TEST(ReadBallots, ErrorsNameThePathAsGiven) {
  TempFile f("bad.blt", "2 1\n1 1 3 0\n0\n\"A\"\n\"B\"\n");
  try {
    read_ballots(f.path(), "", {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), f.path());
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.field(), "rank 2");
  }
}

}  // namespace
}  // namespace veche
