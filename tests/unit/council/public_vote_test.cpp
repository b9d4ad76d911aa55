// Referendum and recall votes cast into public records: the ballots one a voter, the
// decision taken from the records' recount, and a record with a ballot edited caught.
#include "veche/council/public_vote.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "veche/core/error.hpp"
#include "veche/council/election.hpp"
#include "veche/council/motion.hpp"
#include "veche/council/scenario.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;

struct Out {
  fs::path path = fs::temp_directory_path() /
                  ("veche-votes-" + to_hex(new_signing_key().public_key).substr(0, 12));
  Out() { fs::create_directories(path); }
  ~Out() { fs::remove_all(path); }
};

RecordKeys fresh_keys() {
  return {new_signing_key(), new_signing_key()};
}

PublicVote given(std::string council, std::uint64_t electorate, std::uint64_t yes, std::uint64_t no,
                 std::uint64_t blank = 0) {
  PublicVote v;
  v.council = std::move(council);
  v.question = "Shall the levy be raised?";
  v.electorate = electorate;
  v.answer_for = yes;
  v.against = no;
  v.blank = blank;
  return v;
}

PublicVote generated(std::string council, std::uint64_t electorate, Share yes,
                     std::string seed = "s") {
  PublicVote v = given(std::move(council), electorate, 0, 0);
  v.generated = GeneratedVote{{3, 4}, yes, {1, 20}, std::move(seed)};
  return v;
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(PublicVote, GivenBallotsAreCastOneAVoterAndRecountedExactly) {
  Out out;
  cast_public_vote(given("North", 100, 40, 30, 5), out.path / "North", fresh_keys());
  VoteTally tally = recount_public_vote(out.path / "North");
  EXPECT_EQ(tally.answer_for, 40u);
  EXPECT_EQ(tally.against, 30u);
  EXPECT_EQ(tally.blank, 5u);
  std::vector<std::string> ballots = lines_of(out.path / "North" / "ballots.jsonl");
  ASSERT_EQ(ballots.size(), 75u);
  EXPECT_EQ(std::count(ballots.begin(), ballots.end(), R"({"ranks":[]})"), 5);
  // The seeded order mixes the answers: some no comes before the last yes.
  auto first_no = std::find(ballots.begin(), ballots.end(), R"({"ranks":[["no"]]})");
  auto last_yes = std::find(ballots.rbegin(), ballots.rend(), R"({"ranks":[["yes"]]})");
  EXPECT_LT(first_no - ballots.begin(), ballots.rend() - last_yes - 1);
  for (const Check& c : verify_record(out.path / "North")) EXPECT_TRUE(c.holds) << c.text;
}

TEST(PublicVote, TheOrderIsTheSeeds) {
  Out out;
  PublicVote v = given("North", 50, 20, 20);
  cast_public_vote(v, out.path / "a", fresh_keys());
  cast_public_vote(v, out.path / "b", fresh_keys());
  v.order_seed = "another";
  cast_public_vote(v, out.path / "c", fresh_keys());
  EXPECT_EQ(lines_of(out.path / "a" / "ballots.jsonl"), lines_of(out.path / "b" / "ballots.jsonl"));
  EXPECT_NE(lines_of(out.path / "a" / "ballots.jsonl"), lines_of(out.path / "c" / "ballots.jsonl"));
}

TEST(PublicVote, GeneratedBallotsComeFromTheSeedWithinTheElectorate) {
  Out out;
  cast_public_vote(generated("East", 1000, {3, 5}), out.path / "a", fresh_keys());
  cast_public_vote(generated("East", 1000, {3, 5}), out.path / "b", fresh_keys());
  cast_public_vote(generated("East", 1000, {3, 5}, "other"), out.path / "c", fresh_keys());
  VoteTally a = recount_public_vote(out.path / "a");
  VoteTally b = recount_public_vote(out.path / "b");
  VoteTally c = recount_public_vote(out.path / "c");
  EXPECT_EQ(a.answer_for, b.answer_for);
  EXPECT_EQ(a.against, b.against);
  EXPECT_EQ(a.blank, b.blank);
  EXPECT_NE(std::tie(a.answer_for, a.against, a.blank), std::tie(c.answer_for, c.against, c.blank));
  // About 3/4 turn out, 1 in 20 blank, 3 in 5 of the rest yes: far from every edge.
  EXPECT_GT(a.cast(), 650u);
  EXPECT_LT(a.cast(), 850u);
  EXPECT_GT(a.answer_for, a.against);
  EXPECT_GT(a.blank, 0u);
}

TEST(PublicVote, EveryoneOrNoOneTurnsOut) {
  Out out;
  PublicVote all = generated("East", 200, {1, 1});
  all.generated->turnout = {1, 1};
  all.generated->blank = {0, 1};
  cast_public_vote(all, out.path / "all", fresh_keys());
  VoteTally tally = recount_public_vote(out.path / "all");
  EXPECT_EQ(tally.answer_for, 200u);
  EXPECT_EQ(tally.cast(), 200u);
  PublicVote none = all;
  none.generated->turnout = {0, 1};
  cast_public_vote(none, out.path / "none", fresh_keys());
  EXPECT_EQ(recount_public_vote(out.path / "none").cast(), 0u);
}

TEST(PublicVote, MoreBallotsThanElectorsIsRefusedAndNothingWritten) {
  Out out;
  EXPECT_THROW(cast_public_vote(given("North", 10, 8, 8), out.path / "North", fresh_keys()),
               UsageError);
  EXPECT_FALSE(fs::exists(out.path / "North"));
}

// The decision is the records': the file gives no totals at all, only a seed, and what
// carries is what the ballots cast into the records say.
TEST(PublicVote, TheReferendumIsDecidedFromTheRecordsRecount) {
  Out out;
  std::map<std::string, RecordKeys> keys;
  ReferendumRules rules;
  rules.majority = ReferendumMajority::double_majority;
  std::vector<PublicVote> votes = {generated("North", 900, {4, 5}), generated("South", 400, {1, 5}),
                                   generated("East", 300, {3, 4})};
  HeldReferendum held =
      hold_referendum("Shall the levy be raised?", votes, rules, out.path, "referendum 1", keys);
  ASSERT_EQ(held.constituencies.size(), 3u);
  std::uint64_t yes = 0, no = 0, blank = 0, councils_yes = 0;
  for (const CountedVote& v : held.constituencies) {
    VoteTally recount = recount_public_vote(out.path / v.record);
    EXPECT_EQ(recount.answer_for, v.tally.answer_for);
    EXPECT_EQ(v.manifest_sha256.size(), 64u);
    yes += recount.answer_for;
    no += recount.against;
    blank += recount.blank;
    councils_yes += recount.answer_for > recount.against ? 1 : 0;
  }
  EXPECT_EQ(held.constituencies[1].record, "referendum 1/South");
  EXPECT_EQ(held.result.yes, yes);
  EXPECT_EQ(held.result.no, no);
  EXPECT_EQ(held.result.blank, blank);
  EXPECT_EQ(held.result.councils_yes, councils_yes);
  EXPECT_EQ(councils_yes, 2u);
  EXPECT_TRUE(held.result.carried) << held.result.reason;
  EXPECT_EQ(keys.size(), 3u);  // each count signed by its own council's returning officer
  EXPECT_EQ(to_hex(read_manifest(out.path / "referendum 1/North").manifest.returning_officer_key),
            to_hex(keys.at("North").returning_officer.public_key));
}

TEST(PublicVote, TheRecallIsDecidedFromTheRecordsRecount) {
  Out out;
  PublicVote vote = given("Docks", 10, 3, 5);
  vote.answers = {"recall", "keep"};
  CountedVote counted = hold_public_vote(vote, out.path, "Docks recall 1", fresh_keys());
  RecallResult kept = decide_recall(recall_ballots(counted), RecallRules{});
  EXPECT_FALSE(kept.recalled);
  EXPECT_EQ(kept.reason, "3 for recall, 5 against, 0 blank: not recalled by a simple majority");
  nlohmann::ordered_json json = counted_vote_json(counted, vote.answers, false);
  EXPECT_EQ(
      json.dump(),
      R"({"council":"Docks","record":"Docks recall 1","electorate":10,"recall":3,"keep":5,"blank":0})");
}

TEST(PublicVote, ARecordThatIsNoYesNoVoteIsNotRecountedAsOne) {
  Out out;
  DelegateElection three;
  three.council = "Docks";
  three.method = "plurality";
  three.seats = 1;
  three.candidates = {"Ann", "Bo", "Cy"};
  three.ballots = {{{"Ann"}, 3}};
  hold_election(three, out.path / "election", fresh_keys());
  EXPECT_THROW(recount_public_vote(out.path / "election"), std::invalid_argument);
}

TEST(MotionEvents, EveryDelegatesVoteAndEveryResultIsAnEvent) {
  Motion motion("Congress", {"Ann", "Bo", "Cy"});
  motion.move("That the treaty be ratified", "Ann", "Bo");
  for (const char* delegate : {"Ann", "Bo", "Cy"}) motion.attend(delegate);
  std::size_t amendment = motion.amend("Insert 'under protest'", "Cy", "Bo");
  motion.put_amendment(amendment);
  motion.vote("Cy", Vote::aye);
  motion.vote("Ann", Vote::no);
  motion.vote("Bo", Vote::no);
  motion.close();
  motion.put_motion();
  motion.vote("Ann", Vote::aye);
  motion.vote("Bo", Vote::abstain);
  motion.close();
  std::vector<nlohmann::ordered_json> events = motion_events(motion);
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(
      events[0].dump(),
      R"({"event":"delegate voted","council":"Congress","question":"Insert 'under protest'","delegate":"Cy","vote":"aye"})");
  EXPECT_EQ(events[3]["event"], "question decided");
  EXPECT_EQ(events[3]["amendment"], true);
  EXPECT_EQ(events[3]["carried"], false);
  EXPECT_EQ(events[5]["delegate"], "Bo");
  EXPECT_EQ(events[5]["vote"], "abstain");
  EXPECT_EQ(
      events[6].dump(),
      R"({"event":"question decided","council":"Congress","question":"That the treaty be ratified","amendment":false,"ayes":1,"noes":0,"abstentions":1,"carried":true})");
}

TEST(MotionEvents, AQuestionNeverPutLeavesNone) {
  Motion motion("Congress", {"Ann", "Bo"});
  motion.move("That the treaty be ratified", "Ann", "Bo");
  EXPECT_TRUE(motion_events(motion).empty());
}

}  // namespace
}  // namespace veche
