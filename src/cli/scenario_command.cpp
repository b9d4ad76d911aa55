#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/report_checks.hpp"
#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"

namespace veche::cli {

namespace {

struct ScenarioFlags {
  std::string file, out, format = "text";
  std::string folder;  // verify
};

void run_scenario(const ScenarioFlags& f) {
  Scenario scenario = read_scenario(f.file);
  nlohmann::ordered_json summary = play_scenario(scenario, std::filesystem::path(f.out));
  if (f.format == "json") {
    std::cout << summary.dump(1) << "\n";
  } else {
    std::cout << scenario_text(summary)
              << fmt::format("Records, mandates and the event log are in {}/\n", f.out);
  }
}

void run_verify(const ScenarioFlags& f) {
  report_checks(verify_scenario_output(f.folder));
}

}  // namespace

void add_scenario_command(CLI::App& app) {
  auto f = std::make_shared<ScenarioFlags>();
  CLI::App* cmd =
      app.add_subcommand("scenario", "play a federation from a scenario file (docs/scenarios.md)");
  cmd->require_subcommand(1);
  CLI::App* run = cmd->add_subcommand(
      "run", "play it: elections with records, credentials, recalls, executive");
  run->add_option("file", f->file, "the scenario, TOML")->required();
  run->add_option("--out", f->out, "a new folder for the records, mandates and event log")
      ->required();
  run->add_option("--format", f->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  run->callback([f] { run_scenario(*f); });
  CLI::App* verify = cmd->add_subcommand(
      "verify", "check a played scenario's folder: event log, records, mandates");
  verify->add_option("folder", f->folder, "the folder `scenario run` wrote")->required();
  verify->callback([f] { run_verify(*f); });
}

}  // namespace veche::cli
