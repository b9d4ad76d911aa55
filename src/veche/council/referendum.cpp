#include "veche/council/referendum.hpp"

#include <fmt/format.h>

#include "veche/council/refusal.hpp"

namespace veche {

namespace {

bool quorum_met(const ReferendumResult& r, const ReferendumRules& rules) {
  std::uint64_t cast = r.yes + r.no + r.blank;
  switch (rules.quorum) {
    case ReferendumQuorum::none:
      return true;
    case ReferendumQuorum::turnout:
      return r.electorate > 0 && reaches(cast, r.electorate, rules.quorum_share);
    case ReferendumQuorum::approval:
      return r.electorate > 0 && reaches(r.yes, r.electorate, rules.quorum_share);
  }
  return false;
}

bool voters_majority(const ReferendumResult& r, ReferendumMajority majority) {
  std::uint64_t cast = r.yes + r.no + r.blank;
  switch (majority) {
    case ReferendumMajority::simple:
    case ReferendumMajority::double_majority:
      return carried(Majority::simple, r.yes, r.no, cast);
    case ReferendumMajority::absolute:
      return carried(Majority::absolute, r.yes, r.no, cast);
    case ReferendumMajority::two_thirds:
      return carried(Majority::two_thirds, r.yes, r.no, cast);
  }
  return false;
}

std::string reason_for(const ReferendumResult& r, const ReferendumRules& rules) {
  if (!r.quorum_met) {
    return fmt::format("not carried: the {} quorum of {} was not met", to_string(rules.quorum),
                       to_string(rules.quorum_share));
  }
  if (!r.voters_majority) {
    return fmt::format("not carried: {} yes, {} no falls short of a {} majority", r.yes, r.no,
                       to_string(rules.majority));
  }
  if (!r.councils_majority) {
    return fmt::format("not carried: yes won in {} of {} constituencies, not more than half",
                       r.councils_yes, r.councils);
  }
  return fmt::format("carried: {} yes, {} no, {} blank", r.yes, r.no, r.blank);
}

}  // namespace

std::string_view to_string(ReferendumQuorum quorum) {
  switch (quorum) {
    case ReferendumQuorum::none:
      return "none";
    case ReferendumQuorum::turnout:
      return "turnout";
    case ReferendumQuorum::approval:
      return "approval";
  }
  return "?";
}

std::string_view to_string(ReferendumMajority majority) {
  switch (majority) {
    case ReferendumMajority::simple:
      return "simple";
    case ReferendumMajority::absolute:
      return "absolute";
    case ReferendumMajority::two_thirds:
      return "two-thirds";
    case ReferendumMajority::double_majority:
      return "double";
  }
  return "?";
}

std::optional<ReferendumQuorum> parse_referendum_quorum(std::string_view text) {
  for (auto q : {ReferendumQuorum::none, ReferendumQuorum::turnout, ReferendumQuorum::approval}) {
    if (to_string(q) == text) return q;
  }
  return std::nullopt;
}

std::optional<ReferendumMajority> parse_referendum_majority(std::string_view text) {
  for (auto m : {ReferendumMajority::simple, ReferendumMajority::absolute,
                 ReferendumMajority::two_thirds, ReferendumMajority::double_majority}) {
    if (to_string(m) == text) return m;
  }
  return std::nullopt;
}

bool initiative_triggered(const Petition& initiative, const Organisation& organisation,
                          const ReferendumRules& rules) {
  return initiative.reaches(organisation, rules.initiative);
}

ReferendumResult decide_referendum(std::string question, std::span<const ConstituencyCount> counts,
                                   const ReferendumRules& rules) {
  if (question.empty()) throw Refusal(Refused::no_question, "", "a referendum needs a question");
  if (counts.empty())
    throw Refusal(Refused::no_question, question, "a referendum needs at least one constituency");
  ReferendumResult r;
  r.question = std::move(question);
  for (const ConstituencyCount& c : counts) {
    r.electorate += c.electorate;
    r.yes += c.yes;
    r.no += c.no;
    r.blank += c.blank;
    if (c.yes > c.no) ++r.councils_yes;
  }
  r.councils = counts.size();
  r.quorum_met = quorum_met(r, rules);
  r.voters_majority = voters_majority(r, rules.majority);
  if (rules.majority == ReferendumMajority::double_majority)
    r.councils_majority = 2 * r.councils_yes > r.councils;
  r.carried = r.quorum_met && r.voters_majority && r.councils_majority;
  r.reason = reason_for(r, rules);
  return r;
}

nlohmann::ordered_json referendum_json(const ReferendumResult& r) {
  return {{"question", r.question},
          {"electorate", r.electorate},
          {"yes", r.yes},
          {"no", r.no},
          {"blank", r.blank},
          {"quorum_met", r.quorum_met},
          {"councils_yes", r.councils_yes},
          {"councils", r.councils},
          {"carried", r.carried},
          {"reason", r.reason}};
}

}  // namespace veche
