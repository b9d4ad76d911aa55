#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/names.hpp"
#include "cli/tie_flags.hpp"
#include "veche/apportion/method.hpp"
#include "veche/core/error.hpp"
#include "veche/io/read.hpp"
#include "veche/report/report.hpp"

namespace veche::cli {

namespace {

struct ApportionFlags {
  std::string method;
  std::string file;
  std::string format = "text";
  int seats = 0;
  std::string threshold;
  std::vector<std::string> exempt;
  int seats_elsewhere = 0;
  std::string seats_won;
  TieFlags ties;
};

// The parties' seats won elsewhere (constituencies, say), from a `party,seats` CSV; a party
// the file leaves out won none. Every name must be one the votes file has.
std::vector<int> seats_won_elsewhere(const std::string& path,
                                     const std::vector<std::string>& parties) {
  PartyVotes won = read_party_votes(path);
  std::vector<int> seats(parties.size(), 0);
  std::vector<CandidateId> ids = ids_of(won.parties, parties, "--seats-won");
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (won.votes[k] > 1'000'000) {
      throw InputError(path, 0, won.parties[k],
                       fmt::format("{} seats is more than any house has", won.votes[k]));
    }
    seats[ids[k]] = static_cast<int>(won.votes[k]);
  }
  return seats;
}

void run_apportion(const ApportionFlags& f) {
  const ApportionMethod* method = find_apportion_method(f.method);
  if (!method)
    throw UsageError(fmt::format("unknown method \"{}\"; `veche methods` lists them", f.method));
  PartyVotes votes = read_party_votes(f.file);
  ApportionOptions options;
  options.seats = f.seats;
  if (!f.threshold.empty()) options.threshold.share = f.threshold;
  options.threshold.exempt = ids_of(f.exempt, votes.parties, "--exempt");
  if (f.seats_elsewhere > 0) {
    if (f.seats_won.empty())
      throw UsageError("--seats-elsewhere needs --seats-won FILE (party,seats)");
    options.threshold.seats_elsewhere = f.seats_elsewhere;
    options.threshold.seats_won_elsewhere = seats_won_elsewhere(f.seats_won, votes.parties);
  } else if (!f.seats_won.empty()) {
    throw UsageError("--seats-won needs --seats-elsewhere N, the seats that qualify a party");
  }
  options.ties = f.ties.policy(votes.parties);
  Apportionment result = method->apportion(votes, options);
  if (f.format == "json") {
    std::cout << apportionment_json(result).dump(1) << "\n";
  } else {
    std::cout << apportionment_text(result);
  }
}

}  // namespace

void add_apportion_command(CLI::App& app) {
  auto flags = std::make_shared<ApportionFlags>();
  CLI::App* cmd = app.add_subcommand("apportion", "share seats among parties (or states)");
  cmd->add_option("--method,-m", flags->method, "apportionment method (see `veche methods`)")
      ->required();
  cmd->add_option("file", flags->file, "CSV: a header row, then name,votes")->required();
  cmd->add_option("--seats,-s", flags->seats, "seats to share")
      ->required()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--format,-f", flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--threshold", flags->threshold, "least share of the vote, e.g. 5% or 0.05");
  cmd->add_option("--exempt", flags->exempt, "party exempt from the threshold")->delimiter(',');
  cmd->add_option("--seats-elsewhere", flags->seats_elsewhere,
                  "seats won elsewhere that also qualify a party, e.g. 3 constituencies")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seats-won", flags->seats_won,
                  "CSV: a header row, then party,seats won elsewhere");
  flags->ties.add_to(*cmd);
  cmd->callback([flags] { run_apportion(*flags); });
}

}  // namespace veche::cli
