// The Australian Senate count: the unweighted inclusive Gregory method with bulk exclusion,
// as the Commonwealth Electoral Act 1918, section 273, sets it out (compilation 73, 2022).
// Votes are whole numbers; every transfer value is the exact fraction surplus ÷ papers.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/core/fixed.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/strict_view.hpp"
#include "veche/count/stv.hpp"
#include "veche/count/stv_inclusive_gregory.hpp"
#include "veche/count/tally.hpp"

namespace veche {

namespace {

using stv::Movement;
using stv::Status;
using Votes = Fixed<0, Truncate>;  // s273 counts whole votes

// A transfer value as s273(9)(a) makes it, surplus votes ÷ ballot papers, held exactly in
// lowest terms: (13AA)(b) moves papers "at a particular transfer value" together, so two
// equal values must compare equal however they arose.
class TransferValue {
  // Papers × numerator needs more than 64 bits before it is divided.
  __extension__ using Wide = unsigned __int128;

 public:
  static TransferValue one() { return TransferValue(1, 1); }
  static TransferValue of(Weight surplus, Weight papers) {
    Weight common = std::gcd(surplus, papers);
    return TransferValue(surplus / common, papers / common);
  }

  // (9)(b), (13AA)(b)(ii): the votes `papers` ballot papers carry, "disregarding any fraction".
  Weight votes_of(Weight papers) const {
    return static_cast<Weight>(Wide{papers} * numerator_ / denominator_);
  }

  std::string to_string() const {
    return denominator_ == 1 ? std::to_string(numerator_)
                             : fmt::format("{}/{}", numerator_, denominator_);
  }

  friend bool operator==(const TransferValue&, const TransferValue&) = default;
  friend bool operator<(const TransferValue& a, const TransferValue& b) {
    return Wide{a.numerator_} * b.denominator_ < Wide{b.numerator_} * a.denominator_;
  }

 private:
  TransferValue(Weight numerator, Weight denominator)
      : numerator_(numerator), denominator_(denominator) {}
  Weight numerator_, denominator_;
};

// Ballot papers one candidate received at one transfer value, and the votes they were
// credited with (the sum of each transfer's whole votes, so not always value × papers).
struct Parcel {
  TransferValue value = TransferValue::one();
  std::vector<std::uint32_t> ballots;  // distinct ballots: identical papers travel together
  Weight papers = 0;
  Weight votes = 0;
};

// What one transfer did, beyond the Movement: for the notes on the sheet.
struct Moved {
  Movement<Votes> movement;
  Weight exhausted_votes = 0;  // (26): papers naming no continuing candidate, at the value
  std::int64_t lost = 0;       // fractions disregarded (negative: gained)
};

// The state of the scrutiny: which parcels each candidate holds, and every total. It has
// the accessors stv::Sheet reads.
class Parcels : public stv::Standings<Votes> {
 public:
  Parcels(const Profile& ballots, const std::vector<bool>& standing)
      : Standings(standing),
        ballots_(ballots),
        position_(ballots.size(), 0),
        held_(ballots.candidate_count()),
        bundle_(ballots.candidate_count()),
        bundle_papers_(ballots.candidate_count(), 0) {}

  // (8): each paper to its first preference, in one parcel at a transfer value of 1. A
  // paper naming no one standing is not formal; their number is returned.
  Weight first_preferences() {
    Weight blank =
        sort_first_preferences(ballots_, [&](CandidateId c, std::uint32_t p) { bundle(c, p); });
    for (CandidateId c = 0; c < held_.size(); ++c) {
      if (bundle_papers_[c] == 0) continue;
      receive(c, TransferValue::one(), bundle_papers_[c]);
    }
    return blank;
  }

  // (9), (10), (12): every paper `from` holds moves on at one transfer value, the surplus
  // ÷ the number of those papers, whatever value each came in at (that is what makes the
  // method unweighted).
  std::pair<TransferValue, Moved> transfer_surplus(CandidateId from, Weight surplus) {
    std::vector<std::uint32_t> papers;
    Weight count = 0;
    for (Parcel& parcel : held_[from]) {
      count += parcel.papers;
      papers.insert(papers.end(), parcel.ballots.begin(), parcel.ballots.end());
    }
    held_[from].clear();
    TransferValue value = TransferValue::of(surplus, count);
    return {value, pass_on(papers, value, surplus)};
  }

  // The transfer values of the parcels `excluded` hold, highest first: (13AA) moves them in
  // that order, each value a separate transfer (28).
  std::vector<TransferValue> values_held(const std::vector<CandidateId>& excluded) const {
    std::vector<TransferValue> values;
    for (CandidateId c : excluded) {
      for (const Parcel& parcel : held_[c]) {
        if (std::find(values.begin(), values.end(), parcel.value) == values.end()) {
          values.push_back(parcel.value);
        }
      }
    }
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return b < a; });
    return values;
  }

  // (13AA): the papers the excluded candidates received at `value`, together, each
  // excluded candidate giving up the votes those papers were credited with.
  Moved transfer_excluded(const std::vector<CandidateId>& excluded, const TransferValue& value) {
    std::vector<std::uint32_t> papers;
    Weight credited = 0;
    for (CandidateId c : excluded) {
      auto& parcels = held_[c];
      auto it = std::find_if(parcels.begin(), parcels.end(),
                             [&](const Parcel& parcel) { return parcel.value == value; });
      if (it == parcels.end()) continue;
      papers.insert(papers.end(), it->ballots.begin(), it->ballots.end());
      credited += it->votes;
      votes_[c] = votes_[c] - whole(it->votes);
      parcels.erase(it);
    }
    return pass_on(papers, value, credited);
  }

 private:
  static Votes whole(Weight n) { return Votes::whole(static_cast<std::int64_t>(n)); }

  // Sorts `papers` by the next continuing candidate each names, credits each candidate
  // with the whole votes their papers carry at `value`, and gives them the papers as a
  // parcel at that value. `leaving` is what the papers were worth to whoever gave them up.
  Moved pass_on(const std::vector<std::uint32_t>& papers, const TransferValue& value,
                Weight leaving) {
    Moved out{{std::vector<Votes>(votes_.size()), Votes{}}, 0, 0};
    Weight exhausted = 0;
    for (std::uint32_t p : papers) {
      auto marks = ballots_.ballot(p);
      std::uint32_t k = position_[p] + 1;
      while (k < marks.size() && status_[candidate_of(marks[k])] != Status::continuing) ++k;
      position_[p] = k;
      if (k < marks.size()) {
        bundle(candidate_of(marks[k]), p);
      } else {
        exhausted += ballots_.weight(p);
      }
    }
    Weight sent = 0;
    for (CandidateId c = 0; c < held_.size(); ++c) {
      if (bundle_papers_[c] == 0) continue;
      Weight votes = receive(c, value, bundle_papers_[c]);
      out.movement.received[c] = whole(votes);
      sent += votes;
    }
    out.exhausted_votes = value.votes_of(exhausted);
    out.movement.non_transferable = whole(leaving) - whole(sent);
    out.lost = static_cast<std::int64_t>(leaving) - static_cast<std::int64_t>(sent) -
               static_cast<std::int64_t>(out.exhausted_votes);
    return out;
  }

  void bundle(CandidateId c, std::uint32_t p) {
    bundle_[c].push_back(p);
    bundle_papers_[c] += ballots_.weight(p);
  }

  // Gives `c` the papers bundled for it, at `value`; returns the votes they carry.
  Weight receive(CandidateId c, const TransferValue& value, Weight papers) {
    Weight votes = value.votes_of(papers);
    auto& parcels = held_[c];
    auto it = std::find_if(parcels.begin(), parcels.end(),
                           [&](const Parcel& parcel) { return parcel.value == value; });
    if (it == parcels.end()) {
      parcels.push_back(Parcel{value, {}, 0, 0});
      it = parcels.end() - 1;
    }
    if (it->ballots.empty()) {
      it->ballots.swap(bundle_[c]);
    } else {
      it->ballots.insert(it->ballots.end(), bundle_[c].begin(), bundle_[c].end());
    }
    bundle_[c].clear();
    bundle_papers_[c] = 0;
    it->papers += papers;
    it->votes += votes;
    votes_[c] = votes_[c] + whole(votes);
    return votes;
  }

  const Profile& ballots_;
  std::vector<std::uint32_t> position_;             // per distinct ballot: rank of its holder
  std::vector<std::vector<Parcel>> held_;           // per candidate: parcels, one a value
  std::vector<std::vector<std::uint32_t>> bundle_;  // per candidate: papers on the way to them
  std::vector<Weight> bundle_papers_;
};

std::string names_of(const std::vector<CandidateId>& group, const Outcome& outcome) {
  if (group.size() > 3) {
    return fmt::format("{} and {} others", outcome.candidates[group.front()], group.size() - 1);
  }
  std::string names;
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (i > 0) names += i + 1 == group.size() ? " and " : ", ";
    names += outcome.candidates[group[i]];
  }
  return names;
}

// The number of candidates, from the bottom of the poll, that s273(13A) and (13B) exclude
// together (1 when no bulk exclusion can be made). `votes` is the poll, lowest first.
std::size_t bulk_exclusion_size(const std::vector<std::int64_t>& votes, std::int64_t quota,
                                std::size_t vacancies) {
  const std::size_t n = votes.size();
  std::vector<std::int64_t> notional(n);  // (29): own votes and those of everyone lower
  std::partial_sum(votes.begin(), votes.end(), notional.begin());
  const std::int64_t leading_shortfall = quota - votes[n - 1];
  std::int64_t vacancy_shortfall = 0;
  for (std::size_t i = n - vacancies; i < n; ++i) vacancy_shortfall += quota - votes[i];
  // (13A)(b): Candidate B stands highest of those below Candidate A (notional votes fewer
  // than the vacancy shortfall) whose notional votes are fewer than the votes of the
  // candidate immediately above.
  std::size_t excluded = 1;
  for (std::size_t b = n - 1; b-- > 0;) {
    if (notional[b] >= vacancy_shortfall || notional[b] >= votes[b + 1]) continue;
    if (notional[b] < leading_shortfall) {
      excluded = b + 1;  // (13A)(c)
    } else {
      // (13A)(d): Candidate C, the highest whose notional votes are fewer than the leading
      // shortfall; when there is none, no bulk exclusion can be made.
      for (std::size_t c = b; c-- > 0;) {
        if (notional[c] < leading_shortfall) {
          excluded = c + 1;
          break;
        }
      }
    }
    break;
  }
  return std::clamp<std::size_t>(excluded, 1, n - vacancies);  // (13B)
}

class SenateScrutiny {
 public:
  SenateScrutiny(const Profile& ballots, const std::vector<bool>& standing, Outcome& outcome,
                 const CountOptions& options)
      : outcome_(outcome),
        ties_(options.ties),
        parcels_(ballots, standing),
        sheet_(outcome, options.ties),
        seats_left_(outcome.seats) {}

  void run() {
    Weight blank = parcels_.first_preferences();
    if (blank > 0) {
      outcome_.notes.push_back(
          fmt::format("{} ballots name no standing candidate and are not counted", blank));
    }
    quota_ = stv::quota_of<Votes>(stv::QuotaKind::droop, parcels_.valid(), outcome_.seats);
    outcome_.quota = quota_.to_string();
    sheet_.record("First preferences", parcels_, {});
    end_of_count();
    while (seats_left_ > 0 && !parcels_.with_status(Status::continuing).empty()) {
      if (!pending_.empty()) {
        transfer_surplus();
      } else {
        exclude();
      }
    }
  }

 private:
  struct Surplus {
    CandidateId candidate;
    int count;  // the count at which it arose: (23) takes earlier counts first
  };

  // (9), (10), (14): whoever reached the quota is elected; then (18) and (17).
  void end_of_count() {
    std::vector<CandidateId> reached;
    for (CandidateId c : parcels_.with_status(Status::continuing)) {
      if (!(parcels_.votes(c) < quota_)) reached.push_back(c);
    }
    elect_in_order(std::move(reached));
    if (seats_left_ > 0) elect_the_last();
  }

  // (18): as many continuing candidates as vacancies are all elected. (17): two left for
  // the last vacancy, the one with more votes is elected, and a tie is decided by lot.
  void elect_the_last() {
    std::vector<CandidateId> continuing = parcels_.with_status(Status::continuing);
    if (continuing.size() <= static_cast<std::size_t>(seats_left_)) {
      if (continuing.empty()) return;
      note_stage("{} elected, continuing candidates being as many as the vacancies left (s273(18))",
                 names_of(continuing, outcome_));
      elect_in_order(std::move(continuing));
      return;
    }
    if (seats_left_ != 1 || continuing.size() != 2) return;
    auto level = stv::level_at_extreme(continuing, parcels_.all_votes(), Seek::highest);
    CandidateId chosen = level.front();
    if (level.size() > 1) {
      TiePolicy lot = ties_;
      lot.look_back = TiePolicy::LookBack::none;  // (17): by lot, no look back
      Tie tie = break_tie(level, Seek::highest, "last vacancy (s273(17))", sheet_.history(), lot,
                          sheet_.stages(), outcome_.candidates);
      chosen = tie.chosen;
      sheet_.last().ties.push_back(std::move(tie));
    }
    note_stage("{} elected to the last vacancy, two continuing candidates remaining (s273(17))",
               outcome_.candidates[chosen]);
    elect({chosen});
  }

  // (20): in order of votes, level ones by the last count at which they differed.
  void elect_in_order(std::vector<CandidateId> group) {
    while (!group.empty() && seats_left_ > 0) {
      auto level = stv::level_at_extreme(group, parcels_.all_votes(), Seek::highest);
      CandidateId c = sheet_.break_tie(level, Seek::highest, "order of election", &sheet_.last());
      std::erase(group, c);
      elect({c});
    }
  }

  void elect(std::vector<CandidateId> chosen) {
    for (CandidateId c : chosen) {
      parcels_.set_status(c, Status::elected);
      sheet_.last().elected.push_back(c);
      outcome_.elected.push_back(c);
      --seats_left_;
      if (quota_ < parcels_.votes(c)) pending_.push_back({c, sheet_.stages()});
    }
  }

  // (21)–(23): the surplus that arose first; of those from one count, the largest; equal
  // ones by the last count at which the candidates' votes differed, then by lot (22).
  void transfer_surplus() {
    int first = std::min_element(pending_.begin(), pending_.end(), [](auto& a, auto& b) {
                  return a.count < b.count;
                })->count;
    std::vector<CandidateId> earliest;
    for (const Surplus& s : pending_) {
      if (s.count == first) earliest.push_back(s.candidate);
    }
    auto level = stv::level_at_extreme(earliest, parcels_.all_votes(), Seek::highest);
    CandidateId from = sheet_.break_tie(level, Seek::highest, "order of surpluses", nullptr);
    std::erase_if(pending_, [&](const Surplus& s) { return s.candidate == from; });

    Votes surplus = parcels_.votes(from) - quota_;
    auto [value, moved] = parcels_.transfer_surplus(from, static_cast<Weight>(surplus.raw()));
    parcels_.set_votes(from, quota_);
    sheet_.record(fmt::format("Surplus of {} transferred (transfer value {})",
                              outcome_.candidates[from], value.to_string()),
                  parcels_, stv::transfers_of(from, moved.movement));
    note_losses(moved);
    end_of_count();
  }

  // (13), (15): the lowest candidate, or a bulk exclusion (13A); their papers move parcel
  // by parcel, highest transfer value first (13AA), each a count of its own (28). A
  // candidate elected on the way keeps their surplus until the exclusion ends (14) and
  // receives no more papers (16); the scrutiny stops as soon as the seats are filled (32).
  void exclude() {
    std::vector<CandidateId> excluded = to_exclude();
    for (CandidateId c : excluded) parcels_.set_status(c, Status::excluded);
    std::string who = names_of(excluded, outcome_);
    std::vector<TransferValue> values = parcels_.values_held(excluded);
    if (values.empty()) {  // no papers to move: the exclusion is a count of its own
      sheet_.record(fmt::format("{} excluded", who), parcels_, {}).excluded = excluded;
      end_of_count();
      return;
    }
    for (std::size_t i = 0; i < values.size() && seats_left_ > 0; ++i) {
      Moved moved = parcels_.transfer_excluded(excluded, values[i]);
      Round& round = sheet_.record(
          fmt::format("{} excluded (papers at transfer value {})", who, values[i].to_string()),
          parcels_, stv::transfers_of(excluded.front(), moved.movement));
      if (i == 0) round.excluded = excluded;
      note_losses(moved);
      end_of_count();
    }
  }

  // (13)(a) the lowest in the poll, or (13)(b) those a bulk exclusion takes; candidates
  // level where the cut falls stand by (31): the last count at which they differed, then lot.
  std::vector<CandidateId> to_exclude() {
    std::vector<CandidateId> poll = parcels_.with_status(Status::continuing);
    std::stable_sort(poll.begin(), poll.end(), [&](CandidateId a, CandidateId b) {
      return parcels_.votes(a) < parcels_.votes(b);
    });
    std::vector<std::int64_t> votes;
    for (CandidateId c : poll) votes.push_back(parcels_.votes(c).raw());
    std::size_t count =
        bulk_exclusion_size(votes, quota_.raw(), static_cast<std::size_t>(seats_left_));
    std::int64_t cut = votes[count - 1];
    std::vector<CandidateId> excluded, level;
    for (std::size_t i = 0; i < poll.size(); ++i) {
      if (votes[i] < cut) excluded.push_back(poll[i]);
      if (votes[i] == cut) level.push_back(poll[i]);
    }
    // Only a cut that falls inside a level group needs their order of standing.
    while (excluded.size() < count && excluded.size() + level.size() > count) {
      CandidateId c = sheet_.break_tie(level, Seek::lowest, "exclusion", nullptr);
      excluded.push_back(c);
      std::erase(level, c);
    }
    if (excluded.size() < count) excluded.insert(excluded.end(), level.begin(), level.end());
    return excluded;
  }

  // The transfer's fractions, which the votes disregard, are part of non-transferable.
  void note_losses(const Moved& moved) {
    if (moved.lost == 0) return;
    std::int64_t votes = moved.lost > 0 ? moved.lost : -moved.lost;
    note_stage("{} vote{} {} by disregarding fractions", votes, votes == 1 ? "" : "s",
               moved.lost > 0 ? "lost" : "gained");
  }

  template <class... Args>
  void note_stage(fmt::format_string<Args...> text, Args&&... args) {
    outcome_.notes.push_back(fmt::format("stage {}: {}", sheet_.stages(),
                                         fmt::format(text, std::forward<Args>(args)...)));
  }

  Outcome& outcome_;
  const TiePolicy& ties_;
  Parcels parcels_;
  stv::Sheet<Votes> sheet_;
  Votes quota_{};
  int seats_left_;
  std::vector<Surplus> pending_;
};

}  // namespace

// The Commonwealth Electoral Act 1918, section 273 (8)–(32), as for a count by hand: the
// Droop quota in whole votes, every surplus moved by the unweighted inclusive Gregory
// method, exclusions parcel by parcel, bulk exclusion by (13A). Nothing is an option.
Outcome count_stv_gregory(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("stv-gregory", profile, options);
  if (outcome.seats < 1) throw UsageError("an STV count needs at least one seat");
  outcome.arithmetic = "whole votes, fractions disregarded; transfer values exact fractions";
  Profile strict_copy;
  const Profile& ballots = strict_view(profile, options, strict_copy);
  SenateScrutiny scrutiny(ballots, standing_candidates(profile, options), outcome, options);
  scrutiny.run();
  outcome.notes.insert(outcome.notes.begin(),
                       "non-transferable includes exhausted papers and the fractions of a vote "
                       "each transfer disregards (s273(9)(b), (13AA)(b)(ii))");
  return outcome;
}

}  // namespace veche
