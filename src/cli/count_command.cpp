#include <memory>

#include "cli/commands.hpp"
#include "cli/count_flags.hpp"

namespace veche::cli {

namespace {

void run_count(const CountFlags& f) {
  const Method& method = f.counting_method();
  Profile profile = f.read();
  CountOptions options = f.options(profile);
  f.print(method.count(profile, options), profile);
}

}  // namespace

void add_count_command(CLI::App& app) {
  auto flags = std::make_shared<CountFlags>();
  CLI::App* cmd = app.add_subcommand("count", "count a ballot file by a method");
  cmd->add_option("--method,-m", flags->method, "counting method (see `veche methods`)")
      ->required();
  flags->add_to(*cmd);
  cmd->callback([flags] { run_count(*flags); });
}

}  // namespace veche::cli
