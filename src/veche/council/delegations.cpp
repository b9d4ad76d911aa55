#include "veche/council/delegations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "veche/apportion/method.hpp"
#include "veche/core/error.hpp"
#include "veche/report/report.hpp"
#include "veche/report/text_table.hpp"

namespace veche {

namespace {

std::vector<DelegationRow> rows_for(const Organisation& o, CouncilId parent,
                                    DelegationBasis basis) {
  RegisterCounts counts = register_counts(o);
  const auto& figures = basis == DelegationBasis::members ? counts.members : counts.electorate;
  std::vector<DelegationRow> rows;
  for (CouncilId child : o.children(parent)) {
    rows.push_back({child, o.council(child).name, figures[child], 0, false});
  }
  if (rows.empty()) {
    throw UsageError(fmt::format("council {} has no councils below it to send delegates",
                                 o.council(parent).name));
  }
  return rows;
}

std::uint64_t rounded_ratio(std::uint64_t basis, std::uint64_t per, RatioRounding rounding) {
  switch (rounding) {
    case RatioRounding::down:
      return basis / per;
    case RatioRounding::up:
      return basis / per + (basis % per != 0 ? 1 : 0);
    case RatioRounding::nearest:
      return basis / per + (2 * (basis % per) >= per ? 1 : 0);
  }
  return 0;
}

void apportion_by_ratio(DelegationTable& table, const DelegationRule& rule) {
  if (rule.per == 0) throw UsageError("a ratio rule needs one delegate per at least 1 member");
  for (DelegationRow& row : table.rows) {
    std::uint64_t share = rounded_ratio(row.basis, rule.per, rule.rounding);
    row.raised_to_minimum = share < static_cast<std::uint64_t>(rule.minimum);
    row.delegates = row.raised_to_minimum ? rule.minimum : static_cast<int>(share);
  }
}

PartyVotes pool_votes(const DelegationTable& table, const std::vector<std::size_t>& pool,
                      DelegationBasis basis) {
  PartyVotes votes;
  votes.name_column = "council";
  votes.votes_column = std::string(to_string(basis));
  for (std::size_t r : pool) {
    votes.parties.push_back(table.rows[r].name);
    votes.votes.push_back(table.rows[r].basis);
  }
  return votes;
}

// Minimums by "fix and re-apportion": the method shares the seats among all councils;
// any council it leaves below the minimum is given the minimum and set aside, and the
// seats still free are shared again among the rest, until no one is below. Councils above
// the minimum thus share what is left exactly as the method would share it among them.
// (Handing each council its minimum first and apportioning only the remainder would give
// Huntington–Hill's seat by right on top of the minimum: two seats where one was meant.)
void apportion_proportionally(DelegationTable& table, const DelegationRule& rule) {
  const ApportionMethod* method = find_apportion_method(rule.method);
  if (!method) throw UsageError(fmt::format("no apportionment method called {}", rule.method));
  const auto councils = static_cast<int>(table.rows.size());
  if (rule.seats < rule.minimum * councils) {
    throw UsageError(
        fmt::format("{} councils with at least {} delegates each need {} seats, not {}", councils,
                    rule.minimum, rule.minimum * councils, rule.seats));
  }
  bool anyone = std::any_of(table.rows.begin(), table.rows.end(),
                            [](const DelegationRow& r) { return r.basis > 0; });
  if (!anyone)
    throw UsageError(
        fmt::format("no council below {} has any {}", table.parent, to_string(rule.basis)));
  // Each round sets aside councils at their minimum, so seats_left stays at least the
  // minimum times the councils still in the pool, and the loop ends within one round a council.
  std::vector<std::size_t> pool(table.rows.size());
  std::iota(pool.begin(), pool.end(), std::size_t{0});
  int seats_left = rule.seats;
  while (seats_left > 0 && !pool.empty()) {
    ApportionOptions options{seats_left, {}, rule.ties};
    Apportionment a = method->apportion(pool_votes(table, pool, rule.basis), options);
    std::vector<std::size_t> still;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      DelegationRow& row = table.rows[pool[i]];
      row.delegates = a.result[i];
      if (a.result[i] < rule.minimum) {
        row.delegates = rule.minimum;
        row.raised_to_minimum = true;
        seats_left -= rule.minimum;
      } else {
        still.push_back(pool[i]);
      }
    }
    table.rounds.push_back(std::move(a));
    if (still.size() == pool.size()) break;
    pool = std::move(still);
  }
  if (table.rounds.size() > 1) {
    table.notes.push_back(
        fmt::format("{} councils raised to the minimum of {}; the other seats shared again",
                    std::count_if(table.rows.begin(), table.rows.end(),
                                  [](const DelegationRow& r) { return r.raised_to_minimum; }),
                    rule.minimum));
  }
}

std::string rule_text(const DelegationRule& rule) {
  if (rule.kind == DelegationRule::Kind::ratio) {
    return fmt::format("one delegate per {} {}, rounded {}, at least {} a council", rule.per,
                       to_string(rule.basis), to_string(rule.rounding), rule.minimum);
  }
  return fmt::format("{} delegates by {} in proportion to {}, at least {} a council", rule.seats,
                     rule.method, to_string(rule.basis), rule.minimum);
}

}  // namespace

std::string_view to_string(DelegationBasis basis) {
  return basis == DelegationBasis::members ? "members" : "electorate";
}

std::string_view to_string(RatioRounding rounding) {
  switch (rounding) {
    case RatioRounding::up:
      return "up";
    case RatioRounding::down:
      return "down";
    case RatioRounding::nearest:
      return "nearest";
  }
  return "?";
}

std::optional<DelegationBasis> parse_delegation_basis(std::string_view text) {
  if (text == "members") return DelegationBasis::members;
  if (text == "electorate") return DelegationBasis::electorate;
  return std::nullopt;
}

std::optional<RatioRounding> parse_ratio_rounding(std::string_view text) {
  for (RatioRounding r : {RatioRounding::up, RatioRounding::down, RatioRounding::nearest}) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

std::optional<int> DelegationTable::delegates_of(std::string_view council) const {
  for (const DelegationRow& row : rows) {
    if (row.name == council) return row.delegates;
  }
  return std::nullopt;
}

DelegationTable apportion_delegations(const Organisation& organisation, CouncilId parent,
                                      const DelegationRule& rule) {
  if (rule.minimum < 0) throw UsageError("the minimum delegation cannot be negative");
  DelegationTable table;
  table.parent = organisation.council(parent).name;
  table.rule = rule_text(rule);
  table.basis = rule.basis;
  table.rows = rows_for(organisation, parent, rule.basis);
  if (rule.kind == DelegationRule::Kind::ratio) {
    apportion_by_ratio(table, rule);
  } else {
    apportion_proportionally(table, rule);
  }
  for (const DelegationRow& row : table.rows) table.total += row.delegates;
  return table;
}

std::string delegation_text(const DelegationTable& table) {
  std::string out = fmt::format("Delegations to {}: {}\n\n", table.parent, table.rule);
  std::string basis_heading = table.basis == DelegationBasis::members ? "Members" : "Electorate";
  TextTable text;
  text.add_row({"Council", basis_heading, "Delegates", ""});
  std::uint64_t total_basis = 0;
  for (const DelegationRow& row : table.rows) {
    text.add_row({row.name, std::to_string(row.basis), std::to_string(row.delegates),
                  row.raised_to_minimum ? "minimum" : ""});
    total_basis += row.basis;
  }
  text.add_row({"Total", std::to_string(total_basis), std::to_string(table.total), ""});
  out += text.render();
  for (const Apportionment& a : table.rounds) {
    for (const Tie& tie : a.ties) {
      out += fmt::format("Tie for {}: {} chosen by {}\n", tie.purpose, a.parties[tie.chosen],
                         tie.resolved_by);
    }
  }
  for (const std::string& note : table.notes) out += "Note: " + note + "\n";
  return out;
}

nlohmann::ordered_json delegation_json(const DelegationTable& table) {
  nlohmann::ordered_json json;
  json["parent"] = table.parent;
  json["rule"] = table.rule;
  json["councils"] = nlohmann::ordered_json::array();
  for (const DelegationRow& row : table.rows) {
    json["councils"].push_back({{"council", row.name},
                                {"basis", row.basis},
                                {"delegates", row.delegates},
                                {"minimum", row.raised_to_minimum}});
  }
  json["total"] = table.total;
  json["apportionments"] = nlohmann::ordered_json::array();
  for (const Apportionment& a : table.rounds)
    json["apportionments"].push_back(apportionment_json(a));
  json["notes"] = table.notes;
  return json;
}

}  // namespace veche
