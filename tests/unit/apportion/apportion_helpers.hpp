#pragma once
#include <string>
#include <utility>
#include <vector>

#include "veche/apportion/method.hpp"
#include "veche/core/error.hpp"

namespace veche::testing {

inline PartyVotes party_votes(const std::vector<std::pair<std::string, Weight>>& rows) {
  PartyVotes pv;
  for (const auto& [name, votes] : rows) {
    pv.parties.push_back(name);
    pv.votes.push_back(votes);
  }
  return pv;
}

inline Apportionment apportion(std::string_view method, const PartyVotes& pv, int seats,
                               ApportionOptions options = {}) {
  const ApportionMethod* m = find_apportion_method(method);
  if (!m) throw UsageError("no method " + std::string(method));
  options.seats = seats;
  return m->apportion(pv, options);
}

inline std::vector<int> seats_of(std::string_view method,
                                 const std::vector<std::pair<std::string, Weight>>& rows, int seats) {
  return apportion(method, party_votes(rows), seats).result;
}

}  // namespace veche::testing
