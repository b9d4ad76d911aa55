#include "veche/count/countback.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "veche/core/error.hpp"
#include "veche/count/held_papers.hpp"
#include "veche/count/stv.hpp"
#include "veche/count/tally.hpp"

namespace veche {

namespace {

// Identical papers in the countback: their preferences among those standing, in order,
// how many there are, each one's value, and the rank of the candidate holding them now.
struct Parcel {
  std::vector<CandidateId> ranking;
  Weight papers = 0;
  Rational value;
  std::size_t at = 0;
};

// The countback proper (Tas. Schedule 6, clause 4, by the steps of Schedule 5): every paper
// to its first preference among those standing; while no one has an absolute majority of
// the votes still in the count, the lowest is excluded and their papers go on at the
// same value. Sums of values are exact, so nothing is rounded here.
class Countback {
 public:
  Countback(const HeldPapers& held, const std::vector<bool>& standing, Outcome& outcome,
            const TiePolicy& ties)
      : outcome_(outcome),
        ties_(ties),
        places_(held.places),
        standing_(standing),
        continuing_(standing),
        piles_(standing.size()),
        votes_(standing.size()) {
    for (const HeldParcel& h : held.parcels) {
      Parcel parcel{{}, h.papers, h.value, 0};
      for (CandidateId c : h.ranking) {
        if (standing[c]) parcel.ranking.push_back(c);
      }
      total_ += h.value * h.papers;
      parcels_.push_back(std::move(parcel));
    }
  }

  void run() {
    first_preferences();
    for (;;) {
      if (std::optional<CandidateId> winner = majority()) {
        elect(*winner, "an absolute majority");
        return;
      }
      std::vector<CandidateId> left = continuing();
      if (left.size() == 1) {
        elect(left.front(), "the only candidate left in the count");
        return;
      }
      exclude_lowest(left);
    }
  }

  const Rational& total() const { return total_; }
  std::string figure(const Rational& votes) const { return votes.decimal(places_); }

 private:
  void first_preferences() {
    for (std::size_t p = 0; p < parcels_.size(); ++p) {
      if (!parcels_[p].ranking.empty()) give(p, parcels_[p].ranking.front());
    }
    record("First preferences among those standing", {});
  }

  // More than half of the votes of the papers still in the count: "absolute majority" as
  // Tas. Schedule 5, clause 1 defines it, exhausted papers left out.
  std::optional<CandidateId> majority() const {
    Rational live;
    for (CandidateId c : continuing()) live += votes_[c];
    for (CandidateId c : continuing()) {
      if (live < votes_[c] * Weight{2}) return c;
    }
    return std::nullopt;
  }

  void exclude_lowest(const std::vector<CandidateId>& left) {
    std::vector<Tie> ties;
    CandidateId loser = stv::pick_at_extreme(left, votes_, Seek::lowest, "exclusion", history_,
                                             ties_, outcome_.candidates, ties);
    continuing_[loser] = false;
    std::vector<Rational> received(votes_.size());
    Rational sent;
    std::vector<std::size_t> pile;
    pile.swap(piles_[loser]);
    for (std::size_t p : pile) {
      std::optional<CandidateId> to = next_continuing(parcels_[p]);
      if (!to) continue;
      give(p, *to);
      received[*to] += parcels_[p].value * parcels_[p].papers;
      sent += parcels_[p].value * parcels_[p].papers;
    }
    Rational leaving = votes_[loser];
    votes_[loser] = Rational{};
    Round& round = record(fmt::format("{} excluded", outcome_.candidates[loser]),
                          transfers(loser, received, leaving - sent));
    round.excluded.push_back(loser);
    round.ties = std::move(ties);
  }

  void elect(CandidateId c, std::string_view why) {
    Round& round = outcome_.rounds.back();
    round.elected.push_back(c);
    outcome_.elected.push_back(c);
    Rational live;
    for (CandidateId d : continuing()) live += votes_[d];
    outcome_.notes.push_back(
        fmt::format("stage {}: {} elected with {} of the {} votes still in "
                    "the count, {}",
                    history_.size(), outcome_.candidates[c], figure(votes_[c]), figure(live), why));
  }

  void give(std::size_t p, CandidateId c) {
    piles_[c].push_back(p);
    votes_[c] += parcels_[p].value * parcels_[p].papers;
  }

  std::optional<CandidateId> next_continuing(Parcel& parcel) const {
    while (++parcel.at < parcel.ranking.size()) {
      if (continuing_[parcel.ranking[parcel.at]]) return parcel.ranking[parcel.at];
    }
    return std::nullopt;
  }

  std::vector<CandidateId> continuing() const {
    std::vector<CandidateId> out;
    for (CandidateId c = 0; c < continuing_.size(); ++c) {
      if (continuing_[c]) out.push_back(c);
    }
    return out;
  }

  std::vector<Transfer> transfers(CandidateId from, const std::vector<Rational>& received,
                                  const Rational& non_transferable) const {
    std::vector<Transfer> out;
    for (CandidateId c = 0; c < received.size(); ++c) {
      if (!received[c].is_zero()) out.push_back({from, c, figure(received[c])});
    }
    if (!non_transferable.is_zero()) out.push_back({from, std::nullopt, figure(non_transferable)});
    return out;
  }

  // Every standing candidate's votes; what the papers are worth and no one shows is
  // non-transferable.
  Round& record(std::string action, std::vector<Transfer> moved) {
    Round round;
    round.action = std::move(action);
    round.votes.resize(votes_.size());
    Rational shown;
    for (CandidateId c = 0; c < votes_.size(); ++c) {
      if (!standing_[c]) continue;
      round.votes[c] = figure(votes_[c]);
      shown += votes_[c];
    }
    round.exhausted = figure(total_ - shown);
    round.transfers = std::move(moved);
    history_.push_back(votes_);
    outcome_.rounds.push_back(std::move(round));
    return outcome_.rounds.back();
  }

  Outcome& outcome_;
  const TiePolicy& ties_;
  int places_;
  std::vector<bool> standing_;
  std::vector<bool> continuing_;
  std::vector<Parcel> parcels_;
  std::vector<std::vector<std::size_t>> piles_;  // per candidate: parcels held
  std::vector<Rational> votes_;
  std::vector<std::vector<Rational>> history_;
  Rational total_;
};

std::string names_of(const std::vector<CandidateId>& ids, const std::vector<std::string>& names) {
  std::string out;
  for (CandidateId c : ids) out += (out.empty() ? "" : ", ") + names[c];
  return out;
}

bool was_elected(const Outcome& count, CandidateId c) {
  return std::find(count.elected.begin(), count.elected.end(), c) != count.elected.end();
}

// Those who consent to stand (Tas. Schedule 6, clause 1(a)): by default every candidate
// who stood and was not elected, less any the returning officer names as not standing.
std::vector<bool> consenting(const Profile& profile, const CountOptions& options,
                             const Outcome& count, const Vacancy& vacancy) {
  std::vector<bool> may_stand = standing_candidates(profile, options);
  for (CandidateId c = 0; c < may_stand.size(); ++c)
    may_stand[c] = may_stand[c] && !was_elected(count, c);
  std::vector<bool> standing = may_stand;
  if (!vacancy.standing.empty()) {
    standing.assign(may_stand.size(), false);
    for (CandidateId c : vacancy.standing) {
      if (!may_stand[c]) {
        throw UsageError(
            fmt::format("{} cannot stand in the countback: only candidates who stood "
                        "and were not elected can",
                        profile.candidates[c]));
      }
      standing[c] = true;
    }
  }
  for (CandidateId c : vacancy.not_standing) standing[c] = false;
  return standing;
}

}  // namespace

Outcome count_back(const Method& method, const Profile& profile, const CountOptions& options,
                   const Vacancy& vacancy) {
  if (vacancy.vacating >= profile.candidate_count()) {
    throw UsageError("the vacating member is not a candidate in the file");
  }
  HeldPapers held;
  held.member = vacancy.vacating;
  CountOptions asking = options;
  asking.held = &held;
  Outcome count = method.count(profile, asking);
  const std::string& member = profile.candidates[vacancy.vacating];
  if (held.arithmetic.empty()) {
    throw UsageError(
        fmt::format("a countback needs the papers each member held, which the {} "
                    "count does not give (stv-scottish, stv-wigm and stv-meek do)",
                    method.name));
  }
  if (!held.elected) {
    throw UsageError(
        fmt::format("{} was not elected by the {} count, so has no seat to vacate; "
                    "elected: {}",
                    member, method.name, names_of(count.elected, count.candidates)));
  }
  std::vector<bool> standing = consenting(profile, options, count, vacancy);
  std::vector<CandidateId> who;
  for (CandidateId c = 0; c < standing.size(); ++c) {
    if (standing[c]) who.push_back(c);
  }
  if (who.empty()) {
    throw UsageError(fmt::format("no candidate stands in the countback for {}'s seat", member));
  }

  Outcome outcome = begin_outcome(fmt::format("countback ({})", method.name), profile, options);
  outcome.seats = 1;
  outcome.arithmetic = fmt::format("exact sums of the values the papers had ({})", held.arithmetic);
  Countback countback(held, standing, outcome, options.ties);
  outcome.notes.push_back(
      fmt::format("the seat of {}: the papers that elected them, {} votes, counted among {}",
                  member, countback.figure(countback.total()), names_of(who, profile.candidates)));
  countback.run();
  return outcome;
}

}  // namespace veche
