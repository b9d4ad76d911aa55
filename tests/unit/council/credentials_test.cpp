// The credentials check: delegations against the register and the apportionment table.
#include "veche/council/credentials.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <set>

#include "unit/council/federation.hpp"

namespace veche {
namespace {

DelegationTable hare_table(const Organisation& o, int seats) {
  DelegationRule rule;
  rule.method = "hare";
  rule.seats = seats;
  return apportion_delegations(o, *o.find_council("Congress"), rule);
}

std::map<std::string, MandateFault> faults(const CredentialsReport& report) {
  std::map<std::string, MandateFault> out;
  for (const RefusedMandate& r : report.refused)
    out[r.mandate.council + "/" + r.mandate.delegate] = r.fault;
  return out;
}

// North (5 members) and South (4) share 9 seats: 5 and 4.
TEST(Credentials, ValidDelegationsAreSeated) {
  Organisation o = testing::small_federation();
  std::vector<Mandate> mandates = {{"North", "N1"}, {"North", "N2"}, {"South", "S1"}};
  CredentialsReport report = check_credentials(o, hare_table(o, 9), mandates);
  EXPECT_EQ(report.seated.size(), 3u);
  EXPECT_TRUE(report.refused.empty());
}

TEST(Credentials, InflatedDelegationIsRefusedWholeAndNamed) {
  Organisation o = testing::small_federation();
  std::vector<Mandate> mandates = {{"South", "S1"}, {"South", "S2"}, {"South", "S3"},
                                   {"South", "S4"}, {"South", "S5"}, {"North", "N1"}};
  CredentialsReport report = check_credentials(o, hare_table(o, 9), mandates);
  ASSERT_EQ(report.refused.size(), 5u);
  EXPECT_EQ(report.seated.size(), 1u);
  EXPECT_EQ(report.refused[0].fault, MandateFault::inflated);
  EXPECT_EQ(report.refused[0].reason,
            "South sends 5 delegates but was apportioned 4; S1 is not seated");
}

TEST(Credentials, InventedCommitteeIsRefused) {
  Organisation o = testing::small_federation();
  std::vector<Mandate> mandates = {{"Committee of the Poor of Nowhere", "X1"}, {"North", "N1"}};
  CredentialsReport report = check_credentials(o, hare_table(o, 9), mandates);
  auto f = faults(report);
  EXPECT_EQ(f.at("Committee of the Poor of Nowhere/X1"), MandateFault::invented_council);
  EXPECT_EQ(report.seated.size(), 1u);
  auto json = credentials_json(report);
  EXPECT_EQ(json["refused_mandates"][0]["council"], "Committee of the Poor of Nowhere");
  EXPECT_EQ(json["refused_mandates"][0]["delegate"], "X1");
  EXPECT_NE(json["refused_mandates"][0]["reason"].get<std::string>().find(
                "not a council in the register"),
            std::string::npos);
}

TEST(Credentials, CouncilThatSendsNoDelegatesHere) {
  Organisation o = testing::small_federation();
  std::vector<Mandate> mandates = {
      {"A", "A1"}};  // a branch sends to its district, not to the congress
  EXPECT_EQ(faults(check_credentials(o, hare_table(o, 9), mandates)).at("A/A1"),
            MandateFault::not_below);
}

TEST(Credentials, DelegateNamedTwice) {
  Organisation o = testing::small_federation();
  std::vector<Mandate> mandates = {{"North", "Zinoviev"}, {"South", "Zinoviev"}, {"North", "N2"}};
  auto f = faults(check_credentials(o, hare_table(o, 9), mandates));
  EXPECT_EQ(f.at("North/Zinoviev"), MandateFault::duplicated);
  EXPECT_EQ(f.at("South/Zinoviev"), MandateFault::duplicated);
  EXPECT_FALSE(f.contains("North/N2"));
}

TEST(Credentials, UnattestedCouncil) {
  Organisation o = testing::attested_federation({10, 10});
  CouncilId silent = o.add_council("Silent", CouncilLevel::local, "Congress");
  (void)silent;
  DelegationRule rule;
  rule.method = "dhondt";
  rule.seats = 4;
  rule.minimum = 1;
  DelegationTable table = apportion_delegations(o, 0, rule);
  std::vector<Mandate> mandates = {{"Silent", "Q"}};
  EXPECT_EQ(faults(check_credentials(o, table, mandates)).at("Silent/Q"), MandateFault::unattested);
}

// Random federations, random rules; valid delegations (up to the apportioned size, fresh
// names) plus random corruptions. Every corrupt mandate is refused; every mandate of a
// council no corruption touched is seated.
RC_GTEST_PROP(CredentialsProperties, EveryInflatedDuplicatedOrInventedDelegationIsCaught, ()) {
  auto sizes = *rc::gen::suchThat(
      rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(1, 2000)),
      [](const auto& v) { return !v.empty() && v.size() <= 20; });
  Organisation o = testing::attested_federation(sizes);
  o.add_council("Elsewhere", CouncilLevel::congress);
  CouncilId elsewhere_branch = o.add_council("Elsewhere branch", CouncilLevel::local, "Elsewhere");
  o.council(elsewhere_branch).attested_members = 10;

  DelegationRule rule;
  if (*rc::gen::arbitrary<bool>()) {
    rule.kind = DelegationRule::Kind::ratio;
    rule.per = *rc::gen::inRange<std::uint64_t>(50, 500);
    rule.rounding =
        *rc::gen::element(RatioRounding::up, RatioRounding::down, RatioRounding::nearest);
  } else {
    rule.method = *rc::gen::element<std::string>("dhondt", "webster", "hare", "huntington-hill");
    rule.seats = static_cast<int>(sizes.size()) + *rc::gen::inRange(0, 40);
  }
  DelegationTable table = apportion_delegations(o, 0, rule);

  std::vector<Mandate> mandates;
  int fresh = 0;
  auto name = [&] { return "D" + std::to_string(fresh++); };
  for (const DelegationRow& row : table.rows) {
    int sent = *rc::gen::inRange(0, row.delegates + 1);
    for (int i = 0; i < sent; ++i) mandates.push_back({row.name, name()});
  }
  std::set<std::string> touched;  // councils a corruption involves
  std::vector<Mandate> corrupt;
  int corruptions = *rc::gen::inRange(0, 4);
  for (int c = 0; c < corruptions; ++c) {
    int kind = *rc::gen::inRange(0, 4);
    const DelegationRow& row = table.rows[*rc::gen::inRange<std::size_t>(0, table.rows.size())];
    if (kind == 0) {  // inflate: the council sends more than it was apportioned
      int have =
          static_cast<int>(std::count_if(mandates.begin(), mandates.end(),
                                         [&](const Mandate& m) { return m.council == row.name; }));
      for (int i = have; i <= row.delegates; ++i) corrupt.push_back({row.name, name()});
      touched.insert(row.name);
    } else if (kind == 1) {  // an invented committee
      corrupt.push_back({"Committee " + name(), name()});
    } else if (kind == 2) {  // a council of another congress
      corrupt.push_back({"Elsewhere branch", name()});
    } else if (!mandates.empty()) {  // a delegate claimed by a second council
      const Mandate& original = mandates[*rc::gen::inRange<std::size_t>(0, mandates.size())];
      corrupt.push_back({row.name, original.delegate});
      touched.insert(row.name);
      touched.insert(original.council);
    }
  }
  std::vector<Mandate> all = mandates;
  all.insert(all.end(), corrupt.begin(), corrupt.end());
  CredentialsReport report = check_credentials(o, table, all);

  auto key = [](const Mandate& m) { return m.council + "/" + m.delegate; };
  std::multiset<std::string> seated;
  for (const Mandate& m : report.seated) seated.insert(key(m));
  for (const Mandate& m : corrupt) RC_ASSERT(!seated.contains(key(m)));
  for (const Mandate& m : mandates) {
    if (!touched.contains(m.council)) RC_ASSERT(seated.contains(key(m)));
  }
  RC_ASSERT(report.seated.size() + report.refused.size() == all.size());
  // No council has more seated than it was apportioned.
  std::map<std::string, int> per_council;
  for (const Mandate& m : report.seated) ++per_council[m.council];
  for (const auto& [council, count] : per_council) RC_ASSERT(count <= *table.delegates_of(council));
}

}  // namespace
}  // namespace veche
