// A scenario's referendum and recall votes: cast into records under the output folder,
// decided from their recount, named in the event log, checked by scenario verify; and the
// motions' roll calls in the event log.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const std::string kUnion = std::string(testing::kDocksAndMills) + R"(
[[recall]]
delegate = "Flint"
constituency = "Docks"
method = "irv"
deadline = "2026-03-01T00:00:00Z"
[[recall.signature]]
member = "Ann"
at = "2026-02-01T10:00:00Z"
[recall.vote]
electorate = 40
generate = { turnout = "90%", recall = "70%", seed = "flint" }

[[referendum]]
question = "Shall the levy be raised?"
majority = "double"
[[referendum.count]]
council = "Docks"
electorate = 30
yes = 20
no = 6
blank = 1
seed = "docks"
[[referendum.count]]
council = "Mills"
electorate = 500
generate = { turnout = "3/4", yes = "30%", blank = "2%", seed = "mills" }

[[motion]]
council = "Congress"
seated = ["Ann", "Bob"]
text = "That the levy be paid monthly"
proposer = "Ann"
seconder = "Bob"
[[motion.vote]]
delegate = "Ann"
vote = "aye"
[[motion.vote]]
delegate = "Bob"
vote = "no"
)";

struct Out {
  fs::path path = fs::temp_directory_path() /
                  ("veche-scenario-votes-" + to_hex(new_signing_key().public_key).substr(0, 12));
  ~Out() { fs::remove_all(path); }
};

std::vector<Json> events_of(const fs::path& out) {
  std::ifstream in(out / "events.jsonl");
  std::vector<Json> events;
  for (std::string line; std::getline(in, line);) events.push_back(Json::parse(line));
  return events;
}

const Json& event_named(const std::vector<Json>& events, std::string_view kind) {
  auto at =
      std::find_if(events.begin(), events.end(), [&](const Json& e) { return e["event"] == kind; });
  EXPECT_NE(at, events.end()) << kind;
  return *at;
}

TEST(ScenarioVotes, CastIntoRecordsAndDecidedFromTheirRecount) {
  Out out;
  Json summary = play_scenario(parse_scenario(kUnion, "union.toml"), out.path);

  const Json& referendum = summary["referendums"][0];
  ASSERT_EQ(referendum["constituencies"].size(), 2u);
  std::uint64_t yes = 0, no = 0;
  for (const Json& c : referendum["constituencies"]) {
    VoteTally recount = recount_public_vote(out.path / c["record"].get<std::string>());
    EXPECT_EQ(c["yes"], recount.answer_for);
    EXPECT_EQ(c["no"], recount.against);
    EXPECT_EQ(c["blank"], recount.blank);
    yes += recount.answer_for;
    no += recount.against;
  }
  EXPECT_EQ(referendum["constituencies"][0]["record"], "referendum 1/Docks");
  EXPECT_EQ(referendum["constituencies"][0]["yes"], 20);  // as the file gives
  EXPECT_EQ(referendum["yes"], yes);
  EXPECT_EQ(referendum["no"], no);
  // Docks says yes, Mills (30% yes) no: no double majority, whatever the sums.
  EXPECT_EQ(referendum["councils_yes"], 1);
  EXPECT_EQ(referendum["carried"], false);

  const Json& recall = summary["recalls"][0];
  ASSERT_TRUE(recall.contains("vote"));
  EXPECT_EQ(recall["vote"]["record"], "Docks recall 1");
  VoteTally recount = recount_public_vote(out.path / "Docks recall 1");
  EXPECT_EQ(recall["vote"]["recall"], recount.answer_for);
  EXPECT_EQ(recall["vote"]["keep"], recount.against);
  EXPECT_EQ(recall["recalled"], recount.answer_for > recount.against);

  std::vector<Json> events = events_of(out.path);
  const Json& logged = event_named(events, "referendum");
  ASSERT_EQ(logged["records"].size(), 2u);
  EXPECT_EQ(logged["records"][1]["record"], "referendum 1/Mills");
  EXPECT_EQ(logged["records"][1]["manifest_sha256"],
            read_manifest(out.path / "referendum 1/Mills").sha256);
  EXPECT_EQ(event_named(events, "recall")["vote"]["manifest_sha256"],
            read_manifest(out.path / "Docks recall 1").sha256);
  for (const Check& c : verify_scenario_output(out.path)) EXPECT_TRUE(c.holds) << c.text;
}

TEST(ScenarioVotes, TheSameFileGivesTheSameSummary) {
  Scenario s = parse_scenario(kUnion, "union.toml");
  EXPECT_EQ(play_scenario(s).dump(), play_scenario(s).dump());
}

TEST(ScenarioVotes, ABallotEditedInAReferendumRecordIsCaught) {
  Out out;
  play_scenario(parse_scenario(kUnion, "union.toml"), out.path);
  fs::path ballots = out.path / "referendum 1/Docks/ballots.jsonl";
  std::string text;
  {
    std::ifstream in(ballots);
    std::stringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  // One no turned into a yes, a ballot any recount would still read.
  std::string no = R"({"ranks":[["no"]]})";
  std::size_t at = text.find(no);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, no.size(), R"({"ranks":[["yes"]]})");
  std::ofstream(ballots, std::ios::trunc) << text;
  std::vector<std::string> failed;
  for (const Check& c : verify_scenario_output(out.path)) {
    if (!c.holds) failed.push_back(c.text);
  }
  // The record no longer verifies, and its recount no longer gives what the log says.
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_TRUE(failed[0].starts_with("referendum 1/Docks/")) << failed[0];
  EXPECT_TRUE(failed[1].starts_with("events.jsonl line ")) << failed[1];
  EXPECT_NE(failed[1].find("referendum 1/Docks: the recount gives 21 yes, 5 no, 1 blank; the log "
                           "says 20, 6, 1"),
            std::string::npos)
      << failed[1];
}

// A whole record swapped for another, itself sound and signed, carrying other ballots: only
// the event log, which names the manifest each decision was taken from, can tell.
TEST(ScenarioVotes, ARecordSwappedForAnotherIsCaught) {
  Out out;
  play_scenario(parse_scenario(kUnion, "union.toml"), out.path);
  fs::path record = out.path / "referendum 1/Docks";
  fs::remove_all(record);
  PublicVote other;
  other.council = "Docks";
  other.question = "Shall the levy be raised?";
  other.electorate = 30;
  other.answer_for = 20;
  other.against = 6;
  other.blank = 1;
  cast_public_vote(other, record, RecordKeys{new_signing_key(), new_signing_key()});
  std::vector<std::string> failed;
  for (const Check& c : verify_scenario_output(out.path)) {
    if (!c.holds) failed.push_back(c.text);
  }
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_NE(failed[0].find("referendum 1/Docks: its manifest is not the one logged"),
            std::string::npos)
      << failed[0];
}

TEST(ScenarioVotes, RollCallsAreEvents) {
  Out out;
  play_scenario(parse_scenario(kUnion, "union.toml"), out.path);
  std::vector<Json> events = events_of(out.path);
  std::vector<std::string> votes;
  for (const Json& e : events) {
    if (e["event"] == "delegate voted")
      votes.push_back(e["delegate"].get<std::string>() + " " + e["vote"].get<std::string>());
  }
  EXPECT_EQ(votes, (std::vector<std::string>{"Ann aye", "Bob no"}));
  const Json& decided = event_named(events, "question decided");
  EXPECT_EQ(decided["question"], "That the levy be paid monthly");
  EXPECT_EQ(decided["carried"], false);
}

std::string error_of(std::string_view text) {
  return testing::scenario_error(text, "union.toml");
}

TEST(ScenarioVotes, MistakesInAVoteAreNamed) {
  std::string base(kUnion.substr(0, kUnion.find("[[referendum]]")));
  EXPECT_EQ(error_of(base + R"([[referendum]]
question = "Q"
[[referendum.count]]
council = "Mills"
electorate = 10
yes = 3
generate = { turnout = "1/2", yes = "1/2" }
)"),
            "union.toml:40: referendum[1].count[1].generate: ballots are either given (yes, no, "
            "blank) or generated");
  EXPECT_EQ(error_of(base + R"([[referendum]]
question = "Q"
[[referendum.count]]
council = "Mills"
generate = { turnout = "1/2", yes = "1/2" }
)"),
            "union.toml:36: referendum[1].count[1].electorate: generated ballots are drawn from an "
            "electorate of at least 1");
  EXPECT_EQ(error_of(base + R"([[referendum]]
question = "Q"
[[referendum.count]]
council = "Mills"
electorate = 10
generate = { turnout = "1/2", recall = "1/2" }
)"),
            "union.toml:39: referendum[1].count[1].generate.recall: unknown key (expected one of: "
            "blank, seed, turnout, yes)");
  EXPECT_EQ(error_of(base + R"([[referendum]]
question = "Q"
[[referendum.count]]
council = "Mills"
electorate = 10
generate = { turnout = "150%" }
)"),
            "union.toml:39: referendum[1].count[1].generate.turnout: expected a share such as "
            "60%, not \"150%\"");
  EXPECT_EQ(error_of(base + R"([[referendum]]
question = "Q"
[[referendum.count]]
council = "Mills"
[[referendum.count]]
council = "Mills"
)"),
            "union.toml:39: referendum[1].count[2].council: Mills is counted twice in this "
            "referendum");
}

}  // namespace
}  // namespace veche
