// Scenario files with elections of delegates: records, mandates, refills, and the
// mistakes an [[election]] can hold.
#include <gtest/gtest.h>

#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;

// Two branches under a congress: Docks elects 2 by STV, Depot 2 from party lists. Each
// recalls one delegate; the STV seat is refilled by countback, the list seat by the next
// on the list.
const std::string kFederation = std::string(R"(
[organisation]
name = "Federation"
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Docks"
level = "local"
parent = "Congress"
[[council]]
name = "Depot"
level = "local"
parent = "Congress"
members = 2000
[[member]]
name = "M1"
council = "Docks"
[[member]]
name = "M2"
council = "Docks"
)") + std::string(testing::kDocksAndDepotElections) +
                                R"([[recall]]
delegate = "Ann"
deadline = "2026-06-01T00:00:00Z"
[[recall.signature]]
member = "M1"
at = "2026-05-01T00:00:00Z"
[recall.vote]
electorate = 2
recall = 2
[[recall]]
delegate = "Ed"
deadline = "2026-06-01T00:00:00Z"
threshold = "0"
[recall.vote]
electorate = 2000
recall = 900
keep = 100
)";

struct Out {
  fs::path path = fs::temp_directory_path() /
                  ("veche-scenario-" + to_hex(new_signing_key().public_key).substr(0, 12));
  ~Out() { fs::remove_all(path); }
};

TEST(ScenarioElections, RecordsMandatesAndRefills) {
  Scenario s = parse_scenario(kFederation, "federation.toml");
  Out out;
  nlohmann::ordered_json summary = play_scenario(s, out.path);
  ASSERT_EQ(summary["elections"].size(), 2u);
  EXPECT_EQ(summary["elections"][0]["elected"], nlohmann::json({"Ann", "Bo"}));
  EXPECT_EQ(summary["elections"][1]["elected"],
            nlohmann::json({"Ed", "Hal"}));  // 70, 30, then 70/3
  EXPECT_EQ(summary["seated"].size(), 4u);
  EXPECT_TRUE(summary["refused_mandates"].empty()) << summary["refused_mandates"].dump();
  const auto& recalls = summary["recalls"];
  ASSERT_EQ(recalls.size(), 2u);
  EXPECT_EQ(recalls[0]["refill"], "STV countback");
  // Ann's 40 papers go on to Cy: Cy takes the seat.
  EXPECT_EQ(recalls[0]["countback"]["elected"], "Cy");
  EXPECT_EQ(recalls[1]["next_on_list"]["elected"], "Flo");
  for (const Check& c : verify_scenario_output(out.path)) EXPECT_TRUE(c.holds) << c.text;
}

TEST(ScenarioElections, TheOutputFolderIsNeverHalfWritten) {
  Scenario s = parse_scenario(kFederation, "federation.toml");
  Out out;
  fs::create_directories(out.path);
  EXPECT_THROW(play_scenario(s, out.path), UsageError);
  EXPECT_TRUE(fs::is_empty(out.path));
  EXPECT_FALSE(fs::exists(out.path.string() + ".building"));
}

void expect_refused(std::string_view text, const std::string& message) {
  try {
    parse_scenario(text, "f.toml");
    ADD_FAILURE() << "accepted; expected " << message;
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

constexpr std::string_view kHead = R"([[council]]
name = "Congress"
level = "congress"
[[council]]
name = "A"
level = "local"
parent = "Congress"
)";

TEST(ScenarioElections, MistakesInAnElectionAreNamed) {
  expect_refused(
      std::string(kHead) + "[[election]]\ncouncil = \"A\"\nmethod = \"coin-toss\"\nseats = 1\n",
      "f.toml:10: election[1].method: no counting or apportionment method called \"coin-toss\" "
      "(see veche methods)");
  expect_refused(std::string(kHead) +
                     "[[election]]\ncouncil = \"A\"\nmethod = \"irv\"\ncandidates = [\"X\"]\n"
                     "generate = { voters = 3 }\n",
                 "f.toml:8: election[1].seats: missing: no [delegations] rule apportions the "
                 "delegates sent to Congress");
  expect_refused(
      std::string(kHead) +
          "[[election]]\ncouncil = \"A\"\nmethod = \"irv\"\nseats = 1\ncandidates = [\"X\"]\n"
          "[[election.ballot]]\nranks = [\"Y\"]\n",
      "f.toml:14: election[1].ballot[1].ranks: \"Y\" is not a candidate");
  expect_refused(
      std::string(kHead) +
          "[[election]]\ncouncil = \"A\"\nmethod = \"irv\"\nseats = 1\ncandidates = [\"X\"]\n",
      "f.toml:8: election[1]: an election needs either [[...ballot]] tables or generate = { voters "
      "= N, seed = \"...\" }");
  expect_refused(
      std::string(kHead) + "[[election]]\ncouncil = \"Congress\"\nmethod = \"irv\"\nseats = 1\n",
      "f.toml:9: election[1].council: the top council elects no delegates");
  expect_refused(
      std::string(kHead) +
          "[[election]]\ncouncil = \"A\"\nmethod = \"dhondt\"\nseats = 1\nthreshold = \"120%\"\n"
          "generate = { voters = 3 }\n[[election.list]]\nparty = \"P\"\ncandidates = [\"X\"]\n",
      "f.toml:12: election[1].threshold: --threshold \"120%\": more than 100%; write a share such "
      "as 5% or 0.05");
  // Found by fuzz/scenario: a name on two lists of one election read past the elections.
  expect_refused(
      std::string(kHead) +
          "[[election]]\ncouncil = \"A\"\nmethod = \"dhondt\"\nseats = 1\n"
          "generate = { voters = 3 }\n[[election.list]]\nparty = \"P\"\n"
          "candidates = [\"X\"]\n[[election.list]]\nparty = \"Q\"\ncandidates = [\"X\"]\n",
      "f.toml:8: election[1].candidates: \"X\" is named twice in this election: a "
      "delegate elected twice would hold two seats");
  expect_refused(
      std::string(kHead) + "[[mandate]]\ncouncil = \"A\"\ndelegate = \"X\"\nrecord = \"A\"\n",
      "f.toml:11: mandate[1].record: no [[election]] in council \"A\" to sign it");
}

}  // namespace
}  // namespace veche
