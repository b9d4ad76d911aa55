#include <fmt/format.h>

#include <fstream>

#include "veche/council/election.hpp"
#include "veche/council/event_log.hpp"
#include "veche/council/mandate.hpp"
#include "veche/council/refill.hpp"
#include "veche/council/scenario.hpp"

namespace veche {

namespace {

bool is_record(const fs::directory_entry& entry) {
  return entry.is_directory() && fs::exists(entry.path() / "manifest.json");
}

// Every record in the folder, by name: each sub-folder holding a manifest.json, and each
// one level further down (a referendum's folder holds one record a constituency).
std::vector<fs::path> record_folders(const fs::path& out) {
  std::vector<fs::path> records;
  for (const auto& entry : fs::directory_iterator(out)) {
    if (is_record(entry)) {
      records.push_back(entry.path());
    } else if (entry.is_directory()) {
      for (const auto& inner : fs::directory_iterator(entry.path())) {
        if (is_record(inner)) records.push_back(inner.path());
      }
    }
  }
  std::sort(records.begin(), records.end());
  return records;
}

Check record_check(const fs::path& out, const fs::path& record) {
  std::string name = fs::relative(record, out).generic_string();
  std::size_t held = 0;
  for (const Check& c : verify_record(record)) {
    if (!c.holds) return {false, fmt::format("{}/{}", name, c.text)};
    ++held;
  }
  return {true, fmt::format("{}/: the election record verifies ({} checks, recount included)", name,
                            held)};
}

// "countback-1.json", or "next on the list after [...]"
std::string refill_named(const nlohmann::json& statement) {
  if (statement.contains("countback")) return statement["countback"].get<std::string>();
  return "next on the list after " + statement["vacated"].dump();
}

Check mandate_check(const std::string& line, std::size_t number, const fs::path& out) {
  auto statement = nlohmann::json::parse(line, nullptr, false);
  std::string where = fmt::format("mandates.jsonl line {}", number);
  if (auto why = mandate_statement_fault(statement, out))
    return {false, fmt::format("{}: {}", where, *why)};
  std::string delegate = statement.value("delegate", "");
  std::string record = statement["record"].get<std::string>();
  if (names_refill(statement)) {
    if (auto why = refill_fault(statement, out)) return {false, fmt::format("{}: {}", where, *why)};
    return {true,
            fmt::format("{}: {} of {}, signed, seated by the {} of record {}", where, delegate,
                        statement.value("council", ""), refill_named(statement), record)};
  }
  std::vector<std::string> elected = elected_in_record(out / record);
  bool among = std::find(elected.begin(), elected.end(), delegate) != elected.end();
  return {among, fmt::format("{}: {} of {}, signed, {} record {}", where, delegate,
                             statement.value("council", ""),
                             among ? "elected by" : "not elected by", record)};
}

}  // namespace

std::vector<Check> verify_scenario_output(const fs::path& out) {
  if (!fs::is_directory(out)) return {{false, fmt::format("{}: not a folder", out.string())}};
  std::vector<Check> checks = verify_event_log(out);
  for (const fs::path& record : record_folders(out)) checks.push_back(record_check(out, record));
  for (Check& c : verify_vote_events(out)) checks.push_back(std::move(c));
  std::ifstream mandates(out / "mandates.jsonl");
  std::string line;
  for (std::size_t number = 1; std::getline(mandates, line); ++number)
    checks.push_back(mandate_check(line, number, out));
  return checks;
}

}  // namespace veche
