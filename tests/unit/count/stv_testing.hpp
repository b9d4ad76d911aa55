#pragma once
// What the STV tests share: profiles written as (weight, ranking) lines, random elections
// for the property tests (drawn so rapidcheck can shrink them: candidates C0, C1, ...,
// ballots ranking a random prefix of a random order), and whether two counts are the same.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <cstddef>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/outcome.hpp"
#include "veche/core/profile.hpp"

namespace veche::testing {

struct Election {
  std::vector<std::string> names;
  std::vector<std::pair<Weight, std::vector<CandidateId>>> ballots;
};

// A random permutation.
template <class T>
std::vector<T> shuffled(std::vector<T> items) {
  for (std::size_t i = items.size(); i > 1; --i) {
    std::swap(items[i - 1], items[*rc::gen::inRange<std::size_t>(0, i)]);
  }
  return items;
}

// Candidates: from `fewest` up to `most` - 1; ballots: from `min_ballots` up to
// `max_ballots` - 1 lines, each ranking 1 up to `longest` - 1 candidates (0: any number),
// each of weight 1 up to `heaviest` - 1.
struct ElectionShape {
  std::size_t fewest = 2, most = 7;
  std::size_t min_ballots = 1, max_ballots = 30;
  std::size_t longest = 0;
  Weight heaviest = 25;
};

inline Election any_election(const ElectionShape& shape = {}) {
  auto n = *rc::gen::inRange<std::size_t>(shape.fewest, shape.most);
  Election e;
  for (std::size_t c = 0; c < n; ++c) e.names.push_back(fmt::format("C{}", c));
  std::vector<CandidateId> ids(n);
  std::iota(ids.begin(), ids.end(), CandidateId{0});
  auto count = *rc::gen::inRange<std::size_t>(shape.min_ballots, shape.max_ballots);
  std::size_t longest = shape.longest == 0 ? n + 1 : shape.longest;
  for (std::size_t b = 0; b < count; ++b) {
    auto ranking = shuffled(ids);
    ranking.resize(*rc::gen::inRange<std::size_t>(1, longest));
    e.ballots.emplace_back(*rc::gen::inRange<Weight>(1, shape.heaviest), std::move(ranking));
  }
  return e;
}

inline Profile profile_of(std::vector<std::string> names,
                          const std::vector<std::pair<Weight, std::vector<CandidateId>>>& ballots,
                          int seats) {
  ProfileBuilder builder(std::move(names));
  for (const auto& [weight, ranking] : ballots) builder.add_strict(ranking, weight);
  Profile profile = std::move(builder).finish();
  profile.seats = seats;
  return profile;
}

// The same elected, quota and stages, every figure and transfer alike.
inline bool same_count(const Outcome& a, const Outcome& b) {
  if (a.elected != b.elected || a.quota != b.quota || a.rounds.size() != b.rounds.size()) {
    return false;
  }
  for (std::size_t r = 0; r < a.rounds.size(); ++r) {
    const auto &x = a.rounds[r], &y = b.rounds[r];
    if (x.action != y.action || x.votes != y.votes || x.exhausted != y.exhausted ||
        x.elected != y.elected || x.excluded != y.excluded ||
        x.transfers.size() != y.transfers.size()) {
      return false;
    }
    for (std::size_t t = 0; t < x.transfers.size(); ++t) {
      if (x.transfers[t].to != y.transfers[t].to || x.transfers[t].votes != y.transfers[t].votes) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace veche::testing
