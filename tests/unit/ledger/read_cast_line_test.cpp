// One line of `veche record cast --stdin`, read where it lies into a CastBatch: the ballot's
// ranks as candidate ids and its voter, or one message naming stdin and the line.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/ledger/cast_line.hpp"

namespace veche {
namespace {

struct ReadCastLineTest : ::testing::Test {
  BallotLines names{{"Alice", "Bob", "Carol \"C\" Jones"}};
  simdjson::ondemand::parser parser;
  CastBatch batch;

  // The line followed by padding, as the CLI's input buffer has it.
  void read(const std::string& line, std::size_t number = 1) {
    std::string buffer = line + std::string(simdjson::SIMDJSON_PADDING, ']');
    read_cast_line(parser, std::string_view(buffer).substr(0, line.size()), buffer.size(), number,
                   names, batch);
  }
  std::string refusal(const std::string& line, std::size_t number = 1) {
    try {
      read(line, number);
    } catch (const InputError& e) {
      return e.what();
    }
    ADD_FAILURE() << "no InputError for " << line;
    return {};
  }
  std::vector<std::vector<CandidateId>> ranks(std::size_t ballot) const {
    std::vector<std::vector<CandidateId>> out;
    for (std::size_t r = 0; r < batch.ranks(ballot); ++r) {
      auto rank = batch.rank(ballot, r);
      out.emplace_back(rank.begin(), rank.end());
    }
    return out;
  }
};

TEST_F(ReadCastLineTest, ReadsRanksAndVoterInAnyOrder) {
  read(R"({"voter":"m-1","ranks":[["Alice","Carol \"C\" Jones"],[],["Bob"]]})");
  read(R"({"ranks":[["Bob"]],"voter":"m\u00e9"})", 2);
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(ranks(0), (std::vector<std::vector<CandidateId>>{{0, 2}, {}, {1}}));
  EXPECT_EQ(std::as_const(batch).voter(0), "m-1");
  EXPECT_EQ(ranks(1), (std::vector<std::vector<CandidateId>>{{1}}));
  EXPECT_EQ(std::as_const(batch).voter(1), "m\xc3\xa9");
}

TEST_F(ReadCastLineTest, RefusesWhatIsNotABallotNamingTheLine) {
  const std::string expected = R"(expected {"voter":"id","ranks":[["name"],...]})";
  EXPECT_EQ(refusal(R"({"voter":"m-1"})", 7), "stdin:7: " + expected);
  EXPECT_EQ(refusal(R"({"ranks":["Alice"]})", 7), "stdin:7: " + expected);
  EXPECT_EQ(refusal(R"({"ranks":[["Alice"]],"voter":3})", 7), "stdin:7: " + expected);
  EXPECT_EQ(refusal(R"([["Alice"]])", 7), "stdin:7: not JSON");
  EXPECT_EQ(refusal(R"({"ranks":[["Alice"]]} {})", 7), "stdin:7: not JSON");
  EXPECT_EQ(refusal(R"({"ranks":[["Zed"]]})", 8),
            R"(stdin:8: ranks: "Zed" is not a candidate of manifest.json)");
}

}  // namespace
}  // namespace veche
