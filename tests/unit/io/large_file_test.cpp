// Files larger than the part of a file a reader keeps mapped at once: read from the file,
// they give the profile the same text gives in memory, and the one counted here by hand.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io_test_support.hpp"

namespace veche {
namespace {

using test::all_written;
using test::TempFile;

// A ballot of its own for each voter number, from a few hundred rankings in all, so the
// file has repeats near and far apart (the profile merges them in batches).
std::vector<CandidateId> ranking_of(std::size_t voter, std::size_t candidates) {
  std::vector<CandidateId> ranking;
  const std::size_t length = 1 + (voter * 7) % candidates;
  for (std::size_t k = 0; k < length; ++k) {
    ranking.push_back(static_cast<CandidateId>((voter % 31 + k * (1 + voter % 3)) % candidates));
  }
  std::vector<char> seen(candidates, 0);
  std::erase_if(ranking, [&](CandidateId c) { return std::exchange(seen[c], 1) != 0; });
  return ranking;
}

struct Election {
  std::string blt, csv;
  std::map<std::vector<CandidateId>, Weight> expected;  // ballot → voters, counted here
};

Election election(std::size_t voters, std::size_t candidates) {
  Election e;
  e.blt = std::to_string(candidates) + " 1\n";
  e.csv = "rank1";
  for (std::size_t k = 2; k <= candidates; ++k) e.csv += ",rank" + std::to_string(k);
  e.csv += "\n";
  for (std::size_t v = 0; v < voters; ++v) {
    std::vector<CandidateId> r = ranking_of(v, candidates);
    ++e.expected[r];
    e.blt += "1";
    for (std::size_t k = 0; k < candidates; ++k) {
      if (k < r.size()) {
        e.blt += " " + std::to_string(r[k] + 1);
        e.csv += "Candidate " + std::to_string(r[k] + 1);
      }
      if (k + 1 < candidates) e.csv += ",";
    }
    e.blt += " 0\n";
    e.csv += "\n";
  }
  e.blt += "0\n";
  for (std::size_t c = 1; c <= candidates; ++c)
    e.blt += "\"Candidate " + std::to_string(c) + "\"\n";
  e.blt += "\"Large\"\n";
  return e;
}

// The profile's ballots as the counted map, by candidate name (the CSV numbers candidates in
// order of first appearance).
std::map<std::vector<CandidateId>, Weight> ballots_of(const Profile& p) {
  std::map<std::vector<CandidateId>, Weight> out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::vector<CandidateId> r;
    for (Mark m : p.ballot(i)) {
      const std::string& name = p.candidates[candidate_of(m)];
      r.push_back(static_cast<CandidateId>(std::stoul(name.substr(10)) - 1));
    }
    out[r] += p.weight(i);
  }
  return out;
}

TEST(LargeFile, ReadsAsTheSameTextInMemory) {
  const Election e = election(700'000, 12);
  ASSERT_GT(e.blt.size(), std::size_t{8} << 20);  // past two release steps of the reader
  TempFile blt("large.blt", e.blt), csv("large.csv", e.csv);

  Profile from_blt = read_ballots(blt.path(), "", {});
  EXPECT_EQ(all_written(from_blt), all_written(parse_blt(e.blt, blt.path(), {})));
  EXPECT_EQ(ballots_of(from_blt), e.expected);
  EXPECT_EQ(from_blt.total_weight(), 700'000u);
  EXPECT_EQ(from_blt.title, "Large");

  Profile from_csv = read_ballots(csv.path(), "", {});
  EXPECT_EQ(all_written(from_csv), all_written(parse_csv_ranked(e.csv, csv.path(), {})));
  EXPECT_EQ(ballots_of(from_csv), e.expected);
}

}  // namespace
}  // namespace veche
