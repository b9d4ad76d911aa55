#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/report_checks.hpp"
#include "veche/core/error.hpp"
#include "veche/ledger/record.hpp"

namespace veche::cli {

namespace {

struct VerifyFlags {
  std::string record = ".";
  std::string receipt, from, to;
};

// A receipt or head given as a file, or as the JSON text itself.
nlohmann::json json_argument(const std::string& value, const char* flag) {
  std::string text = value;
  std::error_code not_a_file;
  if (std::filesystem::is_regular_file(value, not_a_file)) {
    std::ifstream in(value);
    std::stringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) throw UsageError(fmt::format("{}: neither a JSON file nor JSON", flag));
  return json;
}

template <class T, class Read>
T parsed(const std::string& value, const char* flag, Read read) {
  try {
    return read(json_argument(value, flag));
  } catch (const std::invalid_argument& e) {
    throw UsageError(fmt::format("{}: {}", flag, e.what()));
  }
}

void run_verify(const VerifyFlags& f) {
  std::vector<Check> checks;
  if (!f.receipt.empty()) {
    checks = verify_receipt(f.record, parsed<Receipt>(f.receipt, "--receipt", receipt_from_json));
  } else if (!f.from.empty() || !f.to.empty()) {
    if (f.from.empty() || f.to.empty()) throw UsageError("--from and --to go together");
    checks = verify_growth(f.record, parsed<TreeHead>(f.from, "--from", head_from_json),
                           parsed<TreeHead>(f.to, "--to", head_from_json));
  } else {
    checks = verify_record(f.record);
  }
  report_checks(checks);
}

}  // namespace

void add_verify_command(CLI::App& app) {
  auto f = std::make_shared<VerifyFlags>();
  CLI::App* cmd =
      app.add_subcommand("verify", "check a record: signatures, trees, turnout, recount");
  cmd->add_option("record", f->record, "the record's folder")->capture_default_str();
  cmd->add_option("--receipt", f->receipt, "prove this receipt's ballot is in the final tree");
  cmd->add_option("--from", f->from,
                  "a saved head (file or JSON): prove the log only grew from it");
  cmd->add_option("--to", f->to, "the later saved head");
  cmd->callback([f] { run_verify(*f); });
}

}  // namespace veche::cli
