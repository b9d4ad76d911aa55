#include <memory>

#include "cli/commands.hpp"
#include "cli/count_flags.hpp"
#include "cli/names.hpp"
#include "veche/count/countback.hpp"

namespace veche::cli {

namespace {

struct CountbackFlags {
  CountFlags count;
  std::string vacating;
  std::vector<std::string> standing, not_standing;
};

void run_countback(const CountbackFlags& f) {
  const Method& method = f.count.counting_method();
  Profile profile = f.count.read();
  CountOptions options = f.count.options(profile);
  Vacancy vacancy;
  vacancy.vacating = ids_of({f.vacating}, profile.candidates, "--vacating").front();
  vacancy.standing = ids_of(f.standing, profile.candidates, "--standing");
  vacancy.not_standing = ids_of(f.not_standing, profile.candidates, "--not-standing");
  f.count.print(count_back(method, profile, options, vacancy), profile);
}

}  // namespace

void add_countback_command(CLI::App& app) {
  auto flags = std::make_shared<CountbackFlags>();
  CLI::App* cmd = app.add_subcommand(
      "countback", "fill a vacated seat from the papers that elected its member (Hare-Clark)");
  cmd->add_option("--method,-m", flags->count.method,
                  "the STV method the seat was won by (stv-scottish, stv-wigm, stv-meek, ...)")
      ->required();
  cmd->add_option("--vacating", flags->vacating, "the member whose seat is vacant")->required();
  cmd->add_option("--standing", flags->standing,
                  "the candidates who consent to stand (default: every one not elected)")
      ->delimiter(',');
  cmd->add_option("--not-standing", flags->not_standing, "candidates who do not stand")
      ->delimiter(',');
  flags->count.add_to(*cmd);
  cmd->callback([flags] { run_countback(*flags); });
}

}  // namespace veche::cli
