// A record's log cut short while veche reads it (a record being copied or rewritten under
// `veche verify`): the one InputError that says so, not a torn line or a tree that does not
// match its head, and never a crash (SIGBUS).
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/ledger/record.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {
namespace {

struct ShrunkRecordTest : ::testing::Test {
  fs::path root =
      fs::temp_directory_path() / ("veche-shrunk-record-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::path record = root / "board";
  fs::path ballots = record / kBallots;

  // Enough ballots for ballots.jsonl to fill many pages, so a cut falls well inside it.
  void SetUp() override {
    fs::remove_all(root);
    fs::create_directories(root);
    RecordKeys keys = open_keys(root / "keys");
    Manifest m;
    m.election = "Board 2026";
    m.candidates = {"Alice", "Bob", "Carol"};
    m.method = "irv";
    init_record(record, m, keys);
    std::vector<CastBallot> batch;
    for (int v = 0; v < 20'000; ++v) {
      batch.push_back(
          {{{m.candidates[v % 3]}, {m.candidates[(v + 1) % 3]}}, "member-" + std::to_string(v)});
    }
    Ledger(record, keys).cast(batch);
  }
  void TearDown() override { fs::remove_all(root); }

  std::string shrank() const {
    return ballots.string() + ": the file shrank while it was being read";
  }
  // What verify makes of the ballots log: its lines, and whether it ends in a torn write.
  static std::pair<std::uint64_t, bool> lines_and_torn(std::string_view text) {
    LogText log = split_torn(text);
    return {for_each_line(log.complete, [](std::uint64_t, std::string_view) { return true; }),
            !log.torn.empty()};
  }
  void cut(std::uint64_t size) const { truncate_file(ballots, size); }
  std::uint64_t size() const { return fs::file_size(ballots); }
};

template <class Read>
std::string input_error(Read read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError";
  return {};
}

TEST_F(ShrunkRecordTest, AWholeLogReadsAsItIs) {
  auto [lines, torn] = MappedFile(ballots).read(lines_and_torn);
  EXPECT_EQ(lines, 20'000u);
  EXPECT_FALSE(torn);
}

TEST_F(ShrunkRecordTest, AMissingLogReadsAsEmpty) {
  auto [lines, torn] = MappedFile(record / "none.jsonl").read(lines_and_torn);
  EXPECT_EQ(lines, 0u);
  EXPECT_FALSE(torn);
}

TEST_F(ShrunkRecordTest, CutInsideALineAfterMappingIsRefusedNotReportedTorn) {
  // Read afresh, the same bytes are a log ending in a torn write: what verify said before.
  MappedFile mapped(ballots);
  cut(size() / 2 + 3);
  EXPECT_EQ(input_error([&] { mapped.read(lines_and_torn); }), shrank());
}

TEST_F(ShrunkRecordTest, CutAtALineEndAfterMappingIsRefusedNotReadInPart) {
  MappedFile mapped(ballots);
  std::string first_line;
  std::getline(std::ifstream(ballots), first_line);
  cut(100 * (first_line.size() + 1));
  EXPECT_EQ(input_error([&] { mapped.read(lines_and_torn); }), shrank());
}

TEST_F(ShrunkRecordTest, CutAtAPageBoundaryWhileReadingIsRefusedNotACrash) {
  // The cut comes once the reading has begun, as another process's would; the pages past
  // the new end fault, and the reader runs on over zeros.
  const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  ASSERT_GT(size(), 8 * page);
  EXPECT_EQ(input_error([&] {
              MappedFile(ballots).read([&](std::string_view text) {
                cut(4 * page);
                return lines_and_torn(text);
              });
            }),
            shrank());
}

TEST_F(ShrunkRecordTest, VerifyOfALogCutBeforeItIsMappedReportsWhatIsLeft) {
  // Cut before verify maps it, the log is what it is: verify reads it whole and finds the
  // lines its head signs missing, as it always did.
  cut(size() / 2 + 3);
  bool missing_lines = false;
  for (const Check& check : verify_record(record)) {
    missing_lines |= !check.holds && check.text.find("which holds only") != std::string::npos;
  }
  EXPECT_TRUE(missing_lines);
}

}  // namespace
}  // namespace veche
