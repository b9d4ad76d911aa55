// Real elections with published results: Burlington 2006 (IRV) and ten Debian votes.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "veche/io/read.hpp"
#include "unit/count/ballots.hpp"

namespace veche::testing {
namespace {

const std::string kBurlington = std::string(VECHE_TEST_DATA) + "/burlington-2006/00005-00000001";
const std::string kDebian = std::string(VECHE_TEST_DATA) + "/debian/";

CandidateId id_of(const Profile& profile, std::string_view name) {
  auto it = std::find(profile.candidates.begin(), profile.candidates.end(), name);
  EXPECT_NE(it, profile.candidates.end()) << name;
  return static_cast<CandidateId>(it - profile.candidates.begin());
}

std::string votes_of(const Round& round, const Profile& profile, std::string_view name) {
  return round.votes.at(id_of(profile, name));
}

TEST(Burlington2006, IrvElectsKissWithThePublishedFirstRound) {
  Profile profile = read_ballots(kBurlington + ".toi", "", {});
  ASSERT_EQ(profile.total_weight(), 9788u);
  Outcome outcome = count_by("irv", profile);
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"Bob Kiss"});
  const Round& first = outcome.rounds.at(0);
  EXPECT_EQ(votes_of(first, profile, "Bob Kiss"), "3809");
  EXPECT_EQ(votes_of(first, profile, "Hinda Miller"), "3106");
  EXPECT_EQ(votes_of(first, profile, "Kevin J. Curley"), "2609");
  EXPECT_EQ(votes_of(first, profile, "Louie The Cowman Beaudin"), "119");
  EXPECT_EQ(votes_of(first, profile, "Write-Ins"), "78");
  EXPECT_EQ(votes_of(first, profile, "Loyal Ploof"), "57");
  EXPECT_EQ(first.exhausted, "10");
  // An overvote exhausts a ballot when the count reaches it, even if all but one of its
  // candidates are excluded by then (Profile::strict, "exhaust immediately"). That gives
  // Kiss the official 4,761 and Miller 3,985 (official 3,986). The README's 4,763 : 3,991
  // counts an overvote only while two of its candidates are still continuing.
  const Round& last = outcome.rounds.back();
  EXPECT_EQ(votes_of(last, profile, "Bob Kiss"), "4761");
  EXPECT_EQ(votes_of(last, profile, "Hinda Miller"), "3985");
  EXPECT_EQ(outcome.rounds.size(), 5u);
}

TEST(Burlington2006, BatchEliminationReachesTheSameFinalRoundAtOnce) {
  Profile profile = read_ballots(kBurlington + ".toi", "", {});
  CountOptions options;
  options.batch_elimination = true;
  Outcome outcome = count_by("irv", profile, options);
  EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"Bob Kiss"});
  ASSERT_EQ(outcome.rounds.size(), 2u);  // Curley, Beaudin, Ploof and the write-ins together
  EXPECT_EQ(outcome.rounds[0].excluded.size(), 4u);
  EXPECT_EQ(votes_of(outcome.rounds[1], profile, "Bob Kiss"), "4761");
  EXPECT_EQ(votes_of(outcome.rounds[1], profile, "Hinda Miller"), "3985");
}

TEST(Burlington2006, EveryOvervoteRuleAndFileElectsKiss) {
  for (const char* file : {".toi", ".toc"}) {
    Profile profile = read_ballots(kBurlington + file, "", {});
    for (Remedy overvote : {Remedy::exhaust, Remedy::skip, Remedy::reject}) {
      CountOptions options;
      options.overvote = overvote;
      EXPECT_EQ(elected_names(count_by("irv", profile, options)),
                std::vector<std::string>{"Bob Kiss"})
          << file << " " << to_string(overvote);
    }
  }
}

TEST(Burlington2006, KissIsTheCondorcetWinner) {
  Profile profile = read_ballots(kBurlington + ".toi", "", {});
  const CandidateId kiss = id_of(profile, "Bob Kiss");
  const CandidateId miller = id_of(profile, "Hinda Miller");
  const CandidateId curley = id_of(profile, "Kevin J. Curley");
  for (const char* method : {"condorcet", "schulze", "ranked-pairs", "copeland", "minimax"}) {
    Outcome outcome = count_by(method, profile);
    EXPECT_EQ(elected_names(outcome), std::vector<std::string>{"Bob Kiss"}) << method;
    EXPECT_EQ(outcome.pairwise[kiss][miller], 4763u) << method;
    EXPECT_EQ(outcome.pairwise[miller][kiss], 3991u) << method;
    EXPECT_EQ(outcome.pairwise[kiss][curley], 5730u) << method;
    EXPECT_EQ(outcome.pairwise[curley][kiss], 3397u) << method;
    EXPECT_EQ(outcome.smith_set, std::vector<CandidateId>{kiss}) << method;
  }
}

nlohmann::json debian_official() {
  std::ifstream in(kDebian + "official.json");
  return nlohmann::json::parse(in);
}

TEST(Debian, PlainSchulzeElectsThePublishedSchulzeWinner) {
  int votes = 0;
  const nlohmann::json official = debian_official();
  for (const auto& [id, vote] : official.items()) {
    SCOPED_TRACE(id);
    Profile profile = read_ballots(kDebian + vote["tally"].get<std::string>(), "", {});
    const auto& options = vote["options"];
    ASSERT_EQ(profile.candidate_count(), options.size());
    const std::string expected = vote["schulze_elected_without_requirements"].at(0);
    auto column = std::find(options.begin(), options.end(), expected) - options.begin();
    Outcome outcome = count_by("schulze", profile);
    ASSERT_EQ(outcome.elected.size(), 1u);
    EXPECT_EQ(outcome.elected[0], static_cast<CandidateId>(column));
    EXPECT_TRUE(outcome.rounds[0].ties.empty());
    ++votes;
  }
  EXPECT_EQ(votes, 10);
}

TEST(Debian, EveryCondorcetMethodAgreesWhenThereIsACondorcetWinner) {
  int with_winner = 0;
  const nlohmann::json official = debian_official();
  for (const auto& [id, vote] : official.items()) {
    SCOPED_TRACE(id);
    Profile profile = read_ballots(kDebian + vote["tally"].get<std::string>(), "", {});
    Outcome condorcet = count_by("condorcet", profile);
    if (condorcet.elected.empty()) continue;
    ++with_winner;
    for (const char* method : {"schulze", "ranked-pairs", "copeland", "minimax"}) {
      EXPECT_EQ(count_by(method, profile).elected, condorcet.elected) << method;
    }
    if (id != "2008-vote_003") {
      // Here the official (§A.6) winner is the Condorcet winner.
      const auto& options = vote["options"];
      const std::string winner = vote["elected"].at(0);
      auto column = std::find(options.begin(), options.end(), winner) - options.begin();
      EXPECT_EQ(condorcet.elected[0], static_cast<CandidateId>(column));
    }
  }
  EXPECT_EQ(with_winner, 10);
}

}  // namespace
}  // namespace veche::testing
