// Motions: moved, seconded, amended, put to a public roll call; and the votes refused.
#include "veche/council/motion.hpp"

#include <gtest/gtest.h>

#include "veche/council/refusal.hpp"

namespace veche {
namespace {

const std::set<std::string> kSeated = {"Ada", "Boris", "Clara", "Dmitri", "Elena"};

template <class Act>
Refused refusal_of(Act act) {
  try {
    act();
  } catch (const Refusal& r) {
    return r.why();
  }
  ADD_FAILURE() << "the act was not refused";
  return Refused::no_question;
}

Motion moved(MotionRules rules = {}) {
  Motion m("Congress", kSeated, rules);
  m.move("That the treaty be ratified", "Ada", "Boris");
  for (const auto& d : {"Ada", "Boris", "Clara"}) m.attend(d);
  return m;
}

TEST(Motion, AmendmentThenMotionByRollCall) {
  Motion m = moved();
  std::size_t a = m.amend("Insert 'provisionally'", "Clara", "Dmitri");
  m.put_amendment(a);
  m.vote("Clara", Vote::aye);
  m.vote("Dmitri", Vote::aye);
  m.vote("Ada", Vote::no);
  EXPECT_TRUE(m.close().carried);
  m.put_motion();
  m.vote("Ada", Vote::aye);
  m.vote("Boris", Vote::aye);
  m.vote("Clara", Vote::no);
  m.vote("Elena", Vote::abstain);
  const Division& d = m.close();
  EXPECT_TRUE(d.carried);
  EXPECT_EQ(d.ayes, 2u);
  EXPECT_EQ(d.noes, 1u);
  EXPECT_EQ(d.abstentions, 1u);
  auto json = motion_json(m);
  EXPECT_EQ(json["amendments"][0]["carried"], true);
  EXPECT_EQ(json["motion"]["roll"][2]["delegate"], "Clara");  // each delegate's vote is public
  EXPECT_EQ(json["motion"]["roll"][2]["vote"], "no");
  EXPECT_EQ(m.present(), 5u);
}

TEST(Motion, Majorities) {
  // 2 ayes, 1 no, 2 absent of 5 seated.
  auto decide = [](Majority majority) {
    Motion m = moved({majority, Majority::simple, {1, 2}});
    m.put_motion();
    m.vote("Ada", Vote::aye);
    m.vote("Boris", Vote::aye);
    m.vote("Clara", Vote::no);
    return m.close().carried;
  };
  EXPECT_TRUE(decide(Majority::simple));
  EXPECT_FALSE(decide(Majority::absolute));   // 2 is not more than half of 5 seats
  EXPECT_TRUE(decide(Majority::two_thirds));  // 2 of 3 voting
  EXPECT_TRUE(carried(Majority::absolute, 3, 0, 5));
  EXPECT_FALSE(carried(Majority::two_thirds, 5, 3, 8));
  EXPECT_FALSE(carried(Majority::simple, 4, 4, 8));
}

TEST(Motion, ProposerAndSeconderMustBeTwoSittingDelegates) {
  Motion m("Congress", kSeated);
  EXPECT_EQ(refusal_of([&] { m.move("That we adjourn", "Ada", "Ada"); }), Refused::same_seconder);
  EXPECT_EQ(refusal_of([&] { m.move("That we adjourn", "Ada", "Stranger"); }), Refused::not_seated);
  EXPECT_EQ(refusal_of([&] { m.move("That we adjourn", "Stranger", "Ada"); }), Refused::not_seated);
  EXPECT_EQ(refusal_of([&] { m.move("", "Ada", "Boris"); }), Refused::no_question);
}

TEST(Motion, QuorumOfDelegatesPresent) {
  Motion m("Congress", kSeated, {Majority::simple, Majority::simple, {3, 5}});
  m.move("That we adjourn", "Ada", "Boris");
  m.attend("Ada");
  m.attend("Boris");
  EXPECT_EQ(refusal_of([&] { m.put_motion(); }), Refused::no_quorum);
  m.attend("Clara");
  EXPECT_NO_THROW(m.put_motion());
}

TEST(Motion, AmendmentsAreDecidedFirst) {
  Motion m = moved();
  m.amend("Strike 'the'", "Boris", "Clara");
  EXPECT_EQ(refusal_of([&] { m.put_motion(); }), Refused::amendments_pending);
  m.put_amendment(0);
  m.close();
  m.put_motion();
  EXPECT_EQ(refusal_of([&] { m.amend("Too late", "Ada", "Boris"); }), Refused::vote_closed);
}

TEST(Motion, VoteInACouncilTheyDoNotSitIn) {
  Motion m = moved();
  m.put_motion();
  Refusal refusal(Refused::no_question, "", "");
  try {
    m.vote("Stranger", Vote::aye);
  } catch (const Refusal& r) {
    refusal = r;
  }
  EXPECT_EQ(refusal.why(), Refused::not_seated);
  EXPECT_EQ(refusal.who(), "Stranger");
  EXPECT_NE(std::string(refusal.what()).find("Congress"), std::string::npos);
  EXPECT_EQ(refusal_of([&] { m.attend("Stranger"); }), Refused::not_seated);
}

TEST(Motion, VotingTwice) {
  Motion m = moved();
  m.put_motion();
  m.vote("Ada", Vote::aye);
  EXPECT_EQ(refusal_of([&] { m.vote("Ada", Vote::no); }), Refused::voted_twice);
  EXPECT_EQ(m.close().ayes, 1u);
}

TEST(Motion, VotingBeforeTheQuestionIsPutOrAfterItClosed) {
  Motion m = moved();
  EXPECT_EQ(refusal_of([&] { m.vote("Ada", Vote::aye); }), Refused::not_open);
  m.put_motion();
  m.vote("Ada", Vote::aye);
  m.close();
  EXPECT_EQ(refusal_of([&] { m.vote("Boris", Vote::aye); }), Refused::vote_closed);
  EXPECT_EQ(refusal_of([&] { m.put_motion(); }), Refused::vote_closed);
  EXPECT_EQ(refusal_of([&] { m.close(); }), Refused::not_open);
}

TEST(Motion, NothingMovedNothingPut) {
  Motion m("Congress", kSeated);
  m.attend("Ada");
  m.attend("Boris");
  m.attend("Clara");
  EXPECT_EQ(refusal_of([&] { m.put_motion(); }), Refused::no_question);
}

}  // namespace
}  // namespace veche
