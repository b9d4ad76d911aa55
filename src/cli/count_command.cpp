#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/names.hpp"
#include "cli/tie_flags.hpp"
#include "veche/core/error.hpp"
#include "veche/count/method.hpp"
#include "veche/io/read.hpp"
#include "veche/report/report.hpp"

namespace veche::cli {

namespace {

struct CountFlags {
  std::string method;
  std::string file;
  std::string format = "text";
  std::string input_format;
  int seats = 0;
  bool batch_elimination = false;
  std::string quota;
  int decimal_places = -1;
  bool exact = false;
  std::vector<std::string> withdraw;
  std::vector<std::string> candidates;
  std::string overvote, skipped_rank, repeated, unknown_name;
  TieFlags ties;
};

Remedy remedy_flag(const std::string& text, Remedy fallback) {
  if (text.empty()) return fallback;
  return *parse_remedy(text);
}

void run_count(const CountFlags& f) {
  const Method* method = find_count_method(f.method);
  if (!method)
    throw UsageError(fmt::format("unknown method \"{}\"; `veche methods` lists them", f.method));
  BallotRules rules;
  rules.skipped_rank = remedy_flag(f.skipped_rank, rules.skipped_rank);
  rules.repeated = remedy_flag(f.repeated, rules.repeated);
  rules.unknown_name = remedy_flag(f.unknown_name, rules.unknown_name);
  Profile profile = f.candidates.empty()
                        ? read_ballots(f.file, f.input_format, rules)
                        : read_ballots(f.file, f.input_format, rules, f.candidates);

  CountOptions options;
  options.seats = f.seats;
  options.batch_elimination = f.batch_elimination;
  options.quota = f.quota;
  options.decimal_places = f.decimal_places;
  options.exact = f.exact;
  options.overvote = remedy_flag(f.overvote, options.overvote);
  options.withdraw = ids_of(f.withdraw, profile.candidates, "--withdraw");
  options.ties = f.ties.policy(profile.candidates);
  Outcome outcome = method->count(profile, options);
  if (f.format == "json") {
    std::cout << outcome_json(outcome).dump(1) << "\n";
  } else if (f.format == "html") {
    std::cout << outcome_html(outcome, profile.title);
  } else {
    if (!profile.title.empty()) std::cout << profile.title << "\n";
    std::cout << outcome_text(outcome);
  }
}

}  // namespace

void add_count_command(CLI::App& app) {
  auto flags = std::make_shared<CountFlags>();
  CLI::App* cmd = app.add_subcommand("count", "count a ballot file by a method");
  cmd->add_option("--method,-m", flags->method, "counting method (see `veche methods`)")
      ->required();
  cmd->add_option("file", flags->file, "ballot file (BLT, PrefLib, CSV)")->required();
  cmd->add_option("--seats,-s", flags->seats, "seats to fill (default: as the file says)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--format,-f", flags->format, "text, json or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  cmd->add_option("--input-format", flags->input_format, "force the ballot format");
  cmd->add_flag("--batch-elimination", flags->batch_elimination,
                "IRV: exclude at once every candidate who cannot catch up");
  cmd->add_option("--quota", flags->quota,
                  "stv-wigm: droop, droop-fractional, hare, hare-fractional")
      ->check(CLI::IsMember({"droop", "droop-fractional", "hare", "hare-fractional"}));
  cmd->add_option("--decimal-places", flags->decimal_places,
                  "stv-wigm: places of its fixed arithmetic")
      ->check(CLI::Range(0, 9));
  cmd->add_flag("--exact,--meek-exact", flags->exact,
                "stv-wigm, stv-meek: exact rationals, for auditors (slow on large counts)");
  cmd->add_option("--candidates", flags->candidates,
                  "the candidate list, for a CSV with one column a rank; other names follow "
                  "--unknown-name")
      ->delimiter(',');
  cmd->add_option("--withdraw", flags->withdraw, "candidate withdrawn before the count")
      ->delimiter(',');
  auto remedies = CLI::IsMember({"exhaust", "skip", "reject", "error"});
  cmd->add_option("--overvote", flags->overvote, "two candidates at one rank (default exhaust)")
      ->check(remedies);
  cmd->add_option("--skipped-rank", flags->skipped_rank, "an empty rank (default skip)")
      ->check(remedies);
  cmd->add_option("--repeated", flags->repeated, "a candidate ranked twice (default skip)")
      ->check(remedies);
  cmd->add_option("--unknown-name", flags->unknown_name, "a name not on the list (default error)")
      ->check(remedies);
  flags->ties.add_to(*cmd);
  cmd->callback([flags] { run_count(*flags); });
}

}  // namespace veche::cli
