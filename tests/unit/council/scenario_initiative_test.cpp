// A referendum put by a members' initiative: held only when enough members of its
// constituencies sign before the deadline; the initiative is an event either way.
#include <gtest/gtest.h>

#include <fstream>

#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Four members in the two constituencies: at 1/2, two signatures put the question.
const std::string kUnion = std::string(testing::kDocksAndMills) + R"([[member]]
name = "Cat"
council = "Docks"
[[member]]
name = "Dan"
council = "Mills"

[[referendum]]
question = "Shall the levy be raised?"
[[referendum.count]]
council = "Docks"
electorate = 3
yes = 2
no = 1
[[referendum.count]]
council = "Mills"
electorate = 1
yes = 1
[referendum.initiative]
deadline = "2026-03-01T00:00:00Z"
threshold = "1/2"
[[referendum.initiative.signature]]
member = "Ann"
at = "2026-02-01T10:00:00Z"
)";

struct Out {
  fs::path path = fs::temp_directory_path() / ("veche-scenario-initiative-" +
                                               to_hex(new_signing_key().public_key).substr(0, 12));
  ~Out() { fs::remove_all(path); }
};

std::vector<Json> events_named(const fs::path& out, std::string_view kind) {
  std::ifstream in(out / "events.jsonl");
  std::vector<Json> events;
  for (std::string line; std::getline(in, line);) {
    Json e = Json::parse(line);
    if (e["event"] == kind) events.push_back(std::move(e));
  }
  return events;
}

std::string with_signature(std::string_view member, std::string_view at) {
  return std::string(kUnion) + "[[referendum.initiative.signature]]\nmember = \"" +
         std::string(member) + "\"\nat = \"" + std::string(at) + "\"\n";
}

TEST(ScenarioInitiative, EnoughSignaturesInTimeHoldTheReferendum) {
  Out out;
  Json summary = play_scenario(
      parse_scenario(with_signature("Dan", "2026-02-28T23:59:59Z"), "union.toml"), out.path);

  const Json& referendum = summary["referendums"][0];
  EXPECT_EQ(referendum["initiative"]["signatures"], 2);
  EXPECT_EQ(referendum["initiative"]["eligible"], 4);
  EXPECT_EQ(referendum["initiative"]["triggered"], true);
  EXPECT_EQ(referendum["yes"], 3);
  EXPECT_TRUE(fs::exists(out.path / "referendum 1/Docks"));
  ASSERT_EQ(events_named(out.path, "initiative").size(), 1u);
  EXPECT_EQ(events_named(out.path, "initiative")[0]["triggered"], true);
  EXPECT_EQ(events_named(out.path, "referendum").size(), 1u);
  for (const Check& c : verify_scenario_output(out.path)) EXPECT_TRUE(c.holds) << c.text;
}

TEST(ScenarioInitiative, TooFewSignaturesHoldNothing) {
  Out out;
  // A stranger's signature and one at the deadline are refused: one of four is not half.
  std::string text = with_signature("Zed", "2026-02-01T10:00:00Z") +
                     "[[referendum.initiative.signature]]\nmember = \"Bob\"\n"
                     "at = \"2026-03-01T00:00:00Z\"\n";
  Json summary = play_scenario(parse_scenario(text, "union.toml"), out.path);

  const Json& referendum = summary["referendums"][0];
  EXPECT_EQ(referendum["held"], false);
  EXPECT_FALSE(referendum.contains("yes"));
  const Json& initiative = referendum["initiative"];
  EXPECT_EQ(initiative["signatures"], 1);
  EXPECT_EQ(initiative["triggered"], false);
  ASSERT_EQ(initiative["refused_signatures"].size(), 2u);
  EXPECT_EQ(initiative["refused_signatures"][0]["member"], "Zed");
  EXPECT_EQ(initiative["refused_signatures"][1]["member"], "Bob");
  EXPECT_FALSE(fs::exists(out.path / "referendum 1"));
  ASSERT_EQ(events_named(out.path, "initiative").size(), 1u);
  EXPECT_EQ(events_named(out.path, "initiative")[0]["triggered"], false);
  EXPECT_TRUE(events_named(out.path, "referendum").empty());
  for (const Check& c : verify_scenario_output(out.path)) EXPECT_TRUE(c.holds) << c.text;
}

// Drawn signatures come from every constituency's members: all four are drawn, and with
// Ann's written one signing twice, one signature of the five is refused.
TEST(ScenarioInitiative, DrawnSignaturesComeFromItsConstituencies) {
  Out out;
  std::string text(kUnion);
  text.insert(text.find("[[referendum.initiative.signature]]"),
              "signatures = { count = 4, seed = \"levy\", at = \"2026-02-02T00:00:00Z\" }\n");
  Json summary = play_scenario(parse_scenario(text, "union.toml"), out.path);

  const Json& initiative = summary["referendums"][0]["initiative"];
  EXPECT_EQ(initiative["signatures"], 4);
  ASSERT_EQ(initiative["refused_signatures"].size(), 1u);
  EXPECT_EQ(initiative["refused_signatures"][0]["member"], "Ann");
  EXPECT_EQ(initiative["triggered"], true);
  text.replace(text.find("count = 4"), std::string_view("count = 4").size(), "count = 5");
  EXPECT_EQ(testing::scenario_error(text, "union.toml"),
            "union.toml:42: referendum[1].initiative.signatures.count: 5 signatures, but Docks and "
            "Mills have 4 members on their register");
}

TEST(ScenarioInitiative, MistakesInAnInitiativeAreNamed) {
  std::string undated(kUnion);
  std::string_view deadline = "deadline = \"2026-03-01T00:00:00Z\"\n";
  undated.erase(undated.find(deadline), deadline.size());
  EXPECT_EQ(testing::scenario_error(undated, "union.toml"),
            "union.toml:39: referendum[1].initiative.deadline: missing");
  std::string loose(kUnion);
  loose.replace(loose.find("threshold"), std::string_view("threshold").size(), "share");
  EXPECT_EQ(testing::scenario_error(loose, "union.toml"),
            "union.toml:41: referendum[1].initiative.share: unknown key (expected one of: "
            "deadline, signature, signatures, threshold)");
}

}  // namespace
}  // namespace veche
