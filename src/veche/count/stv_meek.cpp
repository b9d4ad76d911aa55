#include <fmt/format.h>

#include <algorithm>

#include "veche/core/error.hpp"
#include "veche/core/fixed.hpp"
#include "veche/core/rational.hpp"
#include "veche/count/held_papers.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/stv.hpp"
#include "veche/count/tally.hpp"

namespace veche {

namespace {

using stv::Status;

// What the arithmetic decides in Meek's method. The New Zealand rules (Local Electoral
// Regulations 2001, Schedule 1A) count to 9 places: the quota truncated then raised by
// 0.000000001, what a candidate keeps and what passes on rounded up, keep values rounded
// up. In exact rationals nothing is rounded and the quota is the plain Droop fraction.
template <class N>
struct MeekArithmetic;

template <>
struct MeekArithmetic<Fixed<9, RoundUp>> {
  using N = Fixed<9, RoundUp>;
  static N quota(const N& votes, int seats) {
    return N::from_raw(votes.raw() / (seats + 1)) + N::from_raw(1);
  }
  static bool reaches(const N& votes, const N& quota) { return !(votes < quota); }
};

template <>
struct MeekArithmetic<Rational> {
  using N = Rational;
  static N quota(const N& votes, int seats) { return votes / N::whole(seats + 1); }
  // The exact quota is a point of balance: holding it is not yet exceeding it.
  static bool reaches(const N& votes, const N& quota) { return quota < votes; }
};

template <stv::Arithmetic N>
class MeekCount {
 public:
  using Rules = MeekArithmetic<N>;

  MeekCount(const Profile& ballots, const std::vector<bool>& standing, Outcome& outcome,
            const TiePolicy& ties)
      : ballots_(ballots),
        outcome_(outcome),
        ties_(ties),
        keep_(standing.size()),
        votes_(standing.size()),
        status_(standing.size()),
        seats_left_(outcome.seats) {
    for (CandidateId c = 0; c < standing.size(); ++c) {
      status_[c] = standing[c] ? Status::continuing : Status::withdrawn;
      keep_[c] = standing[c] ? N::whole(1) : N{};
    }
    for (std::size_t p = 0; p < ballots.size(); ++p) {
      if (!ballots.ballot(p).empty()) valid_ += ballots.weight(p);
    }
  }

  void run() {
    distribute();
    record("First preferences");
    elect_reaching_quota();
    while (seats_left_ > 0) {
      std::vector<CandidateId> hopeful = with_status(Status::continuing);
      if (hopeful.size() <= static_cast<std::size_t>(seats_left_)) {
        elect_in_order(hopeful);
        break;
      }
      if (iterate()) continue;  // someone reached the quota: a stage of its own
      exclude_lowest(hopeful);
    }
    outcome_.notes.push_back(fmt::format("iterations: {}", iterations_));
  }

  // What a member holds in Meek's method is a share of every paper that reaches them:
  // the paper's weight on arrival times their keep value, as distribute() credits it.
  void hand_over(HeldPapers& held) const {
    held.elected = status_[held.member] == Status::elected;
    held.places = N::places;
    held.arithmetic = N::describe();
    if (!held.elected) return;
    const N one = N::whole(1);
    for (std::size_t p = 0; p < ballots_.size(); ++p) {
      N weight = one;
      std::vector<CandidateId> ranking;
      for (Mark m : ballots_.ballot(p)) ranking.push_back(candidate_of(m));
      for (CandidateId c : ranking) {
        if (keep_[c].is_zero()) continue;
        if (c == held.member) {
          held.parcels.push_back({ranking, ballots_.weight(p), to_rational(weight * keep_[c])});
          break;
        }
        if (keep_[c] == one) break;
        weight = weight * (one - keep_[c]);
      }
    }
  }

 private:
  // Every ballot from the top: each candidate keeps their keep value's share of what
  // reaches them and passes the rest on; what passes the last one is non-transferable.
  void distribute() {
    std::fill(votes_.begin(), votes_.end(), N{});
    const N one = N::whole(1);
    for (std::size_t p = 0; p < ballots_.size(); ++p) {
      N weight = one;
      for (Mark m : ballots_.ballot(p)) {
        CandidateId c = candidate_of(m);
        if (keep_[c].is_zero()) continue;
        votes_[c] += weight * keep_[c] * ballots_.weight(p);
        if (keep_[c] == one) {
          weight = N{};
          break;
        }
        weight = weight * (one - keep_[c]);
      }
    }
    N total{};
    for (const N& v : votes_) total += v;
    quota_ = Rules::quota(total, outcome_.seats);
  }

  // Brings the elected candidates' totals down to the quota by lowering their keep
  // values, until a hopeful reaches the quota (true: a stage of its own), or the total
  // surplus is below 0.0001, or the lowest hopeful is a sure loser, or the surplus stops
  // falling (the arithmetic's resolution is reached). Those are the ends Schedule 1A
  // gives an iteration, as Hill's NZ-rules program and OpenSTV's NZ Meek read it.
  bool iterate() {
    std::vector<CandidateId> elected = with_status(Status::elected);
    const N limit = N::ratio(1, 10000);
    N last_surplus{};
    bool first = true;
    for (;;) {
      if (!reaching_quota().empty()) {
        record(elected_action());
        elect_reaching_quota();
        return true;
      }
      N surplus{};
      for (CandidateId c : elected) surplus += votes_[c] - quota_;
      if (surplus < limit || sure_loser(surplus)) return false;
      if (!first && !(surplus < last_surplus)) return false;
      first = false;
      last_surplus = surplus;
      // A keep value above 1 would pass on a negative share; none is ever needed.
      for (CandidateId c : elected) keep_[c] = std::min(keep_[c] * quota_ / votes_[c], N::whole(1));
      distribute();
      ++iterations_;
    }
  }

  // The lowest hopeful trails the next lowest by more than the whole surplus: no further
  // iteration can lift them past anyone, so they can be excluded now.
  bool sure_loser(const N& surplus) const {
    std::vector<N> hopeful;
    for (CandidateId c : with_status(Status::continuing)) hopeful.push_back(votes_[c]);
    if (hopeful.size() < 2) return false;
    std::partial_sort(hopeful.begin(), hopeful.begin() + 2, hopeful.end());
    return surplus < hopeful[1] - hopeful[0];
  }

  void exclude_lowest(const std::vector<CandidateId>& hopeful) {
    std::vector<Tie> ties;
    CandidateId loser = stv::pick_at_extreme(hopeful, votes_, Seek::lowest, "exclusion", history_,
                                             ties_, outcome_.candidates, ties);
    status_[loser] = Status::excluded;
    keep_[loser] = N{};
    distribute();
    Round& round = record(fmt::format("{} excluded", outcome_.candidates[loser]));
    round.excluded.push_back(loser);
    round.ties = std::move(ties);
  }

  std::vector<CandidateId> reaching_quota() const {
    std::vector<CandidateId> out;
    for (CandidateId c : with_status(Status::continuing)) {
      if (Rules::reaches(votes_[c], quota_)) out.push_back(c);
    }
    return out;
  }

  std::string elected_action() const {
    std::string names;
    for (CandidateId c : reaching_quota())
      names += (names.empty() ? "" : ", ") + outcome_.candidates[c];
    return names + " elected";
  }

  void elect_reaching_quota() { elect_in_order(reaching_quota()); }

  // Highest first; equal votes by the tie policy's look at earlier stages.
  void elect_in_order(std::vector<CandidateId> group) {
    Round& round = outcome_.rounds.back();
    while (!group.empty() && seats_left_ > 0) {
      auto level = stv::level_at_extreme(group, votes_, Seek::highest);
      CandidateId c = level.front();
      if (level.size() > 1) {
        Tie tie = break_tie(level, Seek::highest, "order of election", history_, ties_,
                            static_cast<int>(history_.size()), outcome_.candidates);
        c = tie.chosen;
        round.ties.push_back(std::move(tie));
      }
      std::erase(group, c);
      status_[c] = Status::elected;
      round.elected.push_back(c);
      outcome_.elected.push_back(c);
      --seats_left_;
    }
  }

  Round& record(std::string action) {
    Round round;
    round.action = std::move(action);
    round.votes.resize(votes_.size());
    N shown{};
    for (CandidateId c = 0; c < votes_.size(); ++c) {
      if (status_[c] == Status::withdrawn) continue;
      round.votes[c] = votes_[c].to_string();
      shown += votes_[c];
    }
    round.exhausted = (N::whole(static_cast<std::int64_t>(valid_)) - shown).to_string();
    history_.push_back(votes_);
    outcome_.rounds.push_back(std::move(round));
    outcome_.quota = quota_.to_string();
    return outcome_.rounds.back();
  }

  std::vector<CandidateId> with_status(Status s) const {
    std::vector<CandidateId> out;
    for (CandidateId c = 0; c < status_.size(); ++c) {
      if (status_[c] == s) out.push_back(c);
    }
    return out;
  }

  const Profile& ballots_;
  Outcome& outcome_;
  const TiePolicy& ties_;
  std::vector<N> keep_;
  std::vector<N> votes_;
  std::vector<Status> status_;
  std::vector<std::vector<N>> history_;
  N quota_{};
  Weight valid_ = 0;
  int seats_left_;
  long iterations_ = 0;
};

template <stv::Arithmetic N>
Outcome count_meek(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("stv-meek", profile, options);
  if (outcome.seats < 1) throw UsageError("an STV count needs at least one seat");
  outcome.arithmetic = N::describe();
  Profile ballots = strict_ballots(profile, options);
  MeekCount<N> count(ballots, standing_candidates(profile, options), outcome, options.ties);
  count.run();
  if (options.held) count.hand_over(*options.held);
  return outcome;
}

}  // namespace

// Meek's method as New Zealand's local elections count it (Local Electoral Regulations
// 2001, Schedule 1A; Hill, Wichmann and Woodall, Algorithm 123): every ballot is read
// again at each iteration; elected candidates keep only the share of each vote that
// brings them to the quota, and the quota falls as votes are exhausted.
Outcome count_stv_meek(const Profile& profile, const CountOptions& options) {
  if (options.exact) return count_meek<Rational>(profile, options);
  return count_meek<Fixed<9, RoundUp>>(profile, options);
}

}  // namespace veche
