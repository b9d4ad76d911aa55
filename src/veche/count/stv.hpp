#pragma once
// What every STV rule shares: the ballot papers in parcels, each with the candidate now
// holding it and its current value; transfers between candidates; stages as Rounds.
// A rule is written once against an arithmetic (Fixed<5, Truncate>, Rational, ...) and
// differs from the others only where its rule text does.
#include <algorithm>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "veche/core/outcome.hpp"
#include "veche/core/profile.hpp"
#include "veche/core/tie_policy.hpp"

namespace veche::stv {

// The numbers a rule can count with. Sums are exact; muldiv(a, b, c) = a × b / c with the
// arithmetic's one rounding; `* Weight` multiplies by a number of identical papers.
template <class N>
concept Arithmetic = std::totally_ordered<N> && std::copyable<N> &&
    requires(N a, const N& b, Weight w, std::int64_t i) {
  { N::whole(i) } -> std::same_as<N>;
  { N::ratio(i, i) } -> std::same_as<N>;
  { a + b } -> std::same_as<N>;
  { a - b } -> std::same_as<N>;
  { a* w } -> std::same_as<N>;
  { a* b } -> std::same_as<N>;
  { a / b } -> std::same_as<N>;
  { muldiv(a, b, b) } -> std::same_as<N>;
  { a.to_string() } -> std::same_as<std::string>;
  { a.is_zero() } -> std::same_as<bool>;
  { N::describe() } -> std::same_as<std::string>;
};

enum class Status : std::uint8_t { continuing, elected, excluded, withdrawn };

// Votes that moved at one transfer: what each candidate received, and what was set
// aside as non-transferable (including any fractions the arithmetic dropped).
template <Arithmetic N>
struct Movement {
  std::vector<N> received;  // per candidate
  N non_transferable{};
};

// What every rule's holder of papers tells the result sheet (Sheet::record) and the rule:
// each candidate's standing and current total, and the number of valid papers. Each rule
// keeps its papers its own way (one pile, batches as received, parcels by value) on top.
template <class N>
class Standings {
 public:
  explicit Standings(const std::vector<bool>& standing) : votes_(standing.size()) {
    status_.reserve(standing.size());
    for (bool s : standing) status_.push_back(s ? Status::continuing : Status::withdrawn);
  }

  Status status(CandidateId c) const { return status_[c]; }
  void set_status(CandidateId c, Status s) { status_[c] = s; }
  const N& votes(CandidateId c) const { return votes_[c]; }
  void set_votes(CandidateId c, N v) { votes_[c] = std::move(v); }
  const std::vector<N>& all_votes() const { return votes_; }
  std::size_t candidate_count() const { return votes_.size(); }
  Weight valid() const { return valid_; }

  std::vector<CandidateId> with_status(Status s) const {
    std::vector<CandidateId> out;
    for (CandidateId c = 0; c < status_.size(); ++c) {
      if (status_[c] == s) out.push_back(c);
    }
    return out;
  }

 protected:
  // Each paper to its first preference through `give(candidate, paper)`; papers naming no
  // one standing are not valid votes and are left out (their number is returned).
  template <class Give>
  Weight sort_first_preferences(const Profile& ballots, Give give) {
    Weight blank = 0;
    for (std::uint32_t p = 0; p < ballots.size(); ++p) {
      auto marks = ballots.ballot(p);
      if (marks.empty()) {
        blank += ballots.weight(p);
        continue;
      }
      give(candidate_of(marks.front()), p);
      valid_ += ballots.weight(p);
    }
    return blank;
  }

  std::vector<N> votes_;  // per candidate: current total
  std::vector<Status> status_;
  Weight valid_ = 0;
};

// The state of a count: which candidate holds each parcel of papers, at what value, and
// every candidate's total.
template <Arithmetic N>
class Papers : public Standings<N> {
  using Standings<N>::votes_;
  using Standings<N>::status_;
  using Standings<N>::valid_;

 public:
  Papers(const Profile& ballots, const std::vector<bool>& standing)
      : Standings<N>(standing),
        ballots_(ballots),
        position_(ballots.size(), 0),
        value_(ballots.size(), N::whole(1)),
        piles_(ballots.candidate_count()) {}

  // Rule 45: each paper to its first preference; papers naming no one standing are not
  // valid votes and are left out (their number is returned).
  Weight first_preferences() {
    return this->sort_first_preferences(ballots_, [&](CandidateId c, std::uint32_t p) {
      piles_[c].push_back(p);
      votes_[c] += value_[p] * ballots_.weight(p);
    });
  }

  // Moves every paper `from` holds to its next continuing candidate at the value
  // `revalue(current value)` gives, and returns what moved. The holder's own total is
  // left for the rule to set (the quota after a surplus, zero after an exclusion).
  // `leaving` is what the holder gives up (a surplus, or the whole total); what does not
  // reach a continuing candidate is non-transferable.
  template <class Revalue>
  Movement<N> transfer(CandidateId from, const N& leaving, Revalue revalue) {
    Movement<N> moved{std::vector<N>(votes_.size()), N{}};
    N sent{};
    std::vector<std::uint32_t> pile;
    pile.swap(piles_[from]);
    for (std::uint32_t p : pile) {
      value_[p] = revalue(value_[p]);
      N amount = value_[p] * ballots_.weight(p);
      std::optional<CandidateId> to = next_continuing(p);
      if (to) {
        piles_[*to].push_back(p);
        votes_[*to] += amount;
        moved.received[*to] += amount;
        sent += amount;
      }
    }
    moved.non_transferable = leaving - sent;
    return moved;
  }

  // The parcels `c` holds now, and what is known of each: for a countback, which recounts
  // the papers a member held when the count ended (held_papers.hpp).
  template <class Visit>
  void for_each_parcel(CandidateId c, Visit visit) const {
    for (std::uint32_t p : piles_[c]) visit(p);
  }
  std::span<const Mark> marks(std::uint32_t parcel) const { return ballots_.ballot(parcel); }
  Weight weight(std::uint32_t parcel) const { return ballots_.weight(parcel); }
  const N& value(std::uint32_t parcel) const { return value_[parcel]; }

 private:
  std::optional<CandidateId> next_continuing(std::uint32_t p) {
    auto marks = ballots_.ballot(p);
    for (std::uint32_t k = position_[p] + 1; k < marks.size(); ++k) {
      CandidateId c = candidate_of(marks[k]);
      if (status_[c] == Status::continuing) {
        position_[p] = k;
        return c;
      }
    }
    position_[p] = static_cast<std::uint32_t>(marks.size());
    return std::nullopt;
  }

  const Profile& ballots_;
  std::vector<std::uint32_t> position_;            // per parcel: rank of its current holder
  std::vector<N> value_;                           // per parcel: value of one paper in it
  std::vector<std::vector<std::uint32_t>> piles_;  // per candidate: parcels held
};

// The stages of a count as the result sheet shows them, and the totals the tie rules
// look back on.
template <Arithmetic N>
class Sheet {
 public:
  Sheet(Outcome& outcome, const TiePolicy& ties) : outcome_(outcome), ties_(ties) {}

  // Records the end of a stage: every standing candidate's total, and as non-transferable
  // whatever the valid poll no longer shows (exhausted papers and dropped fractions).
  // `papers` is Papers<N>, or a rule's own parcels with the same accessors.
  template <class Holdings = Papers<N>>
  Round& record(std::string action, const Holdings& papers, std::vector<Transfer> transfers) {
    Round round;
    round.action = std::move(action);
    round.votes.resize(papers.candidate_count());
    N shown{};
    for (CandidateId c = 0; c < papers.candidate_count(); ++c) {
      if (papers.status(c) == Status::withdrawn) continue;
      round.votes[c] = papers.votes(c).to_string();
      shown += papers.votes(c);
    }
    round.exhausted = (N::whole(static_cast<std::int64_t>(papers.valid())) - shown).to_string();
    round.transfers = std::move(transfers);
    round.ties = std::move(next_ties_);
    next_ties_.clear();
    history_.push_back(papers.all_votes());
    outcome_.rounds.push_back(std::move(round));
    return outcome_.rounds.back();
  }

  // The stage about to be recorded is number stages() + 1.
  int stages() const { return static_cast<int>(history_.size()); }
  const std::vector<std::vector<N>>& history() const { return history_; }
  Round& last() { return outcome_.rounds.back(); }

  // Rules 49(2), 51(2): the most recent earlier stage where the tied differed, then lot.
  // The tie is written into `where`, or, when null, into the stage recorded next (the one
  // the choice opens: a surplus or an exclusion).
  CandidateId break_tie(std::vector<CandidateId> tied, Seek seek, std::string purpose,
                        Round* where) {
    if (tied.size() == 1) return tied.front();
    int stage = where ? stages() : stages() + 1;
    Tie tie = veche::break_tie(std::move(tied), seek, std::move(purpose), history_, ties_, stage,
                               outcome_.candidates);
    CandidateId chosen = tie.chosen;
    (where ? where->ties : next_ties_).push_back(std::move(tie));
    return chosen;
  }

 private:
  Outcome& outcome_;
  const TiePolicy& ties_;
  std::vector<std::vector<N>> history_;
  std::vector<Tie> next_ties_;
};

// The candidates among `among` with the fewest (Seek::lowest) or most votes.
template <Arithmetic N>
std::vector<CandidateId> level_at_extreme(const std::vector<CandidateId>& among,
                                          const std::vector<N>& votes, Seek seek) {
  std::vector<CandidateId> level;
  for (CandidateId c : among) {
    if (level.empty()) {
      level.push_back(c);
      continue;
    }
    const N& best = votes[level.front()];
    bool beats = seek == Seek::lowest ? votes[c] < best : best < votes[c];
    if (beats) level.clear();
    if (beats || votes[c] == best) level.push_back(c);
  }
  return level;
}

// The one candidate to exclude (Seek::lowest) or to take first (Seek::highest) among
// `among`: alone at that end, or chosen from the level group by the tie policy, looking
// back on `history` (each earlier stage's totals); a tie is appended to `ties` for the
// stage's record.
template <Arithmetic N>
CandidateId pick_at_extreme(const std::vector<CandidateId>& among, const std::vector<N>& votes,
                            Seek seek, std::string purpose,
                            const std::vector<std::vector<N>>& history, const TiePolicy& policy,
                            std::span<const std::string> names, std::vector<Tie>& ties) {
  std::vector<CandidateId> level = level_at_extreme(among, votes, seek);
  if (level.size() == 1) return level.front();
  Tie tie = break_tie(std::move(level), seek, std::move(purpose), history, policy,
                      static_cast<int>(history.size()) + 1, names);
  CandidateId chosen = tie.chosen;
  ties.push_back(std::move(tie));
  return chosen;
}

// The transfers of one Movement as a Round lists them: each candidate who received
// something, then the non-transferable remainder.
template <Arithmetic N>
std::vector<Transfer> transfers_of(CandidateId from, const Movement<N>& moved) {
  std::vector<Transfer> out;
  for (CandidateId c = 0; c < moved.received.size(); ++c) {
    if (!moved.received[c].is_zero()) out.push_back({from, c, moved.received[c].to_string()});
  }
  if (!moved.non_transferable.is_zero()) {
    out.push_back({from, std::nullopt, moved.non_transferable.to_string()});
  }
  return out;
}

}  // namespace veche::stv
