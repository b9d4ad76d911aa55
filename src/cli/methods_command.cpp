#include <fmt/format.h>

#include "cli/commands.hpp"
#include "veche/apportion/method.hpp"
#include "veche/count/method.hpp"

namespace veche::cli {

void add_methods_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("methods", "list every counting and apportionment method");
  cmd->callback([] {
    fmt::print("Counting methods (veche count --method NAME):\n");
    for (const Method& m : count_methods()) fmt::print("  {:<24} {}\n", m.name, m.summary);
    fmt::print("\nApportionment methods (veche apportion --method NAME):\n");
    for (const ApportionMethod& m : apportion_methods()) fmt::print("  {:<24} {}\n", m.name, m.summary);
  });
}

}  // namespace veche::cli
