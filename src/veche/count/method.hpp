#pragma once
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/outcome.hpp"
#include "veche/core/profile.hpp"
#include "veche/core/tie_policy.hpp"

namespace veche {

struct HeldPapers;  // count/held_papers.hpp

// Everything a returning officer can set for a count. A method reads what applies to it.
struct CountOptions {
  int seats = 0;  // 0: as the ballot file says
  TiePolicy ties;
  Remedy overvote = Remedy::exhaust;  // for methods that need one candidate per rank
  bool batch_elimination = false;     // IRV: exclude every hopeless candidate at once
  std::vector<CandidateId> withdraw;  // withdrawn on top of those the file withdraws
  std::string quota;                  // stv-wigm: droop, droop-fractional, hare, hare-fractional
  int decimal_places = -1;            // stv-wigm: places of its fixed arithmetic; -1: 5
  bool exact = false;                 // stv-meek: exact rationals instead of 9 places
  HeldPapers* held = nullptr;         // STV: filled with one member's papers, for a countback
};

using CountFunction = std::function<Outcome(const Profile&, const CountOptions&)>;

struct Method {
  std::string_view name;
  std::string_view summary;  // one line, for `veche methods`
  CountFunction count;
};

// Every counting method veche has, in the order `veche methods` lists them.
std::span<const Method> count_methods();
// The method called `name` (aliases included), or nullptr.
const Method* find_count_method(std::string_view name);

// Seats for this count: the option if set, else the file's.
int seats_for(const Profile& profile, const CountOptions& options);

}  // namespace veche
