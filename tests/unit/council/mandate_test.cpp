// Mandates signed by the lower council's returning officer, pointing at its election's
// record, and the credentials check that verifies each one against that record.
#include "veche/council/mandate.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <fstream>
#include <set>

#include "federation.hpp"
#include "veche/council/credentials.hpp"
#include "veche/council/election.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;

// A folder of records removed when the test ends.
struct Records {
  fs::path root;
  Records() {
    root = fs::temp_directory_path() /
           ("veche-mandate-" + to_hex(new_signing_key().public_key).substr(0, 12));
    fs::create_directories(root);
  }
  ~Records() { fs::remove_all(root); }
};

DelegateElection election(const std::string& council, std::vector<std::string> candidates,
                          int seats) {
  DelegateElection e;
  e.council = council;
  e.to = "Congress";
  e.method = "stv-scottish";
  e.seats = seats;
  e.candidates = std::move(candidates);
  // Each candidate first on more ballots than the one after: the first `seats` win.
  Weight n = static_cast<Weight>(e.candidates.size()) + 1;
  for (const std::string& c : e.candidates) e.ballots.push_back({{c}, n--});
  return e;
}

struct Held {
  RecordKeys keys{new_signing_key(), new_signing_key()};
  ElectionResult result;
};

Held hold(const Records& r, const DelegateElection& e) {
  Held h;
  h.result = hold_election(e, r.root / e.council, h.keys);
  return h;
}

Mandate mandate_of(const Records& r, const Held& h, const std::string& council,
                   const std::string& delegate) {
  return {council, delegate,
          issue_mandate(r.root, council, delegate, "Congress", h.keys.returning_officer)};
}

DelegationTable two_seats_each(const Organisation& o) {
  DelegationRule rule;
  rule.kind = DelegationRule::Kind::ratio;
  rule.per = 1000;
  rule.minimum = 2;
  return apportion_delegations(o, 0, rule);
}

std::map<std::string, MandateFault> faults(const CredentialsReport& report) {
  std::map<std::string, MandateFault> out;
  for (const RefusedMandate& r : report.refused)
    out[r.mandate.council + "/" + r.mandate.delegate] = r.fault;
  return out;
}

TEST(Mandate, ElectedDelegatesWithSignedMandatesAreSeated) {
  Records r;
  Held a = hold(r, election("L0", {"Ann", "Bo", "Cy"}, 2));
  EXPECT_EQ(a.result.elected, (std::vector<std::string>{"Ann", "Bo"}));
  Organisation o = testing::attested_federation({100, 100});
  std::vector<Mandate> presented = {mandate_of(r, a, "L0", "Ann"), mandate_of(r, a, "L0", "Bo")};
  CredentialsReport report = check_credentials(o, two_seats_each(o), presented, r.root);
  EXPECT_EQ(report.seated.size(), 2u);
  EXPECT_TRUE(report.refused.empty()) << report.refused.front().reason;
}

TEST(Mandate, EachRecordCheckRefusesByName) {
  Records r;
  Held a = hold(r, election("L0", {"Ann", "Bo", "Cy"}, 2));
  Held b = hold(r, election("L1", {"Di", "Ed", "Fay"}, 2));
  Organisation o = testing::attested_federation({100, 100});
  Mandate forged = mandate_of(r, a, "L0", "Bo");
  forged.statement["delegate"] = "Cy";  // changed after signing
  forged.delegate = "Cy";
  Mandate other_key = {"L1", "Ed",
                       issue_mandate(r.root, "L1", "Ed", "Congress", a.keys.returning_officer)};
  std::vector<Mandate> presented = {
      mandate_of(r, a, "L0", "Ann"),
      forged,
      mandate_of(r, b, "L1", "Fay"),  // signed, but the count did not elect Fay
      {"L1", "Di", nullptr},          // no mandate at all
      other_key,                      // signed by another council's returning officer
  };
  auto refused = faults(check_credentials(o, two_seats_each(o), presented, r.root));
  EXPECT_EQ(refused.size(), 4u);
  EXPECT_EQ(refused.at("L0/Cy"), MandateFault::bad_statement);
  EXPECT_EQ(refused.at("L1/Fay"), MandateFault::not_elected);
  EXPECT_EQ(refused.at("L1/Di"), MandateFault::unsigned_mandate);
  EXPECT_EQ(refused.at("L1/Ed"), MandateFault::bad_statement);
}

TEST(Mandate, ARecordThatNoLongerVerifiesRefusesItsMandates) {
  Records r;
  Held a = hold(r, election("L0", {"Ann", "Bo", "Cy"}, 2));
  Organisation o = testing::attested_federation({100});
  Mandate ann = mandate_of(r, a, "L0", "Ann");
  // Someone edits a ballot after the mandate was signed: the tree no longer rebuilds.
  fs::path ballots = r.root / "L0" / "ballots.jsonl";
  std::string text;
  {
    std::ifstream in(ballots);
    std::getline(in, text, '\0');
  }
  text.replace(text.find("Bo"), 2, "Cy");
  std::ofstream(ballots) << text;
  auto refused = faults(check_credentials(o, two_seats_each(o), std::vector<Mandate>{ann}, r.root));
  EXPECT_EQ(refused.at("L0/Ann"), MandateFault::record_fails);
}

TEST(Mandate, ADelegateElectedByTwoCouncilsIsRefusedAsElectedTwice) {
  Records r;
  Held a = hold(r, election("L0", {"Ann", "Bo"}, 1));
  Held b = hold(r, election("L1", {"Ann", "Di"}, 1));
  Organisation o = testing::attested_federation({100, 100});
  std::vector<Mandate> presented = {mandate_of(r, a, "L0", "Ann"), mandate_of(r, b, "L1", "Ann")};
  CredentialsReport report = check_credentials(o, two_seats_each(o), presented, r.root);
  ASSERT_EQ(report.refused.size(), 2u);
  for (const RefusedMandate& m : report.refused) {
    EXPECT_EQ(m.fault, MandateFault::elected_twice);
    EXPECT_NE(m.reason.find("delegate elected twice"), std::string::npos);
  }
}

TEST(Mandate, ACouncilElectingMoreThanApportionedIsInflated) {
  Records r;
  Held a = hold(r, election("L0", {"Ann", "Bo", "Cy", "Di"}, 3));
  Organisation o = testing::attested_federation({100});
  std::vector<Mandate> presented;
  for (const std::string& d : a.result.elected) presented.push_back(mandate_of(r, a, "L0", d));
  CredentialsReport report = check_credentials(o, two_seats_each(o), presented, r.root);
  EXPECT_TRUE(report.seated.empty());
  for (const RefusedMandate& m : report.refused) EXPECT_EQ(m.fault, MandateFault::inflated);
}

TEST(Mandate, PartyListDelegatesAreRecomputedFromTheRecord) {
  Records r;
  DelegateElection e;
  e.council = "L0";
  e.to = "Congress";
  e.method = "dhondt";
  e.seats = 3;
  e.threshold = "10%";
  e.lists = {{"Reds", {"Ann", "Bo", "Cy"}}, {"Greens", {"Di", "Ed"}}, {"Tiny", {"Flo"}}};
  e.candidates = {"Reds", "Greens", "Tiny"};
  e.ballots = {{{"Reds"}, 60}, {{"Greens"}, 35}, {{"Tiny"}, 5}};
  Held h;
  h.result = hold_election(e, r.root / "L0", h.keys);
  // 60 and 35 share 3 seats by d'Hondt: 60, 35, 30 → Reds 2, Greens 1; Tiny is below 10%.
  EXPECT_EQ(h.result.elected, (std::vector<std::string>{"Ann", "Bo", "Di"}));
  Organisation o = testing::attested_federation({3000});
  DelegationTable table = two_seats_each(o);
  std::vector<Mandate> presented = {mandate_of(r, h, "L0", "Ann"), mandate_of(r, h, "L0", "Di")};
  EXPECT_TRUE(check_credentials(o, table, presented, r.root).refused.empty());
  // lists.json changed after the mandates were signed: they no longer stand.
  std::ofstream(r.root / "L0" / kLists, std::ios::app) << " ";
  EXPECT_EQ(faults(check_credentials(o, table, presented, r.root)).at("L0/Ann"),
            MandateFault::bad_statement);
}

TEST(Mandate, GeneratedBallotsDependOnTheSeedAlone) {
  DelegateElection e = election("L0", {"Ann", "Bo", "Cy", "Di"}, 2);
  e.ballots.clear();
  e.generated = {500, "seed-1"};
  Profile first = election_profile(e), again = election_profile(e);
  ASSERT_EQ(first.size(), again.size());
  for (std::size_t b = 0; b < first.size(); ++b) {
    EXPECT_TRUE(std::ranges::equal(first.ballot(b), again.ballot(b)));
    EXPECT_EQ(first.weight(b), again.weight(b));
  }
  EXPECT_EQ(first.total_weight(), 500u);
  e.generated.seed = "seed-2";
  Profile other = election_profile(e);
  bool differs = other.size() != first.size();
  for (std::size_t b = 0; !differs && b < first.size(); ++b) {
    differs =
        !std::ranges::equal(first.ballot(b), other.ballot(b)) || first.weight(b) != other.weight(b);
  }
  EXPECT_TRUE(differs);
}

// Random federations whose councils elect their delegates with records: every delegate
// elected and signed for is seated, and every inflated, duplicated, invented or unelected
// delegation is refused.
RC_GTEST_PROP(MandateProperties, SignedDelegationsSeatedAndCorruptOnesRefused, ()) {
  Records r;
  auto sizes = *rc::gen::container<std::vector<std::uint64_t>>(
      *rc::gen::inRange<std::size_t>(1, 4), rc::gen::inRange<std::uint64_t>(500, 4000));
  Organisation o = testing::attested_federation(sizes);
  DelegationRule rule;
  rule.kind = DelegationRule::Kind::ratio;
  rule.per = 1000;
  DelegationTable table = apportion_delegations(o, 0, rule);
  std::vector<Mandate> genuine, corrupt;
  std::map<std::string, Held> held;
  for (const DelegationRow& row : table.rows) {
    std::vector<std::string> names;
    for (int i = 0; i <= row.delegates; ++i) names.push_back(row.name + "-" + std::to_string(i));
    held[row.name] = hold(r, election(row.name, names, row.delegates));
    for (const std::string& d : held[row.name].result.elected)
      genuine.push_back(mandate_of(r, held[row.name], row.name, d));
  }
  std::set<std::string> touched, copied;  // councils and delegates a copied mandate involves
  int corruptions = *rc::gen::inRange(0, 3);
  for (int c = 0; c < corruptions; ++c) {
    const DelegationRow& row = table.rows[*rc::gen::inRange<std::size_t>(0, table.rows.size())];
    std::string loser = row.name + "-" + std::to_string(row.delegates);  // stood, not elected
    switch (*rc::gen::inRange(0, 4)) {
      case 0:
        corrupt.push_back(
            {"Committee " + std::to_string(c), "Nobody " + std::to_string(c), nullptr});
        break;
      case 1:
        corrupt.push_back(mandate_of(r, held[row.name], row.name, loser));
        break;
      case 2:
        corrupt.push_back({row.name, "Extra " + std::to_string(c), nullptr});
        break;
      default:
        corrupt.push_back(genuine[*rc::gen::inRange<std::size_t>(0, genuine.size())]);
        touched.insert(corrupt.back().council);
        copied.insert(corrupt.back().council + "/" + corrupt.back().delegate);
    }
  }
  std::vector<Mandate> all = genuine;
  all.insert(all.end(), corrupt.begin(), corrupt.end());
  CredentialsReport report = check_credentials(o, table, all, r.root);
  std::multiset<std::string> seated;
  for (const Mandate& m : report.seated) seated.insert(m.council + "/" + m.delegate);
  for (const Mandate& m : genuine) {
    if (!touched.contains(m.council)) RC_ASSERT(seated.count(m.council + "/" + m.delegate) == 1u);
  }
  for (const Mandate& m : corrupt) {
    if (!touched.contains(m.council)) RC_ASSERT(seated.count(m.council + "/" + m.delegate) == 0u);
  }
  // A mandate presented twice seats no one: neither copy can be told from the other.
  for (const std::string& key : copied) RC_ASSERT(seated.count(key) == 0u);
  RC_ASSERT(report.seated.size() + report.refused.size() == all.size());
}

}  // namespace
}  // namespace veche
