#pragma once
#include <CLI/CLI.hpp>

namespace veche::cli {

// Each sub-command adds its flags to the app; its callback calls the library and prints.
void add_count_command(CLI::App& app);
void add_countback_command(CLI::App& app);
void add_apportion_command(CLI::App& app);
void add_methods_command(CLI::App& app);
void add_record_command(CLI::App& app);
void add_verify_command(CLI::App& app);
void add_scenario_command(CLI::App& app);

// Exit codes the CLI promises: 0 done, 2 bad input or bad request, 1 anything else.
inline constexpr int kBadInput = 2;

}  // namespace veche::cli
