#include <gtest/gtest.h>

#include "unit/apportion/apportion_helpers.hpp"
#include "veche/apportion/threshold.hpp"

namespace veche {
namespace {

using testing::apportion;
using testing::party_votes;

TEST(Share, ExactDecimalsAndPercentages) {
  EXPECT_EQ(parse_share("5%"), mpq_class(1, 20));
  EXPECT_EQ(parse_share("0.05"), mpq_class(1, 20));
  EXPECT_EQ(parse_share(".05"), mpq_class(1, 20));
  EXPECT_EQ(parse_share("4.5 %"), mpq_class(9, 200));
  EXPECT_EQ(parse_share("0"), mpq_class(0));
  EXPECT_EQ(parse_share("100%"), mpq_class(1));
  EXPECT_EQ(parse_share("0.1"), mpq_class(1, 10));  // not 0.1000000000000000055…
}

TEST(Share, BadTextIsAUsageError) {
  for (const char* bad : {"", "%", "five", "5%%", "-5%", "1e-2", "0.0.5", "5 percent", "101%", "5", "1.5"}) {
    EXPECT_THROW(parse_share(bad), UsageError) << bad;
  }
  try {
    parse_share("5");
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean a percentage"), std::string::npos);
  }
}

// 1000 votes, 5%: exactly 50 qualifies ("at least"), 49 does not.
TEST(Threshold, AtLeastTheShareQualifies) {
  ApportionOptions options;
  options.threshold.share = "5%";
  Apportionment a = apportion("dhondt", party_votes({{"A", 901}, {"B", 50}, {"C", 49}}), 10, options);
  EXPECT_EQ(a.qualified, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(a.result[2], 0);
  EXPECT_EQ(a.notes.front(), "threshold: at least 5% of all 1000 votes, that is 50 votes");
}

TEST(Threshold, SeatsWonElsewhereQualifyToo) {
  ApportionOptions options;
  options.threshold.share = "5%";
  options.threshold.seats_elsewhere = 3;
  options.threshold.seats_won_elsewhere = {0, 3, 2};
  Apportionment a = apportion("sainte-lague", party_votes({{"A", 960}, {"B", 20}, {"C", 20}}), 50, options);
  EXPECT_EQ(a.qualified, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(a.result[1], 1);  // B's share of 50 seats: 50 × 20 / 980 = 1.02
}

TEST(Threshold, ExemptPartyTakesPartWhateverItsShare) {
  ApportionOptions options;
  options.threshold.share = "0.05";
  options.threshold.exempt = {2};
  Apportionment a = apportion("sainte-lague", party_votes({{"A", 600}, {"B", 390}, {"C", 10}}), 100, options);
  EXPECT_EQ(a.qualified, (std::vector<bool>{true, true, true}));
  EXPECT_EQ(a.result[2], 1);
}

TEST(Threshold, QuotaCountsOnlyQualifiedVotes) {
  ApportionOptions options;
  options.threshold.share = "10%";
  Apportionment a = apportion("hare", party_votes({{"A", 600}, {"B", 300}, {"C", 99}}), 3, options);  // 10% of 999 is 99.9
  EXPECT_EQ(a.quota, "300");  // (600 + 300) / 3
  EXPECT_EQ(a.result, (std::vector<int>{2, 1, 0}));
}

TEST(Threshold, BadRequests) {
  PartyVotes pv = party_votes({{"A", 10}, {"B", 5}});
  ApportionOptions nobody;
  nobody.threshold.share = "100%";
  EXPECT_THROW(apportion("dhondt", party_votes({{"A", 10}, {"B", 5}}), 3, nobody), UsageError);
  ApportionOptions bad;
  bad.threshold.share = "five percent";
  EXPECT_THROW(apportion("dhondt", pv, 3, bad), UsageError);
  ApportionOptions wrong_size;
  wrong_size.threshold.seats_elsewhere = 3;
  wrong_size.threshold.seats_won_elsewhere = {1};
  EXPECT_THROW(apportion("dhondt", pv, 3, wrong_size), UsageError);
  ApportionOptions no_such_party;
  no_such_party.threshold.exempt = {7};
  EXPECT_THROW(apportion("dhondt", pv, 3, no_such_party), UsageError);
}

}  // namespace
}  // namespace veche
