#include <fmt/format.h>

#include <fstream>

#include "veche/council/election.hpp"
#include "veche/council/event_log.hpp"
#include "veche/council/mandate.hpp"
#include "veche/council/scenario.hpp"

namespace veche {

namespace {

// Every election record in the folder: each sub-folder holding a manifest.json, by name.
std::vector<fs::path> record_folders(const fs::path& out) {
  std::vector<fs::path> records;
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.is_directory() && fs::exists(entry.path() / "manifest.json"))
      records.push_back(entry.path());
  }
  std::sort(records.begin(), records.end());
  return records;
}

Check record_check(const fs::path& record) {
  std::size_t held = 0;
  for (const Check& c : verify_record(record)) {
    if (!c.holds) return {false, fmt::format("{}/{}", record.filename().string(), c.text)};
    ++held;
  }
  return {true, fmt::format("{}/: the election record verifies ({} checks, recount included)",
                            record.filename().string(), held)};
}

Check mandate_check(const std::string& line, std::size_t number, const fs::path& out) {
  auto statement = nlohmann::json::parse(line, nullptr, false);
  std::string where = fmt::format("mandates.jsonl line {}", number);
  if (auto why = mandate_statement_fault(statement, out))
    return {false, fmt::format("{}: {}", where, *why)};
  std::string delegate = statement.value("delegate", "");
  std::vector<std::string> elected =
      elected_in_record(out / statement["record"].get<std::string>());
  bool among = std::find(elected.begin(), elected.end(), delegate) != elected.end();
  return {among,
          fmt::format("{}: {} of {}, signed, {} record {}", where, delegate,
                      statement.value("council", ""), among ? "elected by" : "not elected by",
                      statement["record"].get<std::string>())};
}

}  // namespace

std::vector<Check> verify_scenario_output(const fs::path& out) {
  if (!fs::is_directory(out)) return {{false, fmt::format("{}: not a folder", out.string())}};
  std::vector<Check> checks = verify_event_log(out);
  for (const fs::path& record : record_folders(out)) checks.push_back(record_check(record));
  std::ifstream mandates(out / "mandates.jsonl");
  std::string line;
  for (std::size_t number = 1; std::getline(mandates, line); ++number)
    checks.push_back(mandate_check(line, number, out));
  return checks;
}

}  // namespace veche
