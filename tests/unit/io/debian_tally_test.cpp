#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io_test_support.hpp"

namespace veche {
namespace {

using test::all_written;
using test::input_error;
using ::testing::ElementsAre;
using ::testing::StartsWith;

constexpr std::string_view kSheet =
    "\n\t\t       Tally Sheet for the votes cast. \n"
    "     Option 1--->: Endorse the concept\n"
    "   /  Option 2-->: Further Discussion   |/\n"
    "   |/\n"
    "V: 12\t          93sam\tSteve McIntyre\n"
    "V: -1\t           acid\tJulien Danjou\n"
    "V: 11 \t\tf334236ea1b30af7c9a215961c56d7e5\n"
    "V: 21\t           x\tX\n"
    "V: 12\t           y\tY\n";

TEST(DebianTally, ReadsOptionsAndVotes) {
  Profile p = parse_debian_tally(kSheet, "gr_tally.txt", {});
  EXPECT_THAT(p.candidates, ElementsAre("Endorse the concept", "Further Discussion"));
  EXPECT_THAT(all_written(p), ElementsAre("2: 1, 2", "1: 2", "1: 1=2", "1: 2, 1"));
  EXPECT_EQ(p.total_weight(), 5u);
}

TEST(DebianTally, OnlyTheOrderOfRanksCounts) {
  Profile p = parse_debian_tally(
      "Option 1-->: A\nOption 2-->: B\nOption 3-->: C\nOption 4-->: D\nV: 3-1-\tv\n", "t", {});
  EXPECT_THAT(all_written(p), ElementsAre("1: 3, 1"));
}

TEST(DebianTallyErrors, BadVotes) {
  EXPECT_EQ(
      input_error([] { parse_debian_tally(std::string(kSheet) + "V: 123\tz\n", "t.txt", {}); }),
      "t.txt:11: vote: expected 2 characters, one per option, got \"123\"");
  EXPECT_EQ(
      input_error([] { parse_debian_tally(std::string(kSheet) + "V: 1x\tz\n", "t.txt", {}); }),
      "t.txt:11: vote: expected ranks 1 to 9 or `-`, got \"1x\"");
  EXPECT_THAT(
      input_error([] { parse_debian_tally(std::string(kSheet) + "W: 12\tz\n", "t.txt", {}); }),
      StartsWith("t.txt:11: ballot: expected `V: vote voter`"));
  EXPECT_THAT(input_error([] { parse_debian_tally("V: 12\n", "t.txt", {}); }),
              StartsWith("t.txt:1: options: no `Option N: title` lines"));
}

// All ten sheets: the ballot counts of the README and the option titles of official.json.
TEST(DebianTally, AllTenRealSheets) {
  std::ifstream in(VECHE_TEST_DATA "/debian/official.json");
  auto official = nlohmann::json::parse(in);
  ASSERT_EQ(official.size(), 10u);
  for (const auto& [id, vote] : official.items()) {
    SCOPED_TRACE(id);
    Profile p = read_ballots(
        std::string(VECHE_TEST_DATA "/debian/") + vote["tally"].get<std::string>(), "", {});
    EXPECT_EQ(p.total_weight(), vote["ballots"].get<Weight>());
    EXPECT_EQ(p.candidates, vote["options"].get<std::vector<std::string>>());
    EXPECT_EQ(p.rejected, 0u);
  }
}

}  // namespace
}  // namespace veche
