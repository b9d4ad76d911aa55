// A batch read straight into candidate ids casts exactly what the same ballots given by
// names cast, and the receipt lines a bulk cast prints are receipt_json's, one a ballot.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "veche/core/error.hpp"
#include "veche/ledger/record.hpp"

namespace veche {
namespace {

struct CastBatchTest : ::testing::Test {
  fs::path root =
      fs::temp_directory_path() /
      ("veche-cast-batch-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
       "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  RecordKeys keys;

  void SetUp() override {
    fs::remove_all(root);
    fs::create_directories(root);
    keys = open_keys(root / "keys");
  }
  void TearDown() override { fs::remove_all(root); }

  fs::path new_record(const std::string& name) {
    Manifest m;
    m.election = "Board 2026";
    m.candidates = {"Alice", "Bob", "Carol \"C\" Jones"};
    m.method = "irv";
    init_record(root / name, m, keys);
    return root / name;
  }

  // The ballot lines of a record, sorted: a batch goes in shuffled.
  static std::vector<std::string> sorted_lines(const fs::path& record) {
    std::ifstream in(record / "ballots.jsonl");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
  }
};

TEST_F(CastBatchTest, IdsCastWhatNamesCast) {
  std::vector<CastBallot> by_names = {{{{"Alice"}, {"Bob", "Carol \"C\" Jones"}}, "v1"},
                                      {{{"Carol \"C\" Jones"}, {}, {"Alice"}}, "v2"},
                                      {{}, "v3"}};
  CastBatch by_ids;
  by_ids.begin_ballot();
  by_ids.begin_rank();
  by_ids.add(0);
  by_ids.begin_rank();
  by_ids.add(1);
  by_ids.add(2);
  by_ids.voter("v1");
  by_ids.begin_ballot();
  by_ids.voter("v2");  // the voter may come before the ranks, as in a JSON line
  by_ids.begin_rank();
  by_ids.add(2);
  by_ids.begin_rank();
  by_ids.begin_rank();
  by_ids.add(0);
  by_ids.begin_ballot();
  by_ids.voter("v3");
  ASSERT_EQ(by_ids.size(), 3u);
  EXPECT_EQ(by_ids.ranks(1), 3u);
  EXPECT_TRUE(by_ids.rank(1, 1).empty());
  EXPECT_EQ(by_ids.voter(1), "v2");

  fs::path a = new_record("names"), b = new_record("ids");
  Ledger(a, keys).cast(by_names);
  Ledger(b, keys).cast(by_ids);
  auto lines = sorted_lines(a);
  EXPECT_EQ(lines, sorted_lines(b));
  EXPECT_EQ(lines, (std::vector<std::string>{
                       R"({"ranks":[["Alice"],["Bob","Carol \"C\" Jones"]]})",
                       R"({"ranks":[["Carol \"C\" Jones"],[],["Alice"]]})",
                       R"({"ranks":[]})",
                   }));
}

// A name's JSON string ends at the first quote no backslash escapes: names with quotes and
// backslashes, and names that start alike, are each read back as themselves.
TEST(BallotLinesQuoted, NamesWithQuotesAndBackslashesReadBack) {
  BallotLines lines({"A", "A\"", "A\\", "A\\\"B", "AB", "\\"});
  std::vector<std::vector<CandidateId>> all = {{0}, {1, 2}, {3}, {4, 5}};
  std::string text = lines.line(all);
  EXPECT_EQ(text, R"({"ranks":[["A"],["A\"","A\\"],["A\\\"B"],["AB","\\"]]})");
  std::vector<std::vector<CandidateId>> ranks;
  std::size_t used = 0;
  ASSERT_TRUE(lines.read_canonical(text, ranks, used));
  ranks.resize(used);
  EXPECT_EQ(ranks, all);
  EXPECT_FALSE(lines.read_canonical(R"({"ranks":[["A\\\""]]})", ranks, used));
  EXPECT_FALSE(lines.read_canonical(R"({"ranks":[["A]]})", ranks, used));
}

TEST_F(CastBatchTest, AnUnknownCandidateIsRefusedAndNothingIsCast) {
  fs::path record = new_record("r");
  Ledger ledger(record, keys);
  CastBatch batch;
  batch.begin_ballot();
  batch.begin_rank();
  batch.add(3);
  batch.voter("v1");
  EXPECT_THROW(ledger.cast(batch), UsageError);
  std::vector<CastBallot> by_name = {{{{"Dave"}}, "v1"}};
  EXPECT_THROW(ledger.cast(by_name), UsageError);
  EXPECT_EQ(ledger.ballots_cast(), 0u);
  EXPECT_EQ(fs::file_size(record / "ballots.jsonl"), 0u);
}

TEST_F(CastBatchTest, ReceiptLinesAreReceiptJsonAndVerify) {
  fs::path record = new_record("r");
  std::vector<Receipt> receipts;
  {
    Ledger ledger(record, keys);
    for (int batch = 0; batch < 3; ++batch) {
      std::vector<CastBallot> ballots;
      for (int i = 0; i < 4; ++i) {
        ballots.push_back({{{i % 2 ? "Alice" : "Bob"}}, fmt::format("v{}-{}", batch, i)});
      }
      auto cast = ledger.cast(ballots);
      receipts.insert(receipts.end(), cast.begin(), cast.end());
    }
    ledger.close();
  }
  std::string want;
  for (const Receipt& r : receipts) want += receipt_json(r).dump() + "\n";
  EXPECT_EQ(receipt_lines(receipts), want);

  std::istringstream lines(receipt_lines(receipts));
  for (std::string line; std::getline(lines, line);) {
    auto json = nlohmann::json::parse(line);
    EXPECT_FALSE(json["head"].contains("consistency")) << line;
    Receipt receipt = receipt_from_json(json);
    for (const Check& c : verify_receipt(record, receipt)) EXPECT_TRUE(c.holds) << c.text;
  }
}

}  // namespace
}  // namespace veche
