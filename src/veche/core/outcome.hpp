#pragma once
#include <optional>
#include <string>
#include <vector>

#include "veche/core/candidate.hpp"

namespace veche {

// A tie the count had to break, and how it was broken. Never silent.
struct Tie {
  std::string purpose;                // "exclusion", "election", "order of surpluses", "winner"
  std::vector<CandidateId> tied;      // the candidates that were level
  CandidateId chosen = 0;             // the one the policy picked for `purpose`
  std::string resolved_by;            // "earlier rounds (round 3)", "lot", "tie order"
};

// Votes moving at one stage: from a candidate to another, or to no one (exhausted).
struct Transfer {
  CandidateId from = 0;
  std::optional<CandidateId> to;      // nullopt: non-transferable
  std::string votes;                  // exact decimal in the method's arithmetic
};

// One round (stage) of a count, recorded as it happens.
struct Round {
  std::string action;                 // what happened: "First preferences", "Kiss excluded", ...
  std::vector<std::string> votes;     // per candidate at the end of the round; "" = not in it
  std::string exhausted;              // non-transferable so far; "" when the method has none
  std::vector<CandidateId> elected;   // elected at this round
  std::vector<CandidateId> excluded;  // excluded (eliminated) at this round
  std::vector<Transfer> transfers;
  std::vector<Tie> ties;
};

// Everything a count decided and how: what reports, records and recounts are made from.
struct Outcome {
  std::string method;
  std::vector<std::string> candidates;  // in the file's order
  int seats = 1;
  std::vector<CandidateId> elected;     // in order of election
  std::vector<Round> rounds;
  std::optional<std::string> quota;     // for quota methods, exact decimal
  std::string tie_seed;                 // the lot's seed, so anyone can redraw it
  std::string arithmetic;               // "integer", "fixed 5 places, truncated", "rational", ...
  std::vector<std::vector<Weight>> pairwise;  // Condorcet methods: [a][b] = voters preferring a to b
  std::vector<CandidateId> smith_set;   // Condorcet methods
  std::vector<std::string> notes;       // anything a reader must know (rules applied, ...)
};

}  // namespace veche
