#pragma once
// How many delegates each council sends up: the organisation's rule, and the table it makes.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/party_votes.hpp"
#include "veche/core/tie_policy.hpp"
#include "veche/council/organisation.hpp"

namespace veche {

// What a council's share of the delegates is proportional to.
enum class DelegationBasis { members, electorate };
// What "one delegate per K members" does with a part of K.
enum class RatioRounding { up, down, nearest };  // nearest: halves up

std::string_view to_string(DelegationBasis basis);
std::string_view to_string(RatioRounding rounding);
std::optional<DelegationBasis> parse_delegation_basis(std::string_view text);
std::optional<RatioRounding> parse_ratio_rounding(std::string_view text);

struct DelegationRule {
  enum class Kind { proportional, ratio };
  Kind kind = Kind::proportional;
  DelegationBasis basis = DelegationBasis::members;
  // proportional: `seats` delegates in all, shared by an apportionment method that
  // find_apportion_method knows (huntington-hill, webster, dhondt, hare, ...).
  std::string method = "huntington-hill";
  int seats = 0;
  // ratio: one delegate per `per` members (or electors), rounded by `rounding`.
  std::uint64_t per = 0;
  RatioRounding rounding = RatioRounding::nearest;
  // Every council sends at least this many, whatever its size.
  int minimum = 1;
  TiePolicy ties;
};

struct DelegationRow {
  CouncilId council = 0;
  std::string name;
  std::uint64_t basis = 0;  // members or electorate, from the register
  int delegates = 0;
  bool raised_to_minimum = false;
};

struct DelegationTable {
  std::string parent;  // the council the delegates go to
  std::string rule;    // the rule in words
  DelegationBasis basis = DelegationBasis::members;
  std::vector<DelegationRow> rows;  // one a child council, register order
  int total = 0;
  std::vector<Apportionment> rounds;  // proportional: the apportionment(s) run
  std::vector<std::string> notes;

  // The delegates `council` may send, or nullopt when it sends none to this parent.
  std::optional<int> delegates_of(std::string_view council) const;
};

// Apportions the delegates `parent`'s children send it. UsageError when the rule cannot be
// met (minimums exceeding the seats, an unknown method, no members at all, ...).
DelegationTable apportion_delegations(const Organisation& organisation, CouncilId parent,
                                      const DelegationRule& rule);

std::string delegation_text(const DelegationTable& table);
nlohmann::ordered_json delegation_json(const DelegationTable& table);

}  // namespace veche
