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

#include "veche/ledger/signing.hpp"

namespace veche {

// Issues the mandate of `delegate`, elected by the record at `records_root / record` to
// `to`, signed by that election's returning officer. std::invalid_argument when the record
// has no readable manifest or outcome.
nlohmann::ordered_json issue_mandate(const std::filesystem::path& records_root,
                                     const std::string& record, const std::string& delegate,
                                     const std::string& to, const SigningKey& returning_officer);

// The exact bytes signed: "veche-mandate-v1\n" and the statement without its signature,
// keys sorted, no spaces.
std::string mandate_signed_bytes(const nlohmann::json& statement);

// Why a mandate's statement does not stand, in words, or nullopt when it stands: read,
// signed, and agreeing with the record's files. The record itself is checked apart
// (verify_record), and once a record, however many delegates it elected.
std::optional<std::string> mandate_statement_fault(const nlohmann::json& statement,
                                                   const std::filesystem::path& records_root);

}  // namespace veche
