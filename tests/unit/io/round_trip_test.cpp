#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>

#include "io_test_support.hpp"

namespace veche {
namespace {

using Ballots = std::vector<std::pair<std::vector<CandidateId>, Weight>>;

// Random strict ballots over `n` candidates: any prefix of any order, any weight.
rc::Gen<Ballots> ballots_over(std::size_t n) {
  return rc::gen::container<Ballots>(rc::gen::map(
      rc::gen::pair(rc::gen::inRange<std::size_t>(0, n + 1), rc::gen::inRange<Weight>(1, 1000)),
      [n](std::pair<std::size_t, Weight> p) {
        std::vector<CandidateId> order(n);
        for (std::size_t c = 0; c < n; ++c) order[c] = static_cast<CandidateId>(c);
        std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(p.second % n),
                    order.end());
        if (p.second % 3 == 0) std::reverse(order.begin(), order.end());
        order.resize(p.first);
        return std::make_pair(order, p.second);
      }));
}

// What a reader must give back: each distinct ranking with its summed weight.
std::map<std::vector<CandidateId>, Weight> merged(const Ballots& ballots) {
  std::map<std::vector<CandidateId>, Weight> m;
  for (const auto& [order, weight] : ballots) m[order] += weight;
  return m;
}

std::map<std::vector<CandidateId>, Weight> merged(const Profile& p) {
  std::map<std::vector<CandidateId>, Weight> m;
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::vector<CandidateId> order;
    for (Mark mark : p.ballot(i)) order.push_back(candidate_of(mark));
    m[order] += p.weight(i);
  }
  return m;
}

RC_GTEST_PROP(RoundTrip, BltWrittenIsBltRead, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 8);
  const auto ballots = *ballots_over(n);
  std::string text = std::to_string(n) + " 1\n";
  for (const auto& [order, weight] : ballots) {
    text += std::to_string(weight);
    for (CandidateId c : order) text += " " + std::to_string(c + 1);
    text += " 0\n";
  }
  text += "0\n";
  for (std::size_t c = 0; c < n; ++c) text += "\"C" + std::to_string(c) + "\"\n";
  text += "\"T\"";
  Profile p = parse_blt(text, "rt.blt", {});
  RC_ASSERT(merged(p) == merged(ballots));
  RC_ASSERT(p.candidate_count() == n);
}

RC_GTEST_PROP(RoundTrip, CsvWrittenIsCsvRead, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 8);
  const auto ballots = *ballots_over(n);
  // Every candidate once in a first row, so the names appear in order C0, C1, ...
  std::string text = "weight";
  for (std::size_t r = 0; r < n; ++r) text += ",rank" + std::to_string(r + 1);
  text += "\n0";
  for (std::size_t c = 0; c < n; ++c) text += ",\"C" + std::to_string(c) + "\"";
  text += "\n";
  for (const auto& [order, weight] : ballots) {
    text += std::to_string(weight);
    for (std::size_t r = 0; r < n; ++r) {
      text += ",";
      if (r < order.size()) text += "C" + std::to_string(order[r]);
    }
    text += "\n";
  }
  Profile p = parse_csv_ranked(text, "rt.csv", {});
  RC_ASSERT(merged(p) == merged(ballots));
  RC_ASSERT(p.candidate_count() == n);
}

}  // namespace
}  // namespace veche
