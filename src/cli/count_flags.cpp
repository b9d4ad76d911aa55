#include "cli/count_flags.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/names.hpp"
#include "veche/core/error.hpp"
#include "veche/io/read.hpp"
#include "veche/report/report.hpp"

namespace veche::cli {

namespace {

Remedy remedy_flag(const std::string& text, Remedy fallback) {
  if (text.empty()) return fallback;
  return *parse_remedy(text);
}

}  // namespace

void add_count_flags(CLI::App& cmd, CountFlags& f) {
  cmd.add_option("--seats,-s", f.seats, "seats to fill (default: as the file says)")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--input-format", f.input_format, "force the ballot format");
  cmd.add_flag("--batch-elimination", f.batch_elimination,
               "IRV: exclude at once every candidate who cannot catch up");
  cmd.add_option("--quota", f.quota, "stv-wigm: droop, droop-fractional, hare, hare-fractional")
      ->check(CLI::IsMember({"droop", "droop-fractional", "hare", "hare-fractional"}));
  cmd.add_option("--decimal-places", f.decimal_places, "stv-wigm: places of its fixed arithmetic")
      ->check(CLI::Range(0, 9));
  cmd.add_flag("--exact,--meek-exact", f.exact,
               "stv-wigm, stv-meek: exact rationals, for auditors (slow on large counts)");
  cmd.add_option("--candidates,-c", f.candidates,
                 "the candidate list, for a CSV with one column a rank; other names follow "
                 "--unknown-name")
      ->delimiter(',');
  cmd.add_option("--withdraw", f.withdraw, "candidate withdrawn before the count")->delimiter(',');
  auto remedies = CLI::IsMember({"exhaust", "skip", "reject", "error"});
  cmd.add_option("--overvote", f.overvote, "two candidates at one rank (default exhaust)")
      ->check(remedies);
  cmd.add_option("--skipped-rank", f.skipped_rank, "an empty rank (default skip)")->check(remedies);
  cmd.add_option("--repeated", f.repeated, "a candidate ranked twice (default skip)")
      ->check(remedies);
  cmd.add_option("--unknown-name", f.unknown_name, "a name not on the list (default error)")
      ->check(remedies);
  f.ties.add_to(cmd);
}

void CountFlags::add_to(CLI::App& cmd) {
  cmd.add_option("file", file, "ballot file (BLT, PrefLib, CSV)")->required();
  cmd.add_option("--format,-f", format, "text, json or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  add_count_flags(cmd, *this);
}

const Method& CountFlags::counting_method() const {
  const Method* found = find_count_method(method);
  if (!found) {
    throw UsageError(fmt::format("unknown method \"{}\"; `veche methods` lists them", method));
  }
  return *found;
}

BallotRules CountFlags::rules() const {
  BallotRules out;
  out.overvote = remedy_flag(overvote, out.overvote);
  out.skipped_rank = remedy_flag(skipped_rank, out.skipped_rank);
  out.repeated = remedy_flag(repeated, out.repeated);
  out.unknown_name = remedy_flag(unknown_name, out.unknown_name);
  return out;
}

Profile CountFlags::read() const {
  return candidates.empty() ? read_ballots(file, input_format, rules())
                            : read_ballots(file, input_format, rules(), candidates);
}

CountOptions CountFlags::options(const Profile& profile) const {
  CountOptions out;
  out.seats = seats;
  out.batch_elimination = batch_elimination;
  out.quota = quota;
  out.decimal_places = decimal_places;
  out.exact = exact;
  out.overvote = rules().overvote;
  out.withdraw = ids_of(withdraw, profile.candidates, "--withdraw");
  out.ties = ties.policy(profile.candidates);
  return out;
}

void CountFlags::print(const Outcome& outcome, const Profile& profile) const {
  if (format == "json") {
    std::cout << outcome_json(outcome).dump(1) << "\n";
  } else if (format == "html") {
    std::cout << outcome_html(outcome, profile.title);
  } else {
    if (!profile.title.empty()) std::cout << profile.title << "\n";
    std::cout << outcome_text(outcome);
  }
}

}  // namespace veche::cli
