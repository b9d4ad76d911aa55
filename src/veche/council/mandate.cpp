#include "veche/council/mandate.hpp"

#include <fmt/format.h>

#include "veche/council/refill.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

RecordFacts record_facts(const fs::path& record) {
  RecordFacts facts{read_manifest(record), "", "", {}};
  std::string outcome = read_small_file(record / kOutcome);
  facts.outcome_sha256 = sha256_hex(outcome);
  if (fs::exists(record / "lists.json"))
    facts.lists_sha256 = sha256_hex(read_small_file(record / "lists.json"));
  facts.outcome = nlohmann::json::parse(outcome, nullptr, false);
  if (facts.outcome.is_discarded() || !facts.outcome.contains("final_heads")) {
    throw std::invalid_argument(
        fmt::format("{}: outcome.json is not an outcome", (record / kOutcome).string()));
  }
  return facts;
}

nlohmann::json final_head_hashes(const nlohmann::json& outcome) {
  nlohmann::json heads = nlohmann::json::object();
  for (const auto& [log, head] : outcome["final_heads"].items())
    heads[log] = head.value("sha256", "");
  return heads;
}

namespace {

std::string text_of(const nlohmann::json& statement, const char* key) {
  const auto at = statement.find(key);
  return at != statement.end() && at->is_string() ? at->get<std::string>() : std::string();
}

// A refill by countback: the statement the mandate binds is the one beside the record,
// and it stands with the countbacks before it.
std::optional<std::string> countback_fault(const nlohmann::json& statement,
                                           const fs::path& record) {
  if (!statement.contains("countback")) {
    if (statement.contains("countback_sha256")) return "it binds a countback it does not name";
    return std::nullopt;
  }
  std::string file = text_of(statement, "countback");
  if (file.empty() || file.find('/') != std::string::npos || !fs::is_regular_file(record / file))
    return fmt::format("it names no countback statement beside record {} (\"{}\")",
                       record.filename().string(), file);
  if (text_of(statement, "countback_sha256") != sha256_hex(read_small_file(record / file)))
    return fmt::format("it names a {} other than record {}'s", file, record.filename().string());
  return countback_statement_fault(record, file);
}

}  // namespace

nlohmann::ordered_json issue_mandate(const fs::path& records_root, const std::string& record,
                                     const std::string& delegate, const std::string& to,
                                     const SigningKey& returning_officer,
                                     const nlohmann::ordered_json& refill) {
  RecordFacts facts = record_facts(records_root / record);
  nlohmann::ordered_json statement = {{"format", "veche-mandate-v1"},
                                      {"delegate", delegate},
                                      {"council", facts.manifest.manifest.council},
                                      {"to", to},
                                      {"record", record},
                                      {"manifest_sha256", facts.manifest.sha256},
                                      {"outcome_sha256", facts.outcome_sha256},
                                      {"final_heads", final_head_hashes(facts.outcome)},
                                      {"returning_officer", to_hex(returning_officer.public_key)}};
  if (!facts.lists_sha256.empty()) statement["lists_sha256"] = facts.lists_sha256;
  for (const auto& [key, value] : refill.items()) statement[key] = value;
  statement["signature"] = sign(mandate_signed_bytes(nlohmann::json(statement)), returning_officer);
  return statement;
}

std::string mandate_signed_bytes(const nlohmann::json& statement) {
  nlohmann::json unsigned_part = statement;
  unsigned_part.erase("signature");
  return "veche-mandate-v1\n" + unsigned_part.dump();
}

std::optional<std::string> mandate_statement_fault(const nlohmann::json& statement,
                                                   const fs::path& records_root) {
  if (!statement.is_object() || text_of(statement, "format") != "veche-mandate-v1") {
    return "the mandate is not a veche-mandate-v1 statement";
  }
  std::string record = text_of(statement, "record");
  // A mandate names a folder beside the others, never a path that climbs out of them.
  if (record.empty() || record.find('/') != std::string::npos || record == "." || record == "..") {
    return fmt::format("the mandate names no record folder (\"{}\")", record);
  }
  RecordFacts facts;
  try {
    facts = record_facts(records_root / record);
  } catch (const std::exception& e) {
    return fmt::format("its record {} cannot be read: {}", record, e.what());
  }
  if (!signature_holds(mandate_signed_bytes(statement), text_of(statement, "signature"),
                       facts.manifest.manifest.returning_officer_key)) {
    return fmt::format("the signature does not hold under the returning officer's key of record {}",
                       record);
  }
  if (text_of(statement, "manifest_sha256") != facts.manifest.sha256) {
    return fmt::format("it names a manifest.json other than record {}'s", record);
  }
  if (text_of(statement, "outcome_sha256") != facts.outcome_sha256) {
    return fmt::format("it names an outcome.json other than record {}'s", record);
  }
  if (text_of(statement, "lists_sha256") != facts.lists_sha256) {
    return fmt::format("it names a lists.json other than record {}'s", record);
  }
  if (!statement.contains("final_heads") ||
      statement["final_heads"] != final_head_hashes(facts.outcome)) {
    return fmt::format("it names closing tree heads other than record {}'s", record);
  }
  return countback_fault(statement, records_root / record);
}

}  // namespace veche
