#pragma once
// A council electing its delegates to the council above it: the ballots (given, or
// generated from a seed), the count by any method veche counts, and the public record the
// election leaves (docs/record.md), written through the ledger like `veche record import`.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "veche/core/profile.hpp"
#include "veche/ledger/record.hpp"

namespace veche {

// A group of identical ballots: names best first, and how many voters cast it.
struct BallotGroup {
  std::vector<std::string> ranks;
  Weight count = 1;
};

// Ballots made up for a scenario: `voters` ballots drawn from `seed`. The same seed gives
// the same ballots on every machine (a counter hashed with SHA-256, no library RNG).
struct GeneratedBallots {
  std::uint64_t voters = 0;
  std::string seed = "0";
};

// A party's list of candidates, in the order they take the party's seats.
struct PartyList {
  std::string party;
  std::vector<std::string> candidates;
};

struct DelegateElection {
  std::string council;                  // the council electing
  std::string to;                       // the council its delegates go to
  std::string method;                   // a name `veche methods` lists
  int seats = 0;                        // 0: the delegates apportioned to the council
  std::vector<std::string> candidates;  // in ballot-paper order; the parties, for lists
  // A party-list election: `method` is an apportionment method, a ballot names one party,
  // and the seats each list wins go to its first candidates.
  std::vector<PartyList> lists;
  std::string threshold;             // share of the vote a list needs, e.g. "5%"; "" none
  std::vector<BallotGroup> ballots;  // given in the file ...
  GeneratedBallots generated;        // ... or made up (voters > 0)
  std::string tie_seed = "0";
};

// A party-list election's record is the ballots for the parties, counted by plurality
// (its recount proves each party's votes), and lists.json beside them: the lists, the
// apportionment method, the threshold and the seats, from which anyone recomputes who
// was elected. A mandate binds lists.json by its SHA-256.
inline constexpr const char* kLists = "lists.json";

void write_lists(const std::filesystem::path& record, const DelegateElection& election);
std::vector<std::string> list_elected(const std::filesystem::path& record);

// Everyone standing: the candidates, or for a party list every name on every list.
std::vector<std::string> standing(const DelegateElection& election);

// The ballots of an election as a Profile; UsageError for a name that is no candidate.
Profile election_profile(const DelegateElection& election);

// What the election decided, read back from its record.
struct ElectionResult {
  std::string council;
  std::string method;
  int seats = 0;
  Weight ballots = 0;
  std::vector<std::string> elected;  // in order of election
  std::filesystem::path record;
};

// Counts the election into a complete record at `record` (which must not exist yet), signed
// with `keys`, and returns what it decided.
ElectionResult hold_election(const DelegateElection& election, const std::filesystem::path& record,
                             const RecordKeys& keys);

// The names a record elected, in order of election: outcome.json's, or for a party list
// those its lists.json and its parties' votes elect. std::invalid_argument when there is
// no readable outcome.
std::vector<std::string> elected_in_record(const std::filesystem::path& record);

}  // namespace veche
