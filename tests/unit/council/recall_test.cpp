// Petitions and recall: who may sign, when, how often; the recall vote; refilling the seat.
#include "veche/council/recall.hpp"

#include <gtest/gtest.h>

#include "unit/council/federation.hpp"
#include "veche/core/error.hpp"
#include "veche/council/refusal.hpp"

namespace veche {
namespace {

Moment at(const char* text) {
  return *parse_moment(text);
}

Refused refusal_of(Petition& p, const Organisation& o, std::string_view who, Moment when) {
  try {
    p.sign(o, who, when);
  } catch (const Refusal& r) {
    return r.why();
  }
  ADD_FAILURE() << who << " was allowed to sign";
  return Refused::no_question;
}

const Moment kDeadline = at("2026-03-01T00:00:00Z");
const Moment kBefore = at("2026-02-15T09:30:00Z");

TEST(Moment, ParsesAndPrintsUtc) {
  EXPECT_EQ(to_string(at("2026-02-15T09:30:05Z")), "2026-02-15T09:30:05Z");
  EXPECT_FALSE(parse_moment("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_moment("2026-02-15 09:30:05"));
  EXPECT_FALSE(parse_moment("2026-02-15T09:30:05+01:00"));
}

TEST(Petition, MembersOfTheConstituencySignOnce) {
  Organisation o = testing::small_federation();
  Petition p("Recall the delegate of A", {*o.find_council("A")}, kDeadline);
  p.sign(o, "A1", kBefore);
  p.sign(o, "A2", kBefore);
  EXPECT_EQ(p.signatures(), 2u);
  EXPECT_EQ(p.eligible(o), 3u);
}

TEST(Petition, SignedByNonMembers) {
  Organisation o = testing::small_federation();
  Petition p("Recall the delegate of A", {*o.find_council("A")}, kDeadline);
  EXPECT_EQ(refusal_of(p, o, "Stranger", kBefore), Refused::not_a_member);
  EXPECT_EQ(refusal_of(p, o, "B1", kBefore), Refused::not_a_member);  // a member, of another branch
  EXPECT_EQ(p.signatures(), 0u);
}

TEST(Petition, MemberSigningTwice) {
  Organisation o = testing::small_federation();
  Petition p("Recall the delegate of A", {*o.find_council("A")}, kDeadline);
  p.sign(o, "A1", kBefore);
  EXPECT_EQ(refusal_of(p, o, "A1", kBefore + std::chrono::hours(1)), Refused::voted_twice);
  EXPECT_EQ(p.signatures(), 1u);
}

TEST(Petition, SignatureAfterTheDeadline) {
  Organisation o = testing::small_federation();
  Petition p("Recall the delegate of A", {*o.find_council("A")}, kDeadline);
  EXPECT_EQ(refusal_of(p, o, "A1", kDeadline), Refused::vote_closed);
  EXPECT_EQ(refusal_of(p, o, "A1", kDeadline + std::chrono::seconds(1)), Refused::vote_closed);
  p.sign(o, "A1", kDeadline - std::chrono::seconds(1));
  EXPECT_EQ(p.signatures(), 1u);
}

TEST(Petition, DistrictConstituencyTakesItsBranches) {
  Organisation o = testing::small_federation();
  Petition p("Recall North's delegate", {*o.find_council("North"), *o.find_council("A")},
             kDeadline);
  EXPECT_EQ(p.eligible(o), 5u);  // A lies within North: counted once
  p.sign(o, "B2", kBefore);
  EXPECT_EQ(refusal_of(p, o, "C1", kBefore), Refused::not_a_member);
}

// Threshold 1/4 of A's 3 members: one signature is 1/3, enough; of North's 5, one is 1/5, not.
TEST(Recall, PetitionThreshold) {
  Organisation o = testing::small_federation();
  RecallRules rules;
  Petition a("Recall A's delegate", {*o.find_council("A")}, kDeadline);
  EXPECT_FALSE(recall_triggered(a, o, rules));
  a.sign(o, "A3", kBefore);
  EXPECT_TRUE(recall_triggered(a, o, rules));
  Petition north("Recall North's delegate", {*o.find_council("North")}, kDeadline);
  north.sign(o, "A3", kBefore);
  EXPECT_FALSE(recall_triggered(north, o, rules));
  north.sign(o, "B1", kBefore);
  EXPECT_TRUE(recall_triggered(north, o, rules));  // 2/5 ≥ 1/4
}

TEST(Recall, VoteMajorityAndTurnout) {
  RecallRules rules;
  EXPECT_TRUE(decide_recall({100, 30, 20, 5}, rules).recalled);
  EXPECT_FALSE(decide_recall({100, 20, 20, 5}, rules).recalled);  // level: the delegate stays
  rules.majority = Majority::absolute;
  EXPECT_FALSE(decide_recall({100, 30, 20, 15}, rules).recalled);  // 30 of 65 cast
  rules.majority = Majority::two_thirds;
  EXPECT_TRUE(decide_recall({100, 40, 20, 0}, rules).recalled);
  rules.majority = Majority::simple;
  rules.turnout = {1, 2};
  RecallResult low = decide_recall({100, 40, 5, 0}, rules);  // 45 of 100 voted
  EXPECT_FALSE(low.turnout_met);
  EXPECT_FALSE(low.recalled);
  EXPECT_NE(low.reason.find("45 of 100"), std::string::npos) << low.reason;
  EXPECT_TRUE(decide_recall({100, 40, 10, 0}, rules).recalled);
}

TEST(Recall, RefillRuleFollowsHowTheSeatWasWon) {
  EXPECT_EQ(refill_rule_for("dhondt"), RefillRule::next_on_list);
  EXPECT_EQ(refill_rule_for("webster"), RefillRule::next_on_list);
  EXPECT_EQ(refill_rule_for("stv-scottish"), RefillRule::stv_countback);
  EXPECT_EQ(refill_rule_for("stv-meek"), RefillRule::stv_countback);
  EXPECT_EQ(refill_rule_for("irv"), RefillRule::by_election);
  EXPECT_EQ(refill_rule_for("plurality"), RefillRule::by_election);
  EXPECT_THROW(refill_rule_for("sortition"), UsageError);
}

TEST(Recall, NextOnTheList) {
  std::vector<std::string> list = {"Kamkov", "Spiridonova", "Steinberg", "Karelin"};
  EXPECT_EQ(next_on_list(list, {"Kamkov", "Spiridonova"}), "Steinberg");
  EXPECT_EQ(next_on_list(list, {"Kamkov", "Spiridonova"}, {"Steinberg"}), "Karelin");
  EXPECT_FALSE(next_on_list(list, {"Kamkov", "Spiridonova", "Steinberg", "Karelin"}));
}

}  // namespace
}  // namespace veche
