#pragma once
#include <string>
#include <vector>

#include "veche/core/candidate.hpp"
#include "veche/core/outcome.hpp"

namespace veche {

// Votes (or population) per party (or state): the input of an apportionment.
struct PartyVotes {
  std::string name_column = "party";   // header of the first column, as the file has it
  std::string votes_column = "votes";  // header of the second column
  std::vector<std::string> parties;    // in file order
  std::vector<Weight> votes;
};

// One seat handed out, in the order a highest-averages table hands them out.
struct SeatAward {
  int seat = 0;               // 1-based
  CandidateId party = 0;
  std::string quotient;       // the winning average, exact decimal (or a fraction)
};

// Seats per party, and how they were reached.
struct Apportionment {
  std::string method;
  std::string name_column = "party";
  std::string votes_column = "votes";
  std::vector<std::string> parties;
  std::vector<Weight> votes;
  int seats = 0;
  std::vector<int> result;            // seats per party, file order
  std::vector<bool> qualified;        // passed the threshold (or exempt from it)
  std::vector<SeatAward> awards;      // divisor methods: seat by seat
  std::optional<std::string> quota;   // largest-remainder methods
  std::vector<Tie> ties;
  std::string tie_seed;
  std::vector<std::string> notes;
};

}  // namespace veche
