// Every option of the count is in manifest.json, signed into outcome.json and used by the
// recount; ballots the ballot rules set aside stay in the record, and so does why.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "veche/ledger/record.hpp"
#include "veche/report/report.hpp"

namespace veche {
namespace {

struct CountOptionsTest : ::testing::Test {
  fs::path root =
      fs::temp_directory_path() / ("veche-options-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::path record = root / "record";
  RecordKeys keys;

  void SetUp() override {
    fs::remove_all(root);
    fs::create_directories(root);
    keys = open_keys(root / "keys");
  }
  void TearDown() override { fs::remove_all(root); }

  static std::vector<std::string> names() { return {"Alice", "Bob", "Carol", "Dave"}; }

  // Alice leads on first preferences unless the overvotes (Carol=Dave, then Bob) count
  // for Bob, so the overvote rule decides the winner.
  static Profile overvoted_profile(BallotRules rules = {}) {
    ProfileBuilder builder(names(), rules);
    using Ranks = std::vector<std::vector<CandidateId>>;
    builder.add(Ranks{{0}, {3}}, 5);
    builder.add(Ranks{{1}}, 3);
    builder.add(Ranks{{2}, {1}}, 1);
    builder.add(Ranks{{2, 3}, {1}}, 5);  // an overvote at the first rank
    builder.add(Ranks{{3}, {1}}, 1);
    builder.add(Ranks{{0}, {}, {2}}, 2);  // a skipped rank
    Profile profile = std::move(builder).finish();
    profile.seats = 1;
    return profile;
  }

  static Manifest irv() {
    Manifest m;
    m.election = "Options 2026";
    m.method = "irv";
    return m;
  }

  std::string failures() const {
    std::string out;
    for (const Check& c : verify_record(record)) {
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
  nlohmann::json outcome() const { return nlohmann::json::parse(read("outcome.json")); }
  // Replaces the first `from` in manifest.json by `to`, as someone editing it by hand would.
  void edit_manifest(const std::string& from, const std::string& to) const {
    std::string text = read("manifest.json");
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    write("manifest.json", text.replace(at, from.size(), to));
  }
};

TEST_F(CountOptionsTest, EveryOptionIsInTheManifestAndTheOutcome) {
  Manifest m = irv();
  m.tie_seed = "2026";
  m.look_back = "none";
  m.batch_elimination = true;
  m.overvote = "reject";
  m.skipped_rank = "exhaust";
  m.repeated = "reject";
  m.unknown_name = "skip";
  m.quota = "hare";
  m.decimal_places = 3;
  m.exact = true;
  import_record(record, overvoted_profile(), m, std::nullopt, keys);
  EXPECT_EQ(failures(), "");
  auto manifest = nlohmann::json::parse(read("manifest.json"))["count"];
  nlohmann::json want = {{"method", "irv"},
                         {"seats", 1},
                         {"quota", "hare"},
                         {"decimal_places", 3},
                         {"exact", true},
                         {"batch_elimination", true},
                         {"withdrawn", nlohmann::json::array()},
                         {"tie_seed", "2026"},
                         {"look_back", "none"},
                         {"tie_order", nlohmann::json::array()},
                         {"overvote", "reject"},
                         {"skipped_rank", "exhaust"},
                         {"repeated", "reject"},
                         {"unknown_name", "skip"}};
  EXPECT_EQ(manifest, want);
  EXPECT_EQ(outcome()["count"], want);
  EXPECT_EQ(outcome()["outcome"]["tie_seed"], "2026");
}

TEST_F(CountOptionsTest, TheRecountUsesTheOvervoteRuleOfTheManifest) {
  Profile profile = overvoted_profile();
  CountOptions options;
  options.overvote = Remedy::reject;
  auto direct = outcome_json(find_count_method("irv")->count(profile, options));
  options.overvote = Remedy::skip;
  auto skipping = outcome_json(find_count_method("irv")->count(profile, options));
  ASSERT_NE(direct["elected"], skipping["elected"]) << "the profile must make the rule matter";

  Manifest m = irv();
  m.overvote = "reject";
  import_record(record, profile, m, std::nullopt, keys);
  EXPECT_EQ(failures(), "");
  EXPECT_EQ(outcome()["outcome"], direct);
  // The overvoted ballots are in the log as cast, ranked equal, though not counted.
  EXPECT_NE(read("ballots.jsonl").find(R"({"ranks":[["Carol","Dave"],["Bob"]]})"),
            std::string::npos);
}

TEST_F(CountOptionsTest, AnOptionEditedInTheManifestIsNamed) {
  Manifest m = irv();
  m.overvote = "reject";
  m.tie_seed = "7";
  import_record(record, overvoted_profile(), m, std::nullopt, keys);
  ASSERT_EQ(failures(), "");
  edit_manifest(R"("overvote": "reject")", R"("overvote": "skip")");
  std::string f = failures();
  EXPECT_NE(
      f.find(
          R"(manifest.json count.overvote is "skip", but outcome.json was counted with "reject")"),
      std::string::npos)
      << f;
  EXPECT_NE(f.find("differs at /outcome"), std::string::npos) << f;
}

TEST_F(CountOptionsTest, AnOptionThatChangesNoResultIsStillNamed) {
  import_record(record, overvoted_profile(), irv(), std::nullopt, keys);
  edit_manifest(R"("tie_seed": "0")", R"("tie_seed": "1")");
  std::string f = failures();
  EXPECT_NE(f.find("count.tie_seed"), std::string::npos) << f;
}

TEST_F(CountOptionsTest, BallotsSetAsideWhenReadStayInTheRecordWithWhy) {
  BallotRules rules;
  rules.skipped_rank = Remedy::reject;
  Profile profile = overvoted_profile(rules);
  ASSERT_EQ(profile.rejected, 2u);
  Manifest m = irv();
  m.skipped_rank = "reject";
  import_record(record, profile, m, std::nullopt, keys);
  EXPECT_EQ(failures(), "");
  std::string ballots = read("ballots.jsonl");
  EXPECT_NE(ballots.find("{\"rejected\":[\"skipped_rank\"]}\n{\"rejected\":[\"skipped_rank\"]}\n"),
            std::string::npos)
      << ballots;
  // The record holds every ballot cast: counted ones, and those set aside.
  std::size_t lines = std::count(ballots.begin(), ballots.end(), '\n');
  EXPECT_EQ(lines, profile.total_weight() + profile.rejected);
  auto direct = outcome_json(find_count_method("irv")->count(profile, CountOptions{}));
  EXPECT_EQ(outcome()["outcome"], direct);

  // A set-aside line must name a rule of the manifest that rejects.
  edit_manifest(R"("skipped_rank": "reject")", R"("skipped_rank": "skip")");
  std::string f = failures();
  EXPECT_NE(f.find("count.skipped_rank"), std::string::npos) << f;
  EXPECT_NE(f.find("set aside by \"skipped_rank\""), std::string::npos) << f;
}

TEST_F(CountOptionsTest, ACastBallotIsKeptAsCastAndTheRulesApplyAtTheCount) {
  Manifest m = irv();
  m.candidates = {"Alice", "Bob", "Carol"};
  m.skipped_rank = "reject";
  m.repeated = "error";
  init_record(record, m, keys);
  {
    Ledger ledger(record, keys);
    std::vector<CastBallot> ballots = {
        {{{"Alice"}, {}, {"Bob"}}, "v1"}, {{{"Bob"}}, "v2"}, {{{"Bob"}, {"Carol"}}, "v3"}};
    ledger.cast(ballots);
    CastBallot twice{{{"Alice"}, {"Alice"}}, "v4"};
    EXPECT_THROW(ledger.cast(std::span<const CastBallot>(&twice, 1)), std::exception);
    ledger.close();
  }
  count_record(record, keys);
  EXPECT_EQ(failures(), "");
  EXPECT_NE(read("ballots.jsonl").find(R"({"ranks":[["Alice"],[],["Bob"]]})"), std::string::npos);
  auto rounds = outcome()["outcome"]["rounds"];
  ASSERT_FALSE(rounds.empty());
  EXPECT_EQ(rounds[0]["exhausted"], 1) << rounds[0].dump();
}

}  // namespace
}  // namespace veche
