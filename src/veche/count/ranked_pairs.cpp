#include <algorithm>

#include <fmt/format.h>

#include "veche/count/methods.hpp"
#include "veche/count/pairwise.hpp"

namespace veche {

namespace {

struct Majority {
  CandidateId winner, loser;
  Weight for_it, against;  // voters preferring winner to loser, and the other way
};

bool equally_strong(const Majority& x, const Majority& y) {
  return x.for_it == y.for_it && x.against == y.against;
}

// Strongest first: more winning votes; then fewer votes against.
bool stronger(const Majority& x, const Majority& y) {
  if (x.for_it != y.for_it) return x.for_it > y.for_it;
  return x.against < y.against;
}

// A ranking of the candidates in the running drawn from the tie policy, as a position per
// candidate (0 = most favoured); each draw is recorded as a tie.
std::vector<std::size_t> favoured_order(const Contest& contest, Round& round) {
  std::vector<std::size_t> position(contest.among.size(), 0);
  std::vector<CandidateId> left;
  for (CandidateId c = 0; c < contest.among.size(); ++c) {
    if (contest.among[c]) left.push_back(c);
  }
  static const std::vector<std::vector<Weight>> no_history;
  for (std::size_t place = 0; !left.empty(); ++place) {
    CandidateId next = left.front();
    if (left.size() > 1) {
      Tie tie = break_tie(left, Seek::highest, "order of equal majorities", no_history,
                          contest.ties, contest.round, contest.names);
      next = tie.chosen;
      round.ties.push_back(std::move(tie));
    }
    position[next] = place;
    std::erase(left, next);
  }
  return position;
}

// The majorities locked so far, as a graph winner → loser.
class LockedGraph {
 public:
  explicit LockedGraph(std::size_t n) : n_(n), edge_(n * n, 0), wins_(n, 0) {}

  // Would locking winner → loser close a cycle?
  bool closes_cycle(const Majority& m) const {
    std::vector<CandidateId> stack{m.loser};
    std::vector<char> seen(n_, 0);
    while (!stack.empty()) {
      CandidateId c = stack.back();
      stack.pop_back();
      if (c == m.winner) return true;
      if (seen[c]) continue;
      seen[c] = 1;
      for (CandidateId d = 0; d < n_; ++d) {
        if (edge_[c * n_ + d] && !seen[d]) stack.push_back(d);
      }
    }
    return false;
  }
  void lock(const Majority& m) {
    edge_[m.winner * n_ + m.loser] = 1;
    ++wins_[m.winner];
  }
  bool beaten(CandidateId c) const {
    for (CandidateId a = 0; a < n_; ++a) {
      if (edge_[a * n_ + c]) return true;
    }
    return false;
  }
  Weight wins(CandidateId c) const { return wins_[c]; }

 private:
  std::size_t n_;
  std::vector<char> edge_;
  std::vector<Weight> wins_;
};

// Equally strong majorities that can all be locked whatever their order need no tie
// break: locking them one by one skips none of them.
bool all_lock(LockedGraph graph, std::span<const Majority> level) {
  for (const Majority& m : level) {
    if (graph.closes_cycle(m)) return false;
    graph.lock(m);
  }
  return true;
}

}  // namespace

// Ranked pairs (Tideman), winning votes. Every majority (a preferred to b by more voters
// than b to a) is taken strongest first and locked in unless it would close a cycle with
// those already locked. The winner is the candidate no locked majority points at.
// Equally strong majorities whose order changes what is locked are taken in the order of
// a ranking of the candidates drawn from the tie policy (Tideman's tie-breaking ranking):
// the one whose winner is ranked higher first; for the same winner, the one whose loser
// is ranked lower first.
Outcome count_ranked_pairs(const Profile& profile, const CountOptions& options) {
  return count_by_pairs("ranked-pairs", profile, options,
                        [](const Contest& contest, Round& round) -> std::optional<CandidateId> {
    const std::size_t n = contest.among.size();
    std::vector<Majority> majorities;
    for (CandidateId a = 0; a < n; ++a) {
      for (CandidateId b = 0; b < n; ++b) {
        if (contest.among[a] && contest.among[b] && contest.pairs.defeats(a, b)) {
          majorities.push_back({a, b, contest.pairs(a, b), contest.pairs(b, a)});
        }
      }
    }
    std::stable_sort(majorities.begin(), majorities.end(), stronger);

    LockedGraph graph(n);
    std::vector<std::size_t> favoured;  // drawn only when first needed
    std::string log;
    for (auto first = majorities.begin(); first != majorities.end();) {
      auto last = std::find_if(first, majorities.end(),
                               [&](const Majority& m) { return !equally_strong(m, *first); });
      if (last - first > 1 && !all_lock(graph, {first, last})) {
        if (favoured.empty()) favoured = favoured_order(contest, round);
        std::sort(first, last, [&](const Majority& x, const Majority& y) {
          if (x.winner != y.winner) return favoured[x.winner] < favoured[y.winner];
          return favoured[x.loser] > favoured[y.loser];
        });
      }
      for (; first != last; ++first) {
        bool lock = !graph.closes_cycle(*first);
        if (lock) graph.lock(*first);
        log += fmt::format("{}{} > {} {}:{} {}", log.empty() ? "" : "; ",
                           contest.names[first->winner], contest.names[first->loser],
                           first->for_it, first->against, lock ? "locked" : "skipped");
      }
    }
    contest.notes.push_back(fmt::format("round {}: majorities in order: {}", contest.round, log));

    std::vector<CandidateId> unbeaten;
    for (CandidateId c = 0; c < n; ++c) {
      round.votes.push_back(contest.among[c] ? std::to_string(graph.wins(c)) : "");
      if (contest.among[c] && !graph.beaten(c)) unbeaten.push_back(c);
    }
    CandidateId winner = unbeaten.front();
    if (unbeaten.size() > 1) winner = break_tie_for_winner(unbeaten, contest, round);
    round.action = fmt::format("{} is beaten by no locked majority", contest.names[winner]);
    return winner;
  });
}

}  // namespace veche
