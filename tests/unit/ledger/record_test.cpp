// A record built step by step verifies, and a change to any file is caught by name.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "veche/ledger/record.hpp"
#include "veche/report/report.hpp"

namespace veche {
namespace {

struct RecordTest : ::testing::Test {
  fs::path root = fs::temp_directory_path() /
                  ("veche-record-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                   "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::path record = root / "record";
  RecordKeys keys;

  void SetUp() override {
    fs::remove_all(root);
    fs::create_directories(root);
    keys = open_keys(root / "keys");
  }
  void TearDown() override { fs::remove_all(root); }

  Manifest manifest() const {
    Manifest m;
    m.election = "Board 2026";
    m.run_by = "Returning officer";
    m.council = "Board";
    m.candidates = {"Alice", "Bob", "Carol"};
    m.method = "plurality";
    return m;
  }

  std::vector<Receipt> cast_some(int n, int first_voter = 0) {
    Ledger ledger(record, keys);
    std::vector<Receipt> receipts;
    for (int i = 0; i < n; ++i) {
      CastBallot ballot{{{i % 3 == 0 ? "Bob" : "Alice"}, {"Carol"}}, "voter-" + std::to_string(first_voter + i)};
      auto r = ledger.cast(std::span<const CastBallot>(&ballot, 1));
      receipts.push_back(r.front());
    }
    return receipts;
  }

  void build_counted(int n) {
    init_record(record, manifest(), keys);
    cast_some(n);
    {
      Ledger ledger(record, keys);
      ledger.close();
    }
    count_record(record, keys);
  }

  static std::string failures(const std::vector<Check>& checks) {
    std::string out;
    for (const Check& c : checks) {
      if (!c.holds) out += c.text + "\n";
    }
    return out;
  }

  std::string read(const char* file) const {
    std::ifstream in(record / file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const char* file, const std::string& text) const {
    std::ofstream(record / file, std::ios::binary | std::ios::trunc) << text;
  }
  std::vector<std::string> lines(const char* file) const {
    std::vector<std::string> out;
    std::istringstream in(read(file));
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }
  void write_lines(const char* file, const std::vector<std::string>& ls) const {
    std::string text;
    for (const auto& l : ls) text += l + "\n";
    write(file, text);
  }
};

TEST_F(RecordTest, UntouchedRecordVerifies) {
  build_counted(10);
  auto checks = verify_record(record);
  EXPECT_EQ(failures(checks), "");
  EXPECT_GE(checks.size(), 8u);
}

TEST_F(RecordTest, ReceiptsProveInclusionInTheFinalTree) {
  init_record(record, manifest(), keys);
  auto receipts = cast_some(7);
  {
    Ledger ledger(record, keys);
    ledger.close();
  }
  for (const Receipt& r : receipts) {
    EXPECT_EQ(failures(verify_receipt(record, r)), "") << r.leaf_index;
  }
  Receipt forged = receipts[2];
  forged.leaf_hash = leaf_hash("{\"ranks\":[[\"Bob\"]]}");
  EXPECT_NE(failures(verify_receipt(record, forged)), "");
}

TEST_F(RecordTest, SecondVoteIsRefused) {
  init_record(record, manifest(), keys);
  Ledger ledger(record, keys);
  CastBallot ballot{{{"Alice"}}, "v1"};
  ledger.cast(std::span<const CastBallot>(&ballot, 1));
  EXPECT_THROW(ledger.cast(std::span<const CastBallot>(&ballot, 1)), std::exception);
}

TEST_F(RecordTest, OneByteOfOneBallotChanged) {
  build_counted(10);
  std::string text = read("ballots.jsonl");
  text[text.find("Bob")] = 'R';
  write("ballots.jsonl", text);
  std::string f = failures(verify_record(record));
  EXPECT_NE(f.find("ballots.jsonl line"), std::string::npos) << f;
}

TEST_F(RecordTest, BallotDroppedDuplicatedReordered) {
  build_counted(10);
  auto original = lines("ballots.jsonl");
  auto dropped = original;
  dropped.erase(dropped.begin() + 3);
  write_lines("ballots.jsonl", dropped);
  EXPECT_NE(failures(verify_record(record)), "");

  auto duplicated = original;
  duplicated.insert(duplicated.begin() + 3, original[3]);
  write_lines("ballots.jsonl", duplicated);
  EXPECT_NE(failures(verify_record(record)), "");

  auto reordered = original;
  std::size_t a = 0, b = 1;
  while (reordered[a] == reordered[b]) ++b;
  std::swap(reordered[a], reordered[b]);
  write_lines("ballots.jsonl", reordered);
  std::string f = failures(verify_record(record));
  EXPECT_NE(f.find("do not rebuild"), std::string::npos) << f;

  write_lines("ballots.jsonl", original);
  EXPECT_EQ(failures(verify_record(record)), "");
}

TEST_F(RecordTest, BallotAddedAfterClose) {
  build_counted(5);
  write("ballots.jsonl", read("ballots.jsonl") + "{\"ranks\":[[\"Carol\"]]}\n");
  std::string f = failures(verify_record(record));
  EXPECT_NE(f.find("cast after close"), std::string::npos) << f;
}

TEST_F(RecordTest, OutcomeResignedWithAnotherKey) {
  build_counted(5);
  auto document = nlohmann::json::parse(read("outcome.json"));
  document["outcome"]["elected"] = {"Carol"};
  RecordKeys other = open_keys(root / "other-keys");
  nlohmann::json unsigned_part = document;
  unsigned_part.erase("signature");
  document["signature"] = sign("veche-outcome-v1\n" + unsigned_part.dump(), other.returning_officer);
  write("outcome.json", document.dump(1));
  std::string f = failures(verify_record(record));
  EXPECT_NE(f.find("outcome.json: the signature does not hold"), std::string::npos) << f;
  EXPECT_NE(f.find("/outcome/elected/0"), std::string::npos) << f;
}

TEST_F(RecordTest, TruncatedFileIsCaught) {
  build_counted(6);
  std::string text = read("ballots.jsonl");
  write("ballots.jsonl", text.substr(0, text.size() - 7));
  EXPECT_NE(failures(verify_record(record)), "");
}

TEST_F(RecordTest, TornTailOfAnOpenRecordIsNeverCastAndIsRepaired) {
  init_record(record, manifest(), keys);
  cast_some(4);
  write("ballots.jsonl", read("ballots.jsonl") + "{\"ranks\":[[\"Al");
  EXPECT_EQ(failures(verify_record(record)), "");
  auto receipts = cast_some(1, 100);
  EXPECT_EQ(receipts.front().leaf_index, 4u);
  EXPECT_EQ(failures(verify_record(record)), "");
}

TEST_F(RecordTest, ImportedProfileCountsAsTheCountDoes) {
  ProfileBuilder builder({"Alice", "Bob", "Carol"});
  std::vector<std::vector<CandidateId>> a{{0}, {1}}, b{{1, 2}}, c{{2}};
  builder.add(a, 5);
  builder.add(b, 3);
  builder.add(c, 4);
  Profile profile = std::move(builder).finish();
  Manifest m = manifest();
  std::vector<std::string> roll;
  for (int i = 0; i < 12; ++i) roll.push_back("member " + std::to_string(i));
  import_record(record, profile, m, roll, keys);
  EXPECT_EQ(failures(verify_record(record)), "");
  auto document = nlohmann::json::parse(read("outcome.json"));
  auto direct = outcome_json(find_count_method("plurality")->count(profile, count_options(m)));
  EXPECT_EQ(document["outcome"]["elected"], nlohmann::json(direct["elected"]));
  EXPECT_EQ(lines("ballots.jsonl").size(), 12u);
  EXPECT_EQ(lines("ballots.jsonl")[5], "{\"ranks\":[[\"Bob\",\"Carol\"]]}");
}

TEST_F(RecordTest, ImportWithoutRollSaysSo) {
  ProfileBuilder builder({"Alice", "Bob"});
  std::vector<std::vector<CandidateId>> a{{0}};
  builder.add(a, 2);
  import_record(record, std::move(builder).finish(), manifest(), std::nullopt, keys);
  auto checks = verify_record(record);
  EXPECT_EQ(failures(checks), "");
  bool said = false;
  for (const Check& c : checks) said |= c.text.find("roll: not part of this record") == 0;
  EXPECT_TRUE(said);
}

TEST(Appender, ConsistencyFromTheCompactRangeIsTheFullProof) {
  std::vector<Hash> all;
  for (int i = 0; i < 70; ++i) all.push_back(leaf_hash(std::to_string(i)));
  for (std::size_t m = 1; m <= 40; ++m) {
    for (std::size_t n = m; n <= 70; n += 3) {
      TreeBuilder old;
      for (std::size_t i = 0; i < m; ++i) old.append(all[i]);
      auto added = std::span<const Hash>(all).subspan(m, n - m);
      EXPECT_EQ(consistency_proof(old, added), consistency_proof(std::span<const Hash>(all).first(n), m))
          << m << "->" << n;
    }
  }
}

TEST(BallotLinesTest, CanonicalFormIsEnforced) {
  BallotLines lines({"Alice", "Bob \"B\""});
  std::vector<std::vector<CandidateId>> ranks{{1}, {0}};
  EXPECT_EQ(lines.line(ranks), R"({"ranks":[["Bob \"B\""],["Alice"]]})");
  std::string why;
  EXPECT_TRUE(lines.read(R"({"ranks":[["Bob \"B\""],["Alice"]]})", why));
  EXPECT_FALSE(lines.read(R"({"ranks": [["Alice"]]})", why));
  EXPECT_NE(why.find("canonical"), std::string::npos);
  EXPECT_FALSE(lines.read(R"({"ranks":[["Zed"]]})", why));
  EXPECT_FALSE(lines.read(R"({"ranks":[["Alice"]],"voter":"x"})", why));
}

}  // namespace
}  // namespace veche

namespace veche {
namespace {

// A crash between the roll head and the ballots head: the batch stands, and its ballots
// head is signed when the record is next opened.
TEST_F(RecordTest, LostBallotsHeadIsSignedOnReopen) {
  init_record(record, manifest(), keys);
  cast_some(3);
  auto heads = lines("heads.jsonl");
  ASSERT_NE(heads.back().find("\"log\":\"ballots\""), std::string::npos);
  heads.pop_back();
  write_lines("heads.jsonl", heads);
  EXPECT_EQ(failures(verify_record(record)), "");  // an interrupted cast, reported as such
  {
    Ledger ledger(record, keys);
    EXPECT_EQ(ledger.ballots_cast(), 3u);
  }
  EXPECT_EQ(lines("ballots.jsonl").size(), 3u);
  auto receipts = cast_some(2, 50);
  EXPECT_EQ(receipts.back().leaf_index, 4u);
  EXPECT_EQ(failures(verify_record(record)), "");
}

}  // namespace
}  // namespace veche
