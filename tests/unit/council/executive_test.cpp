// The executive: portfolios by d'Hondt sequential choice or by agreement, and a party leaving.
#include "veche/council/executive.hpp"

#include <gtest/gtest.h>

#include "veche/core/error.hpp"

namespace veche {
namespace {

using Names = std::vector<std::string>;

const Names kPortfolios = {"Foreign",        "Finance", "Justice",  "Land",
                           "Communications", "Labour",  "Education"};

std::vector<CoalitionParty> coalition(Weight small_votes = 0) {
  return {{"Majority", 60, 0, {"Foreign", "Finance", "Justice", "Labour"}},
          {"Junior", 25, 0, {"Justice", "Land", "Communications"}},
          {"Small", 15, small_votes, {"Education", "Labour"}}};
}

Names pick_order(const Executive& e) {
  Names out;
  for (const PortfolioPick& p : e.picks)
    out.push_back(p.party + " " + p.portfolio + " " + p.quotient);
  return out;
}

// Quotients: Majority 60 30 20 15 12 10; Junior 25 12.5; Small 15 7.5. Majority and Small are
// level at 15 for pick 5; with no votes known, Majority's larger seat count decides. Majority's
// list is used up by pick 5, so it takes the first free portfolio in the congress's order.
TEST(Executive, DhondtSequentialChoice) {
  Executive e = form_executive(coalition(), kPortfolios, TiePolicy{});
  EXPECT_EQ(pick_order(e),
            (Names{"Majority Foreign 60.000", "Majority Finance 30.000", "Junior Justice 25.000",
                   "Majority Labour 20.000", "Majority Land 15.000", "Small Education 15.000",
                   "Junior Communications 12.500"}));
  EXPECT_EQ(e.portfolios_of("Majority"), (Names{"Foreign", "Finance", "Land", "Labour"}));
  EXPECT_EQ(e.portfolios_of("Junior"), (Names{"Justice", "Communications"}));
  EXPECT_EQ(e.portfolios_of("Small"), (Names{"Education"}));
  ASSERT_EQ(e.ties.size(), 1u);
  EXPECT_EQ(e.ties[0].purpose, "pick 5");
  EXPECT_EQ(e.ties[0].resolved_by, "more seats");
}

TEST(Executive, LevelQuotientsGoToMoreVotesFirst) {
  Executive e = form_executive(coalition(1000), kPortfolios, TiePolicy{});
  ASSERT_EQ(e.ties.size(), 1u);
  EXPECT_EQ(e.ties[0].resolved_by, "more votes");
  EXPECT_EQ(e.picks[4].party, "Small");
  EXPECT_EQ(e.picks[5].party, "Majority");
}

TEST(Executive, LevelQuotientsByTheReturningOfficersOrder) {
  TiePolicy policy;
  policy.look_back = TiePolicy::LookBack::none;
  policy.order = {2, 0, 1};
  Executive e = form_executive(coalition(), kPortfolios, policy);
  EXPECT_EQ(e.picks[4].party, "Small");
  EXPECT_EQ(e.ties[0].resolved_by, "tie order");
}

// Junior resigns, giving up Justice and Communications. The choice resumes from the counts
// now held: Majority 60/5 = 12 against Small 15/2 = 7.5, then Majority 60/6 = 10 again.
TEST(Executive, ResigningPartysPortfoliosAreChosenAgain) {
  Executive e = form_executive(coalition(), kPortfolios, TiePolicy{});
  resign_from_executive(e, "Junior", TiePolicy{});
  EXPECT_TRUE(e.portfolios_of("Junior").empty());
  EXPECT_EQ(e.portfolios_of("Majority"),
            (Names{"Foreign", "Finance", "Justice", "Land", "Communications", "Labour"}));
  EXPECT_EQ(e.portfolios_of("Small"), (Names{"Education"}));
  ASSERT_EQ(e.picks.size(), 9u);
  EXPECT_EQ(pick_order(e)[7], "Majority Justice 12.000");
  EXPECT_EQ(pick_order(e)[8], "Majority Communications 10.000");
  EXPECT_TRUE(e.picks[8].reallocation);
  auto json = executive_json(e);
  EXPECT_EQ(json["resigned"], nlohmann::json::array({"Junior"}));
  EXPECT_FALSE(json["parties"].contains("Junior"));
  EXPECT_EQ(json["parties"]["Small"], nlohmann::json::array({"Education"}));
  EXPECT_THROW(resign_from_executive(e, "Junior", TiePolicy{}), UsageError);
  EXPECT_THROW(resign_from_executive(e, "Nobody", TiePolicy{}), UsageError);
}

// Northern Ireland Assembly 2007: DUP 36, SF 28, UUP 18, SDLP 16, Alliance 7 seats; ten
// departments. Quotients 36, 28, 18, 18, 16, 14, 12, 9.33, 9, 9 | 8: DUP 4, SF 3, UUP 2,
// SDLP 1, Alliance none — the departments each party held in the 2007 Executive.
TEST(Executive, NorthernIreland2007) {
  std::vector<CoalitionParty> parties = {{"DUP", 36, 0, {}},
                                         {"SF", 28, 0, {}},
                                         {"UUP", 18, 0, {}},
                                         {"SDLP", 16, 0, {}},
                                         {"Alliance", 7, 0, {}}};
  Names departments = {"Finance",     "Education",          "Health",
                       "Enterprise",  "Social Development", "Regional Development",
                       "Environment", "Agriculture",        "Employment",
                       "Culture"};
  Executive e = form_executive(parties, departments, TiePolicy{});
  EXPECT_EQ(e.portfolios_of("DUP").size(), 4u);
  EXPECT_EQ(e.portfolios_of("SF").size(), 3u);
  EXPECT_EQ(e.portfolios_of("UUP").size(), 2u);
  EXPECT_EQ(e.portfolios_of("SDLP").size(), 1u);
  EXPECT_TRUE(e.portfolios_of("Alliance").empty());
  Names quotients;
  for (const PortfolioPick& p : e.picks) quotients.push_back(p.quotient);
  EXPECT_EQ(quotients, (Names{"36.000", "28.000", "18.000", "18.000", "16.000", "14.000", "12.000",
                              "9.333", "9.000", "9.000"}));
  EXPECT_EQ(e.ties.size(), 2u);
}

TEST(Executive, RecordedAgreement) {
  Executive e = form_executive_by_agreement(
      coalition(), {"Foreign", "Justice", "Land"},
      {{"Foreign", "Majority"}, {"Justice", "Junior"}, {"Land", "Junior"}});
  EXPECT_EQ(e.rule, "recorded agreement");
  EXPECT_EQ(e.portfolios_of("Junior"), (Names{"Justice", "Land"}));
  resign_from_executive(e, "Junior", TiePolicy{}, {{"Justice", "Majority"}, {"Land", "Small"}});
  EXPECT_EQ(e.portfolios_of("Majority"), (Names{"Foreign", "Justice"}));
  EXPECT_EQ(e.portfolios_of("Small"), (Names{"Land"}));
}

TEST(Executive, FaultyAgreementsAreRefused) {
  Names p = {"Foreign", "Justice"};
  EXPECT_THROW(form_executive_by_agreement(coalition(), p, {{"Foreign", "Majority"}}),
               UsageError);  // Justice left
  EXPECT_THROW(
      form_executive_by_agreement(coalition(), p, {{"Foreign", "Majority"}, {"Foreign", "Junior"}}),
      UsageError);
  EXPECT_THROW(
      form_executive_by_agreement(coalition(), p, {{"Foreign", "Majority"}, {"War", "Junior"}}),
      UsageError);
  EXPECT_THROW(
      form_executive_by_agreement(coalition(), p, {{"Foreign", "Majority"}, {"Justice", "Nobody"}}),
      UsageError);
  Executive e =
      form_executive_by_agreement(coalition(), p, {{"Foreign", "Majority"}, {"Justice", "Junior"}});
  EXPECT_THROW(resign_from_executive(e, "Junior", TiePolicy{}, {{"Justice", "Junior"}}),
               UsageError);
}

TEST(Executive, FaultyFormationsAreRefused) {
  EXPECT_THROW(form_executive({}, kPortfolios, TiePolicy{}), UsageError);
  EXPECT_THROW(form_executive(coalition(), {}, TiePolicy{}), UsageError);
  EXPECT_THROW(form_executive(coalition(), {"Foreign", "Foreign"}, TiePolicy{}), UsageError);
  EXPECT_THROW(form_executive({{"Empty", 0, 0, {}}}, kPortfolios, TiePolicy{}), UsageError);
}

TEST(Executive, TextNamesEveryPick) {
  Executive e = form_executive(coalition(), kPortfolios, TiePolicy{});
  resign_from_executive(e, "Junior", TiePolicy{});
  std::string text = executive_text(e);
  EXPECT_NE(text.find("Executive by d'Hondt sequential choice"), std::string::npos) << text;
  EXPECT_NE(text.find("Justice (re-allocated)"), std::string::npos) << text;
  EXPECT_NE(text.find("Tie for pick 5: Majority chosen by more seats"), std::string::npos) << text;
  EXPECT_NE(text.find("Note: Junior resigned, giving up Justice, Communications"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace veche
