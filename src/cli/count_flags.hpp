#pragma once
// The flags of a count, shared by every command that counts or records a count (`count`,
// `countback`, `record init`, `record import`), so each option is spelt, checked and
// defaulted in one place. Each command adds --method itself, with its own help.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/tie_flags.hpp"
#include "veche/core/ballot_rules.hpp"
#include "veche/core/outcome.hpp"
#include "veche/core/profile.hpp"
#include "veche/count/method.hpp"

namespace veche::cli {

struct CountFlags {
  std::string method;
  std::string file;             // the ballot file
  std::string format = "text";  // of the printed result: text, json or html
  std::string input_format;
  int seats = 0;
  bool batch_elimination = false;
  std::string quota;
  int decimal_places = -1;
  bool exact = false;
  std::vector<std::string> withdraw;
  std::vector<std::string> candidates;
  // Ballot rules, each a remedy's name; empty: the default of core/ballot_rules.hpp.
  std::string overvote, skipped_rank, repeated, unknown_name;
  TieFlags ties;

  // The ballot file (positional), --format and every option of add_count_flags.
  void add_to(CLI::App& command);
  // The method --method names; UsageError when there is none.
  const Method& counting_method() const;
  BallotRules rules() const;
  // Reads `file` as the flags say (format, candidate list, ballot rules).
  Profile read() const;
  // The options of the count; names are looked up among the profile's candidates.
  CountOptions options(const Profile& profile) const;
  void print(const Outcome& outcome, const Profile& profile) const;
};

// The options of a count, without the ballot file and --format (which a command that does
// not print a count, like `record import`, has no use for): --seats, --input-format,
// --batch-elimination, --quota, --decimal-places, --exact, --candidates, --withdraw, the
// ballot rules (--overvote, --skipped-rank, --repeated, --unknown-name) and the tie flags.
void add_count_flags(CLI::App& command, CountFlags& flags);

}  // namespace veche::cli
