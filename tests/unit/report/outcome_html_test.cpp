#include <gtest/gtest.h>

#include "veche/report/report.hpp"

namespace veche {
namespace {

Outcome two_rounds() {
  Outcome o;
  o.method = "irv";
  o.candidates = {"Ann <A&B>", "Ben", "Cat"};
  o.elected = {1};
  o.arithmetic = "integer";
  o.tie_seed = "0";
  Round first{"First preferences", {"4", "3", "2"}, "0", {}, {2}, {}, {}};
  Round second{"Cat excluded", {"4", "5", ""}, "0", {1}, {}, {{2, 1, "2"}}, {}};
  o.rounds = {first, second};
  return o;
}

TEST(OutcomeHtml, HoldsTheSheetAndTheFlowPicture) {
  std::string html = outcome_html(two_rounds(), "Test <election>");
  EXPECT_NE(html.find("<title>Test &lt;election&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("Stage 2<br>Cat excluded"), std::string::npos);
  EXPECT_NE(html.find("Ann &lt;A&amp;B&gt;"), std::string::npos);
  EXPECT_EQ(html.find("Ann <A&B>"), std::string::npos) << "a name must never be raw HTML";
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Cat → Ben: 2"), std::string::npos) << "the transfer is drawn";
}

TEST(OutcomeHtml, IsDeterministic) {
  EXPECT_EQ(outcome_html(two_rounds(), "t"), outcome_html(two_rounds(), "t"));
}

}  // namespace
}  // namespace veche
