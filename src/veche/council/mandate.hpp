#pragma once
// A delegate's mandate: the lower council's returning officer's signed word that this
// delegate was elected, pointing at the public record of the election (the hashes of its
// manifest.json and outcome.json and of its closing tree heads). Anyone holding the record
// can check it: the signature holds under the key the record's manifest names, the hashes
// match the files, the record verifies, and the delegate is among its elected.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "veche/ledger/record_files.hpp"
#include "veche/ledger/signing.hpp"

namespace veche {

// What a mandate (or a countback statement, council/refill.hpp) points at in a record.
struct RecordFacts {
  ManifestFile manifest;
  std::string outcome_sha256;
  std::string lists_sha256;  // a party-list election's lists.json; "" for none
  nlohmann::json outcome;
};
// std::exception when the files are missing or not JSON.
RecordFacts record_facts(const std::filesystem::path& record);
// The SHA-256 of each closing tree head, by log, as outcome.json gives them.
nlohmann::json final_head_hashes(const nlohmann::json& outcome);

// Issues the mandate of `delegate`, elected by the record at `records_root / record` to
// `to`, signed by that election's returning officer. std::invalid_argument when the record
// has no readable manifest or outcome. `refill`: the fields naming the refill that seated
// the delegate after a recall (council/refill.hpp: "countback" and "countback_sha256", or
// "vacated"), signed with the rest.
nlohmann::ordered_json issue_mandate(
    const std::filesystem::path& records_root, const std::string& record,
    const std::string& delegate, const std::string& to, const SigningKey& returning_officer,
    const nlohmann::ordered_json& refill = nlohmann::ordered_json::object());

// The exact bytes signed: "veche-mandate-v1\n" and the statement without its signature,
// keys sorted, no spaces.
std::string mandate_signed_bytes(const nlohmann::json& statement);

// Why a mandate's statement does not stand, in words, or nullopt when it stands: read,
// signed, and agreeing with the record's files, the countback statement it binds included
// (council/refill.hpp: countback_statement_fault). The record itself is checked apart
// (verify_record), and once a record, however many delegates it elected.
std::optional<std::string> mandate_statement_fault(const nlohmann::json& statement,
                                                   const std::filesystem::path& records_root);

}  // namespace veche
