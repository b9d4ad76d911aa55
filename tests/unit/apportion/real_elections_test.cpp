// Real apportionments with official results: the US House (Huntington–Hill, 435 seats)
// and the German Bundestag 2025 (Sainte-Laguë, 630 seats, 5% threshold, SSW exempt).
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "unit/apportion/apportion_helpers.hpp"
#include "veche/io/read.hpp"

namespace veche {
namespace {

using testing::apportion;

const std::string kData = VECHE_TEST_DATA;

nlohmann::json official(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::map<std::string, int> seats_by_name(const Apportionment& a) {
  std::map<std::string, int> out;
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    if (a.result[p] > 0) out[a.parties[p]] = a.result[p];
  }
  return out;
}

std::map<std::string, int> expected_seats(const nlohmann::json& result) {
  std::map<std::string, int> out;
  for (const auto& [name, seats] : result.items()) {
    if (seats.get<int>() > 0) out[name] = seats.get<int>();
  }
  return out;
}

class UsHouse : public ::testing::TestWithParam<std::string> {};

TEST_P(UsHouse, HuntingtonHillGivesTheOfficialApportionment) {
  const std::string year = GetParam();
  PartyVotes census = read_party_votes(kData + "/us-house/census-" + year + ".csv");
  ASSERT_EQ(census.parties.size(), 50u);
  EXPECT_EQ(census.name_column, "state");
  EXPECT_EQ(census.votes_column, "population");
  nlohmann::json want = official(kData + "/us-house/official.json")[year];
  ASSERT_EQ(want["seats"], 435);
  Apportionment a = apportion("huntington-hill", census, 435);
  EXPECT_EQ(seats_by_name(a), expected_seats(want["result"]));
  EXPECT_TRUE(a.ties.empty());
  // Seats 1–50 are the states' by right; seat 435 went to Minnesota in both years.
  ASSERT_EQ(a.awards.size(), 435u);
  EXPECT_EQ(a.awards[49].quotient, "∞");
  EXPECT_EQ(a.parties[a.awards.back().party], "Minnesota");
}

INSTANTIATE_TEST_SUITE_P(Census, UsHouse, ::testing::Values("2010", "2020"));

// Seat 436 would have gone to New York (2020) and North Carolina (2010).
TEST(UsHouse, Seat436) {
  for (auto [year, state] : {std::pair{"2020", "New York"}, std::pair{"2010", "North Carolina"}}) {
    PartyVotes census = read_party_votes(kData + "/us-house/census-" + year + ".csv");
    Apportionment a = apportion("huntington-hill", census, 436);
    EXPECT_EQ(a.parties[a.awards.back().party], state) << year;
  }
}

TEST(Bundestag2025, SainteLagueOnTheQualifiedParties) {
  PartyVotes votes = read_party_votes(kData + "/bundestag-2025/parties.csv");
  nlohmann::json want = official(kData + "/bundestag-2025/official.json");
  Apportionment a = apportion("sainte-lague", votes, 630);
  EXPECT_EQ(seats_by_name(a), expected_seats(want["result"]));
  // Seat 630 went to CSU at 2,963,732 / 87 = 34065.885057…
  EXPECT_EQ(a.parties[a.awards.back().party], "CSU");
  EXPECT_EQ(a.awards.back().quotient, "34065.885057");
  EXPECT_TRUE(a.ties.empty());
  EXPECT_EQ(a.parties[3], "GRÜNE");
}

ApportionOptions five_percent(const PartyVotes& votes, std::vector<std::string> exempt) {
  ApportionOptions options;
  options.threshold.share = "5%";
  for (const std::string& name : exempt) {
    auto it = std::find(votes.parties.begin(), votes.parties.end(), name);
    options.threshold.exempt.push_back(static_cast<CandidateId>(it - votes.parties.begin()));
  }
  return options;
}

TEST(Bundestag2025, AllPartiesWithThresholdAndSswExemption) {
  PartyVotes votes = read_party_votes(kData + "/bundestag-2025/all-parties.csv");
  ASSERT_EQ(votes.parties.size(), 29u);
  nlohmann::json want = official(kData + "/bundestag-2025/official.json");
  Apportionment a = apportion("sainte-lague", votes, 630, five_percent(votes, {"SSW"}));
  EXPECT_EQ(seats_by_name(a), expected_seats(want["result"]));
  int qualified = 0;
  for (bool q : a.qualified) qualified += q;
  EXPECT_EQ(qualified, 7);
}

// Without the minority exemption the SSW is dropped and its seat goes elsewhere: the
// README explains why the exemption is needed.
TEST(Bundestag2025, PlainFivePercentIsNotTheOfficialResult) {
  PartyVotes votes = read_party_votes(kData + "/bundestag-2025/all-parties.csv");
  nlohmann::json want = official(kData + "/bundestag-2025/official.json");
  Apportionment a = apportion("sainte-lague", votes, 630, five_percent(votes, {}));
  std::map<std::string, int> got = seats_by_name(a);
  EXPECT_NE(got, expected_seats(want["result"]));
  EXPECT_EQ(got.count("SSW"), 0u);
  int total = 0;
  for (auto& [name, seats] : got) total += seats;
  EXPECT_EQ(total, 630);
  // BSW, at 4.973%, stays out: the threshold is a share of all valid votes.
  EXPECT_EQ(got.count("BSW"), 0u);
}

}  // namespace
}  // namespace veche
