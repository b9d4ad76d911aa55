#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/party_votes.hpp"
#include "veche/core/tie_policy.hpp"

namespace veche {

// A legal threshold: a party takes part only if it reaches one of these, or is exempt.
struct Threshold {
  std::optional<std::string> share;        // share of all votes, exact decimal: "0.05" or "5%"
  std::optional<int> seats_elsewhere;      // e.g. 3 constituency seats (Grundmandatsklausel)
  std::vector<int> seats_won_elsewhere;    // per party, for seats_elsewhere; empty = none won
  std::vector<CandidateId> exempt;         // e.g. national-minority parties
};

struct ApportionOptions {
  int seats = 0;
  Threshold threshold;
  TiePolicy ties;
};

using ApportionFunction = std::function<Apportionment(const PartyVotes&, const ApportionOptions&)>;

struct ApportionMethod {
  std::string_view name;
  std::string_view summary;  // one line, for `veche methods`
  ApportionFunction apportion;
};

std::span<const ApportionMethod> apportion_methods();
// `jefferson` and `webster` are aliases of `dhondt` and `sainte-lague`.
const ApportionMethod* find_apportion_method(std::string_view name);

}  // namespace veche
