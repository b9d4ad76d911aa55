#pragma once
// The weighted inclusive Gregory method (WIGM) as the Scottish rules (SSI 2007/42,
// Schedule 1, rules 45–52) set it out: one surplus a stage, largest first, every paper
// of the elected candidate moved at a reduced value; otherwise the lowest candidate is
// excluded with all their papers at their current values. Written once against an
// arithmetic, so the Scottish rule and the plain WIGM options share it.
#include <fmt/format.h>

#include <string_view>

#include "veche/core/error.hpp"
#include "veche/count/held_papers.hpp"
#include "veche/count/stv.hpp"
#include "veche/count/tally.hpp"

namespace veche::stv {

enum class QuotaKind {
  droop,             // floor(valid / (seats + 1)) + 1, reached at ≥ (rule 46)
  droop_fractional,  // valid / (seats + 1) exactly, reached only when exceeded
  hare,              // floor(valid / seats), reached at ≥
  hare_fractional,   // valid / seats exactly, reached at ≥
};

std::string_view to_string(QuotaKind kind);
std::optional<QuotaKind> parse_quota(std::string_view text);

struct GregoryRule {
  std::string_view method;
  QuotaKind quota = QuotaKind::droop;
};

template <Arithmetic N>
N quota_of(QuotaKind kind, Weight valid, int seats) {
  auto v = static_cast<std::int64_t>(valid);
  switch (kind) {
    case QuotaKind::droop:
      return N::whole(v / (seats + 1) + 1);
    case QuotaKind::droop_fractional:
      return N::ratio(v, seats + 1);
    case QuotaKind::hare:
      return N::whole(v / seats);
    case QuotaKind::hare_fractional:
      return N::ratio(v, seats);
  }
  return N::whole(v);
}

template <Arithmetic N>
class InclusiveGregory {
 public:
  InclusiveGregory(const Profile& ballots, const std::vector<bool>& standing, Outcome& outcome,
                   const CountOptions& options, const GregoryRule& rule)
      : rule_(rule),
        outcome_(outcome),
        papers_(ballots, standing),
        sheet_(outcome, options.ties),
        seats_left_(outcome.seats),
        surplus_done_(ballots.candidate_count(), false),
        kept_(options.held) {}

  void run() {
    Weight blank = papers_.first_preferences();
    if (blank > 0) {
      outcome_.notes.push_back(
          fmt::format("{} ballots name no standing candidate and are not counted", blank));
    }
    quota_ = quota_of<N>(rule_.quota, papers_.valid(), outcome_.seats);
    outcome_.quota = quota_.to_string();
    sheet_.record("First preferences", papers_, {});
    elect_reaching_quota();
    while (seats_left_ > 0) {
      std::vector<CandidateId> continuing = papers_.with_status(Status::continuing);
      if (continuing.size() <= static_cast<std::size_t>(seats_left_)) {
        fill_last_vacancies(continuing);
        break;
      }
      std::vector<CandidateId> surpluses = pending_surpluses();
      if (!surpluses.empty()) {
        transfer_surplus(surpluses);
      } else {
        exclude_lowest(continuing);
      }
      elect_reaching_quota();
    }
    kept_.at_end(papers_);
  }

 private:
  bool reaches_quota(const N& votes) const {
    return rule_.quota == QuotaKind::droop_fractional ? quota_ < votes : !(votes < quota_);
  }

  // Elected candidates whose surplus is still to be transferred. Exactly the quota is no
  // surplus, and makes no stage.
  std::vector<CandidateId> pending_surpluses() const {
    std::vector<CandidateId> out;
    for (CandidateId c : papers_.with_status(Status::elected)) {
      if (!surplus_done_[c] && quota_ < papers_.votes(c)) out.push_back(c);
    }
    return out;
  }

  // Rules 48, 49: the largest surplus; each paper's new value is its surplus share,
  // surplus × value / total, in the arithmetic's rounding.
  void transfer_surplus(const std::vector<CandidateId>& surpluses) {
    auto level = level_at_extreme(surpluses, papers_.all_votes(), Seek::highest);
    CandidateId from = sheet_.break_tie(level, Seek::highest, "order of surpluses", nullptr);
    N total = papers_.votes(from);
    N surplus = total - quota_;
    kept_.before_surplus(papers_, from);
    auto moved = papers_.transfer(from, surplus,
                                  [&](const N& value) { return muldiv(surplus, value, total); });
    kept_.after_surplus(papers_, from);
    papers_.set_votes(from, quota_);
    surplus_done_[from] = true;
    sheet_.record(fmt::format("Surplus of {} transferred", outcome_.candidates[from]), papers_,
                  transfers_of(from, moved));
  }

  // Rules 50, 51: the lowest continuing candidate, all papers at their current values.
  void exclude_lowest(const std::vector<CandidateId>& continuing) {
    auto level = level_at_extreme(continuing, papers_.all_votes(), Seek::lowest);
    CandidateId from = sheet_.break_tie(level, Seek::lowest, "exclusion", nullptr);
    papers_.set_status(from, Status::excluded);
    N total = papers_.votes(from);
    auto moved = papers_.transfer(from, total, [](const N& value) { return value; });
    papers_.set_votes(from, N{});
    Round& round = sheet_.record(fmt::format("{} excluded", outcome_.candidates[from]), papers_,
                                 transfers_of(from, moved));
    round.excluded.push_back(from);
  }

  // Rule 47: everyone now at the quota, in order of their votes at this stage.
  void elect_reaching_quota() {
    std::vector<CandidateId> reached;
    for (CandidateId c : papers_.with_status(Status::continuing)) {
      if (reaches_quota(papers_.votes(c))) reached.push_back(c);
    }
    elect_in_order(std::move(reached));
  }

  // Rule 52: as many continuing candidates as vacancies; all are deemed elected.
  void fill_last_vacancies(std::vector<CandidateId> continuing) {
    if (continuing.empty()) return;
    std::string names;
    for (CandidateId c : continuing) names += (names.empty() ? "" : ", ") + outcome_.candidates[c];
    outcome_.notes.push_back(fmt::format(
        "stage {}: {} deemed elected, continuing candidates being as many as the vacancies left",
        sheet_.stages(), names));
    elect_in_order(std::move(continuing));
  }

  // Highest first; equal votes by the latest earlier stage where they differed.
  void elect_in_order(std::vector<CandidateId> group) {
    while (!group.empty() && seats_left_ > 0) {
      auto level = level_at_extreme(group, papers_.all_votes(), Seek::highest);
      CandidateId c = sheet_.break_tie(level, Seek::highest, "order of election", &sheet_.last());
      std::erase(group, c);
      papers_.set_status(c, Status::elected);
      sheet_.last().elected.push_back(c);
      outcome_.elected.push_back(c);
      --seats_left_;
    }
  }

  const GregoryRule& rule_;
  Outcome& outcome_;
  Papers<N> papers_;
  Sheet<N> sheet_;
  N quota_{};
  int seats_left_;
  std::vector<bool> surplus_done_;
  MemberPapers<N> kept_;  // for a countback, when asked
};

template <Arithmetic N>
Outcome count_inclusive_gregory(const Profile& profile, const CountOptions& options,
                                const GregoryRule& rule) {
  Outcome outcome = begin_outcome(rule.method, profile, options);
  if (outcome.seats < 1) throw UsageError("an STV count needs at least one seat");
  outcome.arithmetic = N::describe();
  Profile ballots = strict_ballots(profile, options);
  InclusiveGregory<N> count(ballots, standing_candidates(profile, options), outcome, options, rule);
  count.run();
  return outcome;
}

}  // namespace veche::stv
