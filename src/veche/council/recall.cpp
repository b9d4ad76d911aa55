#include "veche/council/recall.hpp"

#include <fmt/format.h>

#include "veche/apportion/method.hpp"
#include "veche/core/error.hpp"
#include "veche/count/method.hpp"

namespace veche {

bool recall_triggered(const Petition& petition, const Organisation& organisation,
                      const RecallRules& rules) {
  return petition.reaches(organisation, rules.petition);
}

RecallResult decide_recall(const RecallBallots& b, const RecallRules& rules) {
  RecallResult result;
  std::uint64_t cast = b.recall + b.keep + b.blank;
  result.turnout_met = b.electorate > 0 && reaches(cast, b.electorate, rules.turnout);
  if (!result.turnout_met) {
    result.reason = fmt::format("{} of {} voted; the turnout required is {}", cast, b.electorate,
                                to_string(rules.turnout));
    return result;
  }
  result.recalled = carried(rules.majority, b.recall, b.keep, cast);
  result.reason = fmt::format("{} for recall, {} against, {} blank: {} by a {} majority", b.recall,
                              b.keep, b.blank, result.recalled ? "recalled" : "not recalled",
                              to_string(rules.majority));
  return result;
}

std::string_view to_string(RefillRule rule) {
  switch (rule) {
    case RefillRule::next_on_list:
      return "next on the list";
    case RefillRule::stv_countback:
      return "STV countback";
    case RefillRule::by_election:
      return "by-election";
  }
  return "?";
}

RefillRule refill_rule_for(std::string_view method) {
  if (find_apportion_method(method)) return RefillRule::next_on_list;
  const Method* count = find_count_method(method);
  if (!count)
    throw UsageError(
        fmt::format("no method called {}: cannot tell how its seats are refilled", method));
  return count->name.starts_with("stv") ? RefillRule::stv_countback : RefillRule::by_election;
}

std::optional<std::string> next_on_list(const std::vector<std::string>& list,
                                        const std::set<std::string>& seated,
                                        const std::set<std::string>& unavailable) {
  for (const std::string& candidate : list) {
    if (!seated.contains(candidate) && !unavailable.contains(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace veche
