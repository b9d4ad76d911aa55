#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "veche/core/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"veche: count elections, share seats, keep a public record"};
  app.require_subcommand(1);
  veche::cli::add_count_command(app);
  veche::cli::add_countback_command(app);
  veche::cli::add_apportion_command(app);
  veche::cli::add_methods_command(app);
  veche::cli::add_record_command(app);
  veche::cli::add_verify_command(app);
  veche::cli::add_scenario_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return veche::cli::kBadInput;
  } catch (const veche::InputError& e) {
    std::cerr << e.what() << "\n";
    return veche::cli::kBadInput;
  } catch (const veche::UsageError& e) {
    std::cerr << "veche: " << e.what() << "\n";
    return veche::cli::kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "veche: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
