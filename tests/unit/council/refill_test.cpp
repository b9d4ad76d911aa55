// Seats refilled after a recall, by countback and by the next on the list: the signed
// countback statement beside the record, the refilled delegate's mandate, the chain of
// refills on one record, and every forgery refused by name.
#include "veche/council/refill.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "federation.hpp"
#include "unit/council/scenario_testing.hpp"
#include "veche/core/error.hpp"
#include "veche/council/credentials.hpp"
#include "veche/council/election.hpp"
#include "veche/council/mandate.hpp"
#include "veche/council/scenario.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;

struct Folder {
  fs::path root = fs::temp_directory_path() /
                  ("veche-refill-" + to_hex(new_signing_key().public_key).substr(0, 12));
  Folder() { fs::create_directories(root); }
  ~Folder() { fs::remove_all(root); }
};

// Two seats by STV: Ann and Bo win; Ann's papers go on to Cy, and Cy's to no one.
DelegateElection stv_election() {
  DelegateElection e;
  e.council = "L0";
  e.to = "Congress";
  e.method = "stv-scottish";
  e.seats = 2;
  e.candidates = {"Ann", "Bo", "Cy", "Di"};
  e.ballots = {{{"Ann", "Cy"}, 40}, {{"Bo", "Di"}, 35}, {{"Cy"}, 15}, {{"Di"}, 10}};
  return e;
}

// Two seats from party lists: Reds 70, Blues 30 by Sainte-Laguë elect Ed and Hal.
DelegateElection list_election() {
  DelegateElection e;
  e.council = "L1";
  e.to = "Congress";
  e.method = "sainte-lague";
  e.seats = 2;
  e.lists = {{"Reds", {"Ed", "Flo", "Gus"}}, {"Blues", {"Hal", "Ida"}}};
  e.candidates = {"Reds", "Blues"};
  e.ballots = {{{"Reds"}, 70}, {{"Blues"}, 30}};
  return e;
}

struct Held {
  RecordKeys keys{new_signing_key(), new_signing_key()};
  fs::path record;
};

Held hold(const Folder& f, const DelegateElection& e) {
  Held h;
  h.record = f.root / e.council;
  hold_election(e, h.record, h.keys);
  return h;
}

Mandate countback_mandate(const Folder& f, const Held& h, const std::string& delegate,
                          const std::string& file) {
  nlohmann::ordered_json refill = {
      {"countback", file}, {"countback_sha256", sha256_hex(read_small_file(h.record / file))}};
  std::string record = h.record.filename().string();
  return {record, delegate,
          issue_mandate(f.root, record, delegate, "Congress", h.keys.returning_officer, refill)};
}

Mandate list_mandate(const Folder& f, const Held& h, const std::string& delegate,
                     std::vector<std::string> vacated) {
  nlohmann::ordered_json refill = {{"vacated", vacated}};
  std::string record = h.record.filename().string();
  return {record, delegate,
          issue_mandate(f.root, record, delegate, "Congress", h.keys.returning_officer, refill)};
}

DelegationTable two_seats_each(const Organisation& o) {
  DelegationRule rule;
  rule.kind = DelegationRule::Kind::ratio;
  rule.per = 1000;
  rule.minimum = 2;
  return apportion_delegations(o, 0, rule);
}

// The one mandate's fault and reason at a congress of L0 and L1; "seated" when it stands.
std::string checked(const Folder& f, const Mandate& m) {
  Organisation o = testing::attested_federation({100, 100});
  CredentialsReport report = check_credentials(o, two_seats_each(o), {&m, 1}, f.root);
  if (report.refused.empty()) return "seated";
  return std::string(to_string(report.refused[0].fault)) + ": " + report.refused[0].reason;
}

void rewrite(const fs::path& file, const nlohmann::ordered_json& statement) {
  write_file_durably(file, statement.dump(1) + "\n");
}

TEST(Refill, ACountbackIsPublishedSignedAndItsMandateSeated) {
  Folder f;
  Held h = hold(f, stv_election());
  nlohmann::ordered_json s = publish_countback(h.record, "Ann", h.keys.returning_officer);
  EXPECT_EQ(s["elected"], "Cy");
  EXPECT_EQ(s["vacating"], "Ann");
  EXPECT_EQ(s["number"], 1);
  EXPECT_TRUE(fs::exists(h.record / "countback-1.json"));
  EXPECT_EQ(countback_statement_fault(h.record, "countback-1.json"), std::nullopt);
  // The same call `veche countback` makes, on the record's own ballots.
  EXPECT_EQ(countback_elects(h.record, {"Ann", "Ann", {}}), "Cy");
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Cy", "countback-1.json")), "seated");
}

TEST(Refill, ACountbackChainRefillsTheSameSeatAgain) {
  Folder f;
  Held h = hold(f, stv_election());
  publish_countback(h.record, "Ann", h.keys.returning_officer);
  // Cy, seated by the first countback, is recalled: Ann's seat is counted back again with
  // Cy not standing, and Ann's papers (Ann, Cy) are exhausted: Di is the only one left.
  nlohmann::ordered_json second = publish_countback(h.record, "Cy", h.keys.returning_officer);
  EXPECT_EQ(second["vacating"], "Ann");
  EXPECT_EQ(second["not_standing"], nlohmann::json({"Cy"}));
  EXPECT_EQ(second["elected"], "Di");
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Di", "countback-2.json")), "seated");
  // No one is left for a third.
  EXPECT_THROW(publish_countback(h.record, "Di", h.keys.returning_officer), UsageError);
  EXPECT_FALSE(fs::exists(h.record / "countback-3.json"));
  // One recalled twice holds no seat.
  EXPECT_THROW(publish_countback(h.record, "Ann", h.keys.returning_officer), UsageError);
}

TEST(Refill, AForgedCountbackMandateIsRefusedByName) {
  Folder f;
  Held h = hold(f, stv_election());
  publish_countback(h.record, "Ann", h.keys.returning_officer);
  // A mandate for someone the countback did not elect.
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Di", "countback-1.json")),
            "not elected: Di of L0: countback-1.json of record L0 elected Cy, not Di");

  // The statement edited after the mandate bound it.
  Mandate cy = countback_mandate(f, h, "Cy", "countback-1.json");
  auto statement = nlohmann::ordered_json::parse(read_small_file(h.record / "countback-1.json"));
  statement["elected"] = "Di";
  rewrite(h.record / "countback-1.json", statement);
  EXPECT_EQ(checked(f, cy),
            "mandate does not stand: Cy of L0: it names a countback-1.json other than record "
            "L0's");
  // ... and a mandate made out to match it: the statement's signature no longer holds.
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Di", "countback-1.json")),
            "mandate does not stand: Di of L0: countback-1.json: the signature does not hold "
            "under the returning officer's key of record L0");

  // Signed again by the returning officer himself: the count says otherwise.
  statement["signature"] =
      sign(countback_signed_bytes(nlohmann::json(statement)), h.keys.returning_officer);
  rewrite(h.record / "countback-1.json", statement);
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Di", "countback-1.json")),
            "not elected: Di of L0: countback-1.json of record L0 names Di elected, but the "
            "countback of the seat Ann won elects Cy");
}

TEST(Refill, ACountbackThatLeavesOutWhoMayNotStandIsRefused) {
  Folder f;
  Held h = hold(f, stv_election());
  publish_countback(h.record, "Ann", h.keys.returning_officer);
  publish_countback(h.record, "Cy", h.keys.returning_officer);
  // The second countback claims Cy may stand again, and is re-signed.
  auto statement = nlohmann::ordered_json::parse(read_small_file(h.record / "countback-2.json"));
  statement["not_standing"] = nlohmann::json::array();
  statement["signature"] =
      sign(countback_signed_bytes(nlohmann::json(statement)), h.keys.returning_officer);
  rewrite(h.record / "countback-2.json", statement);
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Di", "countback-2.json")),
            "mandate does not stand: Di of L0: countback-2.json: its not_standing is not those "
            "earlier countbacks seated ([\"Cy\"])");
  // The first one removed: the chain is broken.
  fs::remove(h.record / "countback-1.json");
  EXPECT_EQ(checked(f, countback_mandate(f, h, "Di", "countback-2.json")),
            "mandate does not stand: Di of L0: countback-1.json is missing");
}

TEST(Refill, TheNextOnTheListIsWorkedOutAgainFromTheRecord) {
  Folder f;
  Held h = hold(f, list_election());
  std::string why;
  EXPECT_EQ(next_on_list_after(h.record, {"Ed"}, why), "Flo");
  EXPECT_EQ(checked(f, list_mandate(f, h, "Flo", {"Ed"})), "seated");
  // Flo recalled in turn: the next after both.
  EXPECT_EQ(next_on_list_after(h.record, {"Ed", "Flo"}, why), "Gus");
  EXPECT_EQ(checked(f, list_mandate(f, h, "Gus", {"Ed", "Flo"})), "seated");
  EXPECT_EQ(next_on_list_after(h.record, {"Ed", "Flo", "Gus"}, why), std::nullopt);
  EXPECT_EQ(why, "Reds's list has no one left after Gus");
}

TEST(Refill, AMandateForSomeoneNotNextIsRefused) {
  Folder f;
  Held h = hold(f, list_election());
  EXPECT_EQ(checked(f, list_mandate(f, h, "Gus", {"Ed"})),
            "not elected: Gus of L1: the next on the list of record L1 after [\"Ed\"] is Flo, "
            "not Gus");
  EXPECT_EQ(checked(f, list_mandate(f, h, "Gus", {"Ida"})),
            "not elected: Gus of L1: Ida held no seat of record L1 when recalled");
  // "vacated" added to a mandate after signing.
  Mandate flo = list_mandate(f, h, "Flo", {"Ed"});
  flo.statement["vacated"] = {"Hal"};
  EXPECT_EQ(checked(f, flo),
            "mandate does not stand: Flo of L1: the signature does not hold under the returning "
            "officer's key of record L1");
}

// A whole scenario: Docks recalls Ann, then Cy who took her seat; Depot recalls Ed, then
// Flo. Every refill brings a mandate the congress checks, and verify checks again.
const std::string kChains = std::string(R"(
[organisation]
name = "Federation"
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Docks"
level = "local"
parent = "Congress"
members = 2000
[[council]]
name = "Depot"
level = "local"
parent = "Congress"
members = 2000
)") + std::string(testing::kDocksAndDepotElections);

std::string recall_of(const std::string& delegate) {
  return "[[recall]]\ndelegate = \"" + delegate +
         "\"\ndeadline = \"2026-06-01T00:00:00Z\"\nthreshold = \"0\"\n[recall.vote]\n"
         "electorate = 20\nrecall = 15\nkeep = 5\n";
}

TEST(Refill, AScenarioRefillsTwiceAndSeatsEachRefillOnAMandate) {
  std::string text = std::string(kChains) + recall_of("Ann") + recall_of("Ed") + recall_of("Cy") +
                     recall_of("Flo");
  Scenario s = parse_scenario(text, "chains.toml");
  Folder f;
  fs::path out = f.root / "out";
  nlohmann::ordered_json summary = play_scenario(s, out);
  const auto& recalls = summary["recalls"];
  ASSERT_EQ(recalls.size(), 4u);
  EXPECT_EQ(recalls[0]["countback"]["elected"], "Cy");
  EXPECT_EQ(recalls[0]["countback"]["statement"], "countback-1.json");
  EXPECT_EQ(recalls[1]["next_on_list"]["elected"], "Flo");
  EXPECT_EQ(recalls[2]["countback"]["elected"], "Di");
  EXPECT_EQ(recalls[2]["countback"]["statement"], "countback-2.json");
  EXPECT_EQ(recalls[3]["next_on_list"]["elected"], "Gus");
  EXPECT_EQ(recalls[3]["next_on_list"]["vacated"], nlohmann::json({"Ed", "Flo"}));
  std::set<std::string> seated;
  for (const auto& m : summary["seated"]) seated.insert(m["delegate"].get<std::string>());
  EXPECT_EQ(seated, (std::set<std::string>{"Bo", "Di", "Gus", "Hal"}));
  EXPECT_TRUE(summary["refused_mandates"].empty()) << summary["refused_mandates"].dump();

  // Each refill's seat won is followed by its mandate checked.
  std::vector<std::string> order;
  std::ifstream events(out / "events.jsonl");
  for (std::string line; std::getline(events, line);) {
    auto e = nlohmann::json::parse(line);
    if (e["event"] == "seat won" && e["how"] != "elected")
      order.push_back("won " + e.value("delegate", ""));
    if (e["event"] == "mandate checked" && e["seated"] == true && !order.empty() &&
        order.back() == "won " + e.value("delegate", ""))
      order.push_back("checked " + e.value("delegate", ""));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"won Cy", "checked Cy", "won Flo", "checked Flo",
                                             "won Di", "checked Di", "won Gus", "checked Gus"}));

  std::size_t refill_lines = 0;
  for (const Check& c : verify_scenario_output(out)) {
    EXPECT_TRUE(c.holds) << c.text;
    if (c.text.find("seated by the") != std::string::npos) ++refill_lines;
  }
  EXPECT_EQ(refill_lines, 4u);
}

}  // namespace
}  // namespace veche
