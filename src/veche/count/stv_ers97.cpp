#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/core/fixed.hpp"
#include "veche/count/methods.hpp"
#include "veche/count/stv.hpp"
#include "veche/count/tally.hpp"

// The Electoral Reform Society's model rules, R. A. Newland and F. S. Britton, "How to
// conduct an election by the Single Transferable Vote", 3rd edition (ERS 1997), section 5.
// Section numbers below are the booklet's.

namespace veche {

namespace {

using stv::Status;

// Every figure to two decimal places, any remainder ignored (5.1.6, 5.3.7).
using Votes = Fixed<2, Truncate>;

// 5.1.6: the total divided by one more than the places, taken to two places; when it is
// not exact, the remainder is ignored and 0.01 added, which is rounding up.
Votes quota_of(Votes total, int seats) {
  return Votes::from_raw(RoundUp::divide(total.raw(), std::int64_t{seats} + 1));
}

// Glossary 6.1: the papers of one value that a candidate received at one transfer.
struct Batch {
  Votes value;
  std::vector<std::uint32_t> parcels;  // distinct ballots, each with its number of papers
};

// A paper on the move: the candidate it leaves, and the distinct ballot it is.
struct Leaving {
  CandidateId from;
  std::uint32_t parcel;
};

// Who holds which papers, batch by batch, and every candidate's vote. A surplus comes
// from the last batch only, and an exclusion goes batch by batch, so the batches are
// kept as they were received.
class Holdings : public stv::Standings<Votes> {
 public:
  Holdings(const Profile& ballots, const std::vector<bool>& standing)
      : Standings(standing),
        ballots_(ballots),
        position_(ballots.size(), 0),
        batches_(ballots.candidate_count()) {}

  // 5.1.2: each paper to its first preference, one batch a candidate at value 1; papers
  // naming no one standing are invalid (their number is returned).
  Weight first_preferences() {
    std::vector<bool> opened(votes_.size(), false);
    return sort_first_preferences(
        ballots_, [&](CandidateId c, std::uint32_t p) { receive(c, p, Votes::whole(1), opened); });
  }

  // Glossary 6.23: the paper names a continuing candidate after its present holder.
  bool transferable(std::uint32_t p) const { return next_rank(p).has_value(); }

  // Moves each paper to its next available preference (glossary 6.10) at `value`. Each
  // receiving candidate gets this transfer's papers as one new batch; a paper with no
  // next available preference is non-transferable. What each candidate receives and
  // what is set aside is accounted to the candidate the paper leaves.
  std::map<CandidateId, stv::Movement<Votes>> move(const std::vector<Leaving>& papers,
                                                   Votes value) {
    std::map<CandidateId, stv::Movement<Votes>> moved;
    std::vector<bool> opened(votes_.size(), false);
    for (const auto& [from, p] : papers) {
      auto [it, fresh] = moved.try_emplace(from);
      if (fresh) it->second.received.resize(votes_.size());
      Votes amount = value * ballots_.weight(p);
      std::optional<std::uint32_t> rank = next_rank(p);
      position_[p] = rank.value_or(static_cast<std::uint32_t>(ballots_.ballot(p).size()));
      if (!rank) {
        it->second.non_transferable += amount;
        continue;
      }
      CandidateId to = candidate_of(ballots_.ballot(p)[*rank]);
      receive(to, p, value, opened);
      it->second.received[to] += amount;
    }
    return moved;
  }

  std::vector<Batch>& batches(CandidateId c) { return batches_[c]; }
  Weight papers(std::uint32_t p) const { return ballots_.weight(p); }

  // Glossary 6.13: the valid vote no candidate holds.
  Votes non_transferable() const {
    Votes held{};
    for (CandidateId c = 0; c < votes_.size(); ++c) {
      if (status_[c] != Status::withdrawn) held += votes_[c];
    }
    return Votes::whole(static_cast<std::int64_t>(valid_)) - held;
  }

 private:
  std::optional<std::uint32_t> next_rank(std::uint32_t p) const {
    auto marks = ballots_.ballot(p);
    for (std::uint32_t k = position_[p] + 1; k < marks.size(); ++k) {
      if (status_[candidate_of(marks[k])] == Status::continuing) return k;
    }
    return std::nullopt;
  }

  void receive(CandidateId to, std::uint32_t p, Votes value, std::vector<bool>& opened) {
    if (!opened[to]) batches_[to].push_back({value, {}});
    opened[to] = true;
    batches_[to].back().parcels.push_back(p);
    votes_[to] += value * ballots_.weight(p);
  }

  const Profile& ballots_;
  std::vector<std::uint32_t> position_;      // per ballot: rank of its present holder
  std::vector<std::vector<Batch>> batches_;  // per candidate: batches in order received
};

// 5.2.3, 5.2.5, 5.6.2: equal candidates are told apart by "the first stage or the
// earliest point in the count ... where they had unequal votes": the look-back runs
// forward, whatever the policy's default. The lot, or the officer's order, stays.
TiePolicy ers97_ties(TiePolicy policy) {
  policy.look_back = TiePolicy::LookBack::forward;
  return policy;
}

std::string names_of(const std::vector<CandidateId>& ids, const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += names[ids[i]];
  }
  return out;
}

class Ers97Count {
 public:
  Ers97Count(const Profile& ballots, const std::vector<bool>& standing, Outcome& outcome,
             const CountOptions& options)
      : outcome_(outcome),
        ties_(ers97_ties(options.ties)),
        held_(ballots, standing),
        sheet_(outcome, ties_),
        seats_left_(outcome.seats) {}

  void run() {
    Weight invalid = held_.first_preferences();
    if (invalid > 0) {
      outcome_.notes.push_back(
          fmt::format("{} ballots name no standing candidate and are not counted", invalid));
    }
    set_quota(quota_of(Votes::whole(static_cast<std::int64_t>(held_.valid())), outcome_.seats));
    sheet_.record("First preferences", held_, {});
    deem_qualified_elected();
    while (seats_left_ > 0) {
      std::vector<CandidateId> continuing = held_.with_status(Status::continuing);
      if (continuing.size() <= static_cast<std::size_t>(seats_left_)) {
        fill_last_places(continuing, "as many continuing candidates as places unfilled (4.3)");
        break;
      }
      std::vector<CandidateId> surpluses = untransferred_surpluses();
      std::vector<CandidateId> lowest = lowest_to_exclude(continuing, total_surplus(surpluses));
      if (lowest.empty()) {
        transfer_surplus(surpluses);
        continue;
      }
      if (!surpluses.empty()) note_deferral(surpluses);
      exclude(continuing, lowest);
    }
    note_formal_exclusions();
  }

 private:
  // --- the quota and who is elected -------------------------------------------------

  void set_quota(Votes quota) {
    quota_ = quota;
    outcome_.quota = quota.to_string();
  }

  // 5.4.8: papers that became non-transferable before anyone was deemed elected no
  // longer count towards the quota.
  void recalculate_quota() {
    if (!outcome_.elected.empty()) return;
    Votes lower =
        quota_of(Votes::whole(static_cast<std::int64_t>(held_.valid())) - held_.non_transferable(),
                 outcome_.seats);
    if (!(lower < quota_)) return;
    set_quota(lower);
    outcome_.notes.push_back(fmt::format(
        "round {}: no one elected yet and papers non-transferable: quota now {} (5.4.8)",
        sheet_.stages(), lower.to_string()));
  }

  // Glossary 6.20: the votes of the continuing candidates and those awaiting transfer:
  // surpluses, and the batches of an exclusion not yet transferred.
  Votes total_active_vote() const {
    Votes active{};
    for (CandidateId c : held_.with_status(Status::continuing)) active += held_.votes(c);
    for (CandidateId c : held_.with_status(Status::excluded)) active += held_.votes(c);
    for (CandidateId c : held_.with_status(Status::elected)) {
      if (quota_ < held_.votes(c)) active += held_.votes(c) - quota_;
    }
    return active;
  }

  // 5.1.7, 5.3.13, 5.4.9: the quota, or (rarely less) the total active vote divided by
  // one more than the places unfilled, compared exactly rather than rounded.
  bool qualifies(const Votes& vote) const {
    if (!(vote < quota_)) return true;
    return !(vote * static_cast<Weight>(seats_left_ + 1) < total_active_vote());
  }

  // Considering the continuing candidates in descending order of their votes, deem
  // elected each who qualifies, until the places are filled. Each election changes the
  // total active vote, so the test is made again for the next.
  void deem_qualified_elected() {
    while (seats_left_ > 0) {
      std::vector<CandidateId> continuing = held_.with_status(Status::continuing);
      if (continuing.empty()) return;
      auto level = stv::level_at_extreme(continuing, held_.all_votes(), Seek::highest);
      if (!qualifies(held_.votes(level.front()))) return;
      std::size_t tied = level.size();
      if (tied > static_cast<std::size_t>(seats_left_)) level = ahead_at_earlier_points(level);
      elect_in_order(level);
      if (level.size() < tied) return;
    }
  }

  // 5.6.2: more level candidates qualify than there are places: those ahead at the
  // first stage, or at the earliest point after a batch where they differed, take the
  // places; those level at every point are none of them elected at this stage.
  std::vector<CandidateId> ahead_at_earlier_points(std::vector<CandidateId> level) {
    const auto& history = sheet_.history();
    auto ahead = [&](CandidateId a, CandidateId b) {
      for (const auto& totals : history) {
        if (totals[a] != totals[b]) return totals[b] < totals[a];
      }
      return false;
    };
    std::stable_sort(level.begin(), level.end(), ahead);
    std::vector<CandidateId> all = level;
    auto cut = level.begin() + seats_left_;
    auto first_of_cut =
        std::find_if(level.begin(), cut, [&](CandidateId c) { return !ahead(c, *cut); });
    level.erase(first_of_cut, level.end());
    std::string left;
    for (CandidateId c : all) {
      if (std::find(level.begin(), level.end(), c) == level.end())
        left += (left.empty() ? "" : ", ") + outcome_.candidates[c];
    }
    outcome_.notes.push_back(
        fmt::format("round {}: {} level, and too few places for them all: by the earlier stages, "
                    "{} not deemed elected at this stage (5.6.2)",
                    sheet_.stages(), names_of(all, outcome_.candidates), left));
    return level;
  }

  // Highest vote first; equal votes in order of earlier points, then the lot.
  void elect_in_order(std::vector<CandidateId> group) {
    while (!group.empty() && seats_left_ > 0) {
      auto level = stv::level_at_extreme(group, held_.all_votes(), Seek::highest);
      CandidateId c = sheet_.break_tie(level, Seek::highest, "order of election", &sheet_.last());
      std::erase(group, c);
      held_.set_status(c, Status::elected);
      sheet_.last().elected.push_back(c);
      outcome_.elected.push_back(c);
      --seats_left_;
    }
  }

  // 4.3, 5.5.1: as many continuing candidates as places: all deemed elected.
  void fill_last_places(std::vector<CandidateId> continuing, std::string_view why) {
    if (continuing.empty()) return;
    outcome_.notes.push_back(fmt::format("round {}: {} deemed elected: {}", sheet_.stages(),
                                         names_of(continuing, outcome_.candidates), why));
    elect_in_order(std::move(continuing));
  }

  // 5.5.2: once every place is filled, no more papers move.
  void note_formal_exclusions() {
    std::vector<CandidateId> left = held_.with_status(Status::continuing);
    if (left.empty() || seats_left_ > 0) return;
    outcome_.notes.push_back(fmt::format("{} formally excluded: every place is filled (5.5.2)",
                                         names_of(left, outcome_.candidates)));
  }

  // --- surpluses ----------------------------------------------------------------------

  std::vector<CandidateId> untransferred_surpluses() const {
    std::vector<CandidateId> out;
    for (CandidateId c : held_.with_status(Status::elected)) {
      if (quota_ < held_.votes(c)) out.push_back(c);
    }
    return out;
  }

  Votes total_surplus(const std::vector<CandidateId>& surpluses) const {
    Votes total{};
    for (CandidateId c : surpluses) total += held_.votes(c) - quota_;
    return total;
  }

  void note_deferral(const std::vector<CandidateId>& surpluses) {
    outcome_.notes.push_back(fmt::format(
        "round {}: surplus of {} ({}) deferred: with it the lowest would still not exceed the "
        "candidate next above (5.2.2)",
        sheet_.stages() + 1, names_of(surpluses, outcome_.candidates),
        total_surplus(surpluses).to_string()));
  }

  // 5.2.3 and 5.3: the largest surplus, from the batch that gave rise to it (for a
  // surplus at the first stage that batch is every paper the candidate has). Each
  // transferable paper carries surplus ÷ transferable papers, to two places with the
  // remainder ignored, unless the papers' present value is no more than the surplus.
  void transfer_surplus(const std::vector<CandidateId>& surpluses) {
    auto level = stv::level_at_extreme(surpluses, held_.all_votes(), Seek::highest);
    CandidateId from = sheet_.break_tie(level, Seek::highest, "order of surpluses", nullptr);
    Votes surplus = held_.votes(from) - quota_;
    Batch last = std::move(held_.batches(from).back());
    held_.batches(from).pop_back();
    std::vector<Leaving> transferable;
    Weight papers = 0;
    for (std::uint32_t p : last.parcels) {
      if (!held_.transferable(p)) continue;
      transferable.push_back({from, p});
      papers += held_.papers(p);
    }
    Votes value = last.value;
    if (surplus < value * papers) {
      value = Votes::from_raw(surplus.raw() / static_cast<std::int64_t>(papers));
    }
    auto moved = held_.move(transferable, value);
    stv::Movement<Votes> sent =
        moved.empty() ? stv::Movement<Votes>{std::vector<Votes>(held_.candidate_count()), {}}
                      : std::move(moved.begin()->second);
    sent.non_transferable = surplus - value * papers;  // 5.3.9: the non-transferable difference
    held_.set_votes(from, quota_);
    sheet_.record(fmt::format("Surplus of {} transferred", outcome_.candidates[from]), held_,
                  stv::transfers_of(from, sent));
    deem_qualified_elected();
  }

  // --- exclusions ---------------------------------------------------------------------

  // 5.2.2 and 5.2.5: as many of the lowest candidates as possible, leaving enough to fill
  // the places, whose votes together with the surpluses not yet transferred do not exceed
  // the vote of the candidate next above. With surpluses pending, none such means the
  // surplus is transferred now (empty result); with none pending the lowest always is.
  std::vector<CandidateId> lowest_to_exclude(std::vector<CandidateId> continuing, Votes pending) {
    auto fewer = [&](CandidateId a, CandidateId b) { return held_.votes(a) < held_.votes(b); };
    std::stable_sort(continuing.begin(), continuing.end(), fewer);
    std::size_t most = continuing.size() - static_cast<std::size_t>(seats_left_);
    std::size_t count = 0;
    Votes together = pending;
    for (std::size_t k = 1; k <= most; ++k) {
      together += held_.votes(continuing[k - 1]);
      if (!(held_.votes(continuing[k]) < together)) count = k;
    }
    if (count == 0) return {};
    // Those below the last one taken go; of those level with it, as many as needed, the
    // fewest votes at earlier points first (5.2.5), then the lot. When the exclusion would
    // leave as many as the places (5.5.1) it makes no stage, and the tie that chose whom
    // it leaves belongs to the stage just recorded.
    Round* where = continuing.size() - count == static_cast<std::size_t>(seats_left_)
                       ? &sheet_.last()
                       : nullptr;
    Votes edge = held_.votes(continuing[count - 1]);
    std::vector<CandidateId> out, level;
    for (CandidateId c : continuing) {
      if (held_.votes(c) < edge) out.push_back(c);
      if (held_.votes(c) == edge) level.push_back(c);
    }
    while (out.size() < count) {
      CandidateId c = level.size() + out.size() <= count
                          ? level.front()
                          : sheet_.break_tie(level, Seek::lowest, "exclusion", where);
      out.push_back(c);
      std::erase(level, c);
    }
    return out;
  }

  // 5.4: the excluded candidates' papers together, batch by batch in descending order of
  // value, each batch a sub-stage after which the quota may fall (5.4.8) and candidates
  // may be deemed elected (5.4.9), who then receive no more (5.4.10).
  void exclude(const std::vector<CandidateId>& continuing, std::vector<CandidateId> group) {
    if (continuing.size() - group.size() == static_cast<std::size_t>(seats_left_)) {
      std::vector<CandidateId> rest;
      for (CandidateId c : continuing) {
        if (std::find(group.begin(), group.end(), c) == group.end()) rest.push_back(c);
      }
      fill_last_places(
          rest,
          fmt::format("excluding {} would leave as many continuing candidates as places (5.5.1)",
                      names_of(group, outcome_.candidates)));
      return;
    }
    std::sort(group.begin(), group.end());
    std::map<Votes, std::vector<Leaving>, std::greater<>> by_value;
    for (CandidateId c : group) {
      held_.set_status(c, Status::excluded);
      for (const Batch& batch : held_.batches(c)) {
        for (std::uint32_t p : batch.parcels) by_value[batch.value].push_back({c, p});
      }
      held_.batches(c).clear();
    }
    std::string names = names_of(group, outcome_.candidates);
    if (by_value.empty()) {
      Round& round = sheet_.record(names + " excluded", held_, {});
      round.excluded = group;
      deem_qualified_elected();
      return;
    }
    std::size_t step = 0;
    for (const auto& [value, papers] : by_value) {
      ++step;
      auto moved = held_.move(papers, value);
      for (const Leaving& paper : papers) {
        held_.set_votes(paper.from, held_.votes(paper.from) - value * held_.papers(paper.parcel));
      }
      std::vector<Transfer> transfers;
      for (const auto& [from, movement] : moved) {
        auto some = stv::transfers_of(from, movement);
        transfers.insert(transfers.end(), some.begin(), some.end());
      }
      std::string title = by_value.size() == 1
                              ? names + " excluded"
                              : fmt::format("{} excluded, sub-stage {} of {}: papers at {}", names,
                                            step, by_value.size(), value.to_string());
      Round& round = sheet_.record(std::move(title), held_, std::move(transfers));
      if (step == 1) round.excluded = group;
      recalculate_quota();
      deem_qualified_elected();
      if (seats_left_ == 0) return;  // 5.5.2
    }
  }

  Outcome& outcome_;
  TiePolicy ties_;
  Holdings held_;
  stv::Sheet<Votes> sheet_;
  Votes quota_{};
  int seats_left_;
};

}  // namespace

// ERS97: Droop's quota to two places rounded up, surpluses from the last batch received,
// deferred while they cannot change who is lowest, exclusion of the lowest together and
// batch by batch, and candidates deemed elected on the total active vote when that is
// below the quota. Nothing here is an option: the rules fix it all.
Outcome count_stv_ers97(const Profile& profile, const CountOptions& options) {
  Outcome outcome = begin_outcome("stv-ers97", profile, options);
  if (outcome.seats < 1) throw UsageError("an STV count needs at least one seat");
  outcome.arithmetic = Votes::describe();
  Profile ballots = strict_ballots(profile, options);
  Ers97Count count(ballots, standing_candidates(profile, options), outcome, options);
  count.run();
  return outcome;
}

}  // namespace veche
