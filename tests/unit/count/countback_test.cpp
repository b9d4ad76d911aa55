// Countback (casual vacancy): hand-worked examples, what the STV counts say a member held,
// refusals, properties on random elections, and a sample of real Scottish wards.
#include "veche/count/countback.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ballots.hpp"
#include "veche/core/error.hpp"
#include "veche/count/held_papers.hpp"
#include "veche/io/read.hpp"

namespace {

using veche::CandidateId;
using veche::CountOptions;
using veche::HeldPapers;
using veche::Outcome;
using veche::Profile;
using veche::Rational;
using veche::Vacancy;
using veche::testing::Ballots;

const veche::Method& method(std::string_view name) {
  return *veche::find_count_method(name);
}

Profile election(std::vector<std::string> names, const std::vector<Ballots>& lines, int seats) {
  Profile profile = veche::testing::profile_of(names, lines);
  profile.seats = seats;
  return profile;
}

CandidateId id(const Profile& profile, const std::string& name) {
  auto it = std::find(profile.candidates.begin(), profile.candidates.end(), name);
  if (it == profile.candidates.end()) throw std::invalid_argument(name);
  return static_cast<CandidateId>(it - profile.candidates.begin());
}

Vacancy vacancy_of(const Profile& profile, const std::string& member) {
  Vacancy v;
  v.vacating = id(profile, member);
  return v;
}

// What `member` held when the count by `method_name` ended.
HeldPapers held_by(const std::string& method_name, const Profile& profile, CandidateId member,
                   CountOptions options = {}) {
  HeldPapers held;
  held.member = member;
  options.held = &held;
  method(method_name).count(profile, options);
  return held;
}

Rational worth(const HeldPapers& held) {
  Rational total;
  for (const auto& parcel : held.parcels) total += parcel.value * parcel.papers;
  return total;
}

std::string vote(const Outcome& o, std::size_t round, const std::string& name) {
  auto it = std::find(o.candidates.begin(), o.candidates.end(), name);
  return o.rounds.at(round).votes.at(static_cast<std::size_t>(it - o.candidates.begin()));
}

// Two seats, quota ⌊23/3⌋ + 1 = 8. Ann has 10 first preferences: elected, surplus 2,
// every one of her papers moves on at 2 × 1 / 10 = 0.2 and she keeps 0.8 of each. Bob is
// deemed elected at the end. Her seat's countback among Cat, Dan, Eve and Fay: Cat
// 5 × 0.8 = 4, Eve 3 × 0.8 = 2.4, Fay 2 × 0.8 = 1.6, Dan none, of 8 — no majority. Dan is
// excluded (nothing moves), then Fay, whose papers go on to Eve (4); Cat and Eve are level
// at 4 of 8, and Eve, lower at the latest stage where they differed, is excluded. Her
// papers name no one else: Cat has 4 of the 4 votes left.
Profile hand_worked() {
  return election({"Ann", "Bob", "Cat", "Dan", "Eve", "Fay"},
                  {{5, "Ann > Cat"},
                   {3, "Ann > Eve"},
                   {2, "Ann > Fay > Eve"},
                   {6, "Bob > Dan"},
                   {3, "Cat > Dan"},
                   {3, "Dan"},
                   {1, "Eve > Fay"}},
                  2);
}

TEST(Countback, HandWorkedScottish) {
  Profile p = hand_worked();
  Outcome count = veche::testing::count_by("stv-scottish", p);
  ASSERT_EQ(veche::testing::elected_names(count), (std::vector<std::string>{"Ann", "Bob"}));

  Outcome o = veche::count_back(method("stv-scottish"), p, {}, vacancy_of(p, "Ann"));
  EXPECT_EQ(o.method, "countback (stv-scottish)");
  EXPECT_EQ(o.seats, 1);
  ASSERT_EQ(o.rounds.size(), 4u);
  EXPECT_EQ(vote(o, 0, "Cat"), "4.00000");
  EXPECT_EQ(vote(o, 0, "Dan"), "0.00000");
  EXPECT_EQ(vote(o, 0, "Eve"), "2.40000");
  EXPECT_EQ(vote(o, 0, "Fay"), "1.60000");
  EXPECT_EQ(vote(o, 0, "Ann"), "");  // neither the vacating member nor the elected stand
  EXPECT_EQ(vote(o, 0, "Bob"), "");
  EXPECT_EQ(o.rounds[0].exhausted, "0.00000");
  EXPECT_EQ(o.rounds[1].action, "Dan excluded");
  EXPECT_EQ(o.rounds[2].action, "Fay excluded");
  EXPECT_EQ(vote(o, 2, "Eve"), "4.00000");
  ASSERT_EQ(o.rounds[2].transfers.size(), 1u);
  EXPECT_EQ(o.rounds[2].transfers[0].votes, "1.60000");
  EXPECT_EQ(o.rounds[3].action, "Eve excluded");
  ASSERT_EQ(o.rounds[3].ties.size(), 1u);
  EXPECT_EQ(o.rounds[3].ties[0].resolved_by, "earlier rounds (round 2)");
  EXPECT_EQ(o.rounds[3].exhausted, "4.00000");
  EXPECT_EQ(o.rounds[3].elected, std::vector<CandidateId>{id(p, "Cat")});
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{"Cat"});
}

// The returning officer names who stands; the others are not in the count at all.
TEST(Countback, OnlyThoseStandingAreCounted) {
  Profile p = hand_worked();
  Vacancy v = vacancy_of(p, "Ann");
  v.standing = {id(p, "Eve"), id(p, "Fay")};
  Outcome o = veche::count_back(method("stv-scottish"), p, {}, v);
  // Cat's 4 are non-transferable from the start; Eve 2.4 of the 4 left is a majority.
  ASSERT_EQ(o.rounds.size(), 1u);
  EXPECT_EQ(vote(o, 0, "Cat"), "");
  EXPECT_EQ(vote(o, 0, "Eve"), "2.40000");
  EXPECT_EQ(o.rounds[0].exhausted, "4.00000");
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{"Eve"});

  v.standing.clear();
  v.not_standing = {id(p, "Cat"), id(p, "Dan")};
  EXPECT_EQ(veche::testing::elected_names(veche::count_back(method("stv-scottish"), p, {}, v)),
            std::vector<std::string>{"Eve"});
}

// A sole consenting candidate fills the seat (Tas. Schedule 6, clause 2), even when none of
// the member's papers name them: they are the only one left in the count.
TEST(Countback, SoleCandidateStandingIsElected) {
  Profile p = hand_worked();
  Vacancy v = vacancy_of(p, "Ann");
  v.standing = {id(p, "Dan")};
  Outcome o = veche::count_back(method("stv-scottish"), p, {}, v);
  ASSERT_EQ(o.rounds.size(), 1u);
  EXPECT_EQ(vote(o, 0, "Dan"), "0.00000");
  EXPECT_EQ(o.rounds[0].exhausted, "8.00000");
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{"Dan"});
  EXPECT_NE(o.notes.back().find("the only candidate left in the count"), std::string::npos);
}

// With the lot instead of earlier stages, the same tie is drawn and said to be drawn.
TEST(Countback, TieWithoutLookBackIsDrawnByLot) {
  Profile p = hand_worked();
  CountOptions options;
  options.ties.look_back = veche::TiePolicy::LookBack::none;
  options.ties.seed = "7";
  Outcome o = veche::count_back(method("stv-scottish"), p, options, vacancy_of(p, "Ann"));
  ASSERT_EQ(o.rounds.size(), 4u);
  ASSERT_EQ(o.rounds[3].ties.size(), 1u);
  EXPECT_EQ(o.rounds[3].ties[0].resolved_by, "lot (seed \"7\")");
  EXPECT_EQ(o.tie_seed, "7");
  CandidateId out = o.rounds[3].excluded.at(0);
  std::string winner = out == id(p, "Eve") ? "Cat" : "Eve";
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{winner});
}

// After a surplus every paper moves on at its transfer value; the member keeps the rest
// of it. 9 papers, quota 7: each moves on at 2 × 1 / 9 = 0.22222 (truncated) and is kept at
// 0.77778, so the nine are worth 7.00002 — the quota and the truncated dust.
TEST(Countback, KeptValueIsWhatDidNotMoveOn) {
  Profile p = election(
      {"A", "B", "C", "D", "E"},
      {{6, "A > C > D"}, {3, "A > D"}, {5, "B > E"}, {2, "C > B"}, {2, "D"}, {2, "E > C"}}, 2);
  HeldPapers held = held_by("stv-scottish", p, id(p, "A"));
  ASSERT_TRUE(held.elected);
  EXPECT_EQ(held.places, 5);
  EXPECT_EQ(held.arithmetic, "fixed 5 places, truncated");
  ASSERT_EQ(held.parcels.size(), 2u);
  for (const auto& parcel : held.parcels) EXPECT_EQ(parcel.value, Rational::ratio(77778, 100000));
  EXPECT_EQ(worth(held).decimal(5), "7.00002");
  // C is elected too, so every paper goes to D, its first preference among those standing.
  Outcome o = veche::count_back(method("stv-scottish"), p, {}, vacancy_of(p, "A"));
  EXPECT_EQ(vote(o, 0, "D"), "7.00002");
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{"D"});
}

// A member elected without a surplus to transfer holds their papers at the values they
// reached them with: Bob, deemed elected, holds his own six at 1.
TEST(Countback, DeemedElectedMemberHoldsPapersAtTheirValues) {
  Profile p = hand_worked();
  HeldPapers held = held_by("stv-scottish", p, id(p, "Bob"));
  ASSERT_TRUE(held.elected);
  EXPECT_EQ(worth(held), Rational::whole(6));
  Outcome o = veche::count_back(method("stv-scottish"), p, {}, vacancy_of(p, "Bob"));
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{"Dan"});
}

// In exact arithmetic what a member keeps after a surplus is exactly the quota.
TEST(Countback, ExactWigmKeepsExactlyTheQuota) {
  Profile p = hand_worked();
  CountOptions options;
  options.exact = true;
  HeldPapers held = held_by("stv-wigm", p, id(p, "Ann"), options);
  EXPECT_EQ(worth(held), Rational::whole(8));
  EXPECT_EQ(held.arithmetic, "exact rational");
}

// Meek: a member holds their keep value's share of every paper that reaches them.
TEST(Countback, MeekHandsOverKeepValueShares) {
  Profile p = hand_worked();
  Outcome count = veche::testing::count_by("stv-meek", p);
  CandidateId ann = id(p, "Ann");
  HeldPapers held = held_by("stv-meek", p, ann);
  ASSERT_TRUE(held.elected);
  EXPECT_EQ(held.places, 9);
  EXPECT_EQ(worth(held).decimal(9), count.rounds.back().votes[ann]);
  Outcome o = veche::count_back(method("stv-meek"), p, {}, vacancy_of(p, "Ann"));
  EXPECT_EQ(o.method, "countback (stv-meek)");
  EXPECT_EQ(veche::testing::elected_names(o), std::vector<std::string>{"Cat"});
}

// --- refusals ----------------------------------------------------------------------------

TEST(Countback, RefusesAMemberWhoWasNotElected) {
  Profile p = hand_worked();
  try {
    veche::count_back(method("stv-scottish"), p, {}, vacancy_of(p, "Cat"));
    FAIL() << "no error";
  } catch (const veche::UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "Cat was not elected by the stv-scottish count, so has no seat to vacate; "
              "elected: Ann, Bob");
  }
}

TEST(Countback, RefusesAnElectedCandidateAsStanding) {
  Profile p = hand_worked();
  Vacancy v = vacancy_of(p, "Ann");
  v.standing = {id(p, "Bob")};
  EXPECT_THROW(veche::count_back(method("stv-scottish"), p, {}, v), veche::UsageError);
  v.standing = {id(p, "Ann")};
  EXPECT_THROW(veche::count_back(method("stv-scottish"), p, {}, v), veche::UsageError);
}

TEST(Countback, RefusesWhenNoOneStands) {
  Profile p = hand_worked();
  Vacancy v = vacancy_of(p, "Ann");
  v.not_standing = {id(p, "Cat"), id(p, "Dan"), id(p, "Eve"), id(p, "Fay")};
  EXPECT_THROW(veche::count_back(method("stv-scottish"), p, {}, v), veche::UsageError);
}

TEST(Countback, RefusesAMethodThatIsNotStv) {
  Profile p = hand_worked();
  EXPECT_THROW(veche::count_back(method("irv"), p, {}, vacancy_of(p, "Ann")), veche::UsageError);
}

// --- properties on random elections -------------------------------------------------------

struct RandomVacancy {
  Profile profile;
  Outcome count;
  CandidateId member = 0;
};

// A random election counted by stv-scottish for a random number of seats, and one of its
// members.
RandomVacancy random_vacancy() {
  // Full-sized from the start: the smallest elections have no papers to count back.
  auto e = *rc::gen::resize(60, veche::testing::random_election(30));
  RandomVacancy v;
  v.profile = e.profile();
  v.profile.seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()));
  v.count = veche::testing::count_by("stv-scottish", v.profile);
  RC_PRE(!v.count.elected.empty());
  v.member = *rc::gen::elementOf(v.count.elected);
  return v;
}

Rational figure(const std::string& text) {
  return Rational::ratio(veche::Fixed<5>::parse(text)->raw(), 100000);
}

RC_GTEST_PROP(Countback, WinnerStoodAndWasNotElected, ()) {
  RandomVacancy v = random_vacancy();
  RC_PRE(v.count.elected.size() < v.profile.candidate_count());
  Vacancy vacancy;
  vacancy.vacating = v.member;
  Outcome o = veche::count_back(method("stv-scottish"), v.profile, {}, vacancy);
  RC_ASSERT(o.elected.size() == 1u);
  CandidateId winner = o.elected.front();
  RC_ASSERT(winner != v.member);
  RC_ASSERT(std::find(v.count.elected.begin(), v.count.elected.end(), winner) ==
            v.count.elected.end());
  // Every stage accounts for the papers' whole worth: votes plus non-transferable.
  Rational worth_of_papers = worth(held_by("stv-scottish", v.profile, v.member));
  for (const auto& round : o.rounds) {
    Rational shown;
    for (const std::string& text : round.votes) {
      if (!text.empty()) shown += figure(text);
    }
    shown += figure(round.exhausted);
    RC_ASSERT(shown == worth_of_papers);
  }
}

// Counted exactly, and by Meek's method, the papers a member holds are worth exactly their
// total at the end of the count: nothing is lost or made between the count and countback.
RC_GTEST_PROP(Countback, HeldPapersAreWorthTheMembersFinalTotal, ()) {
  auto e = *rc::gen::resize(60, veche::testing::random_election(30));
  Profile profile = e.profile();
  profile.seats = *rc::gen::inRange<int>(1, static_cast<int>(e.names.size()));
  const std::string name = *rc::gen::element<std::string>("stv-meek", "stv-wigm");
  CountOptions options;  // WIGM in fixed places truncates: see KeptValueIsWhatDidNotMoveOn
  options.exact = name == "stv-wigm" || *rc::gen::arbitrary<bool>();
  Outcome count = veche::testing::count_by(name, profile, options);
  RC_PRE(!count.elected.empty());
  CandidateId member = *rc::gen::elementOf(count.elected);
  HeldPapers held = held_by(name, profile, member, options);
  RC_ASSERT(held.elected);
  RC_ASSERT(worth(held).decimal(held.places) == count.rounds.back().votes[member]);
}

// If every one of the member's papers that names a candidate standing names X first among
// them, X has every live vote and wins at once.
RC_GTEST_PROP(Countback, AllPapersToOneCandidateElectIt, ()) {
  RandomVacancy v = random_vacancy();
  HeldPapers held = held_by("stv-scottish", v.profile, v.member);
  std::vector<bool> on_papers(v.profile.candidate_count(), false);
  std::optional<CandidateId> x;
  for (const auto& parcel : held.parcels) {
    for (CandidateId c : parcel.ranking) {
      on_papers[c] = true;
      bool elected =
          std::find(v.count.elected.begin(), v.count.elected.end(), c) != v.count.elected.end();
      if (!x && !elected && !parcel.value.is_zero()) x = c;
    }
  }
  RC_PRE(x.has_value());
  Vacancy vacancy;
  vacancy.vacating = v.member;
  vacancy.standing.push_back(*x);
  for (CandidateId c = 0; c < on_papers.size(); ++c) {
    bool elected =
        std::find(v.count.elected.begin(), v.count.elected.end(), c) != v.count.elected.end();
    if (!on_papers[c] && !elected) vacancy.standing.push_back(c);
  }
  Outcome o = veche::count_back(method("stv-scottish"), v.profile, {}, vacancy);
  RC_ASSERT(o.elected == std::vector<CandidateId>{*x});
  RC_ASSERT(o.rounds.size() == 1u);
}

// --- real wards -----------------------------------------------------------------------------

// A sample of the 2017 Scottish wards: every member's seat is filled by one who stood and
// was not elected, and the first stage shows the member's papers in full: at least their
// total at the end of the count, and no more than the 0.00001 a paper truncation left.
TEST(Countback, ScottishWardsSample) {
  std::ifstream in(std::string(VECHE_SCOTLAND_DATA) + "/official.json");
  nlohmann::json wards = nlohmann::json::parse(in);
  int countbacks = 0;
  for (std::size_t w = 0; w < wards.size(); w += 25) {
    std::string file = wards[w]["file"].get<std::string>();
    SCOPED_TRACE(file);
    Profile p = veche::read_ballots(std::string(VECHE_SCOTLAND_DATA) + "/" + file, "", {});
    Outcome count = veche::testing::count_by("stv-scottish", p);
    for (CandidateId member : count.elected) {
      Outcome o = veche::count_back(method("stv-scottish"), p, {}, {member, {}, {}});
      ASSERT_EQ(o.elected.size(), 1u);
      EXPECT_EQ(std::count(count.elected.begin(), count.elected.end(), o.elected[0]), 0);
      HeldPapers held = held_by("stv-scottish", p, member);
      Rational final_total = figure(count.rounds.back().votes[member]);
      Rational worth_of_papers = worth(held);
      EXPECT_FALSE(worth_of_papers < final_total);
      veche::Weight papers = 0;
      for (const auto& parcel : held.parcels) papers += parcel.papers;
      EXPECT_TRUE(worth_of_papers - final_total <
                  Rational::ratio(static_cast<std::int64_t>(papers), 100000));
      ++countbacks;
    }
  }
  EXPECT_GT(countbacks, 40);
}

}  // namespace
