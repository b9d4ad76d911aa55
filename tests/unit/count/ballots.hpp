#pragma once
// Profiles for the single-winner and Condorcet tests, written as a returning officer
// would jot them down: "42: Memphis > Nashville > Chattanooga = Knoxville".
#include <rapidcheck.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/profile.hpp"
#include "veche/count/method.hpp"

namespace veche::testing {

struct Ballots {
  Weight voters;
  std::string ranking;  // names separated by '>' (preferred) or '=' (equal); may be empty
};

inline std::string trimmed(std::string s) {
  auto blank = [](char c) { return c == ' '; };
  while (!s.empty() && blank(s.back())) s.pop_back();
  while (!s.empty() && blank(s.front())) s.erase(s.begin());
  return s;
}

inline Profile profile_of(const std::vector<std::string>& names, const std::vector<Ballots>& lines) {
  ProfileBuilder builder(names);
  for (const Ballots& line : lines) {
    std::vector<std::vector<CandidateId>> groups;
    std::string name;
    auto flush = [&](bool new_group) {
      std::string n = trimmed(name);
      name.clear();
      if (n.empty()) return;
      auto it = std::find(names.begin(), names.end(), n);
      if (it == names.end()) throw std::invalid_argument("unknown name " + n);
      if (new_group || groups.empty()) groups.emplace_back();
      groups.back().push_back(static_cast<CandidateId>(it - names.begin()));
    };
    bool next_is_new = true;
    for (char c : line.ranking) {
      if (c == '>' || c == '=') {
        flush(next_is_new);
        next_is_new = c == '>';
      } else {
        name += c;
      }
    }
    flush(next_is_new);
    builder.add(groups, line.voters);
  }
  return std::move(builder).finish();
}

// A ballot as groups of candidate ids, best first.
using Groups = std::vector<std::vector<CandidateId>>;

struct RandomElection {
  std::vector<std::string> names;
  std::vector<std::pair<Groups, Weight>> ballots;

  Profile profile() const {
    ProfileBuilder builder(names);
    for (const auto& [groups, weight] : ballots) builder.add(groups, weight);
    return std::move(builder).finish();
  }
};

// Random elections: 2–6 candidates, up to 40 distinct ballots of 1 to `most_voters`
// voters each, truncated at random and with equal ranks now and then.
inline rc::Gen<RandomElection> random_election(Weight most_voters = 9) {
  return rc::gen::exec([most_voters] {
    const auto n = *rc::gen::inRange<std::size_t>(2, 7);
    RandomElection e;
    for (std::size_t c = 0; c < n; ++c) e.names.push_back(std::string(1, static_cast<char>('A' + c)));
    const auto count = *rc::gen::inRange<std::size_t>(1, 41);
    for (std::size_t ballot = 0; ballot < count; ++ballot) {
      // A random order: candidates sorted by random keys.
      const auto keys = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(0, 1000));
      std::vector<CandidateId> order(n);
      for (std::size_t c = 0; c < n; ++c) order[c] = static_cast<CandidateId>(c);
      std::stable_sort(order.begin(), order.end(),
                       [&](CandidateId a, CandidateId b) { return keys[a] < keys[b]; });
      const auto ranked = *rc::gen::inRange<std::size_t>(0, n + 1);
      Groups groups;
      for (std::size_t k = 0; k < ranked; ++k) {
        bool equal = !groups.empty() && *rc::gen::inRange(0, 5) == 0;
        if (!equal) groups.emplace_back();
        groups.back().push_back(order[k]);
      }
      e.ballots.emplace_back(std::move(groups), *rc::gen::inRange<Weight>(1, most_voters + 1));
    }
    return e;
  });
}

inline Outcome count_by(std::string_view method, const Profile& profile,
                        CountOptions options = {}) {
  const Method* m = find_count_method(method);
  if (!m) throw std::invalid_argument("no method " + std::string(method));
  return m->count(profile, options);
}

inline std::vector<std::string> elected_names(const Outcome& outcome) {
  std::vector<std::string> out;
  for (CandidateId c : outcome.elected) out.push_back(outcome.candidates[c]);
  return out;
}

}  // namespace veche::testing
