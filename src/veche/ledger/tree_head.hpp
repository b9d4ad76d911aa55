#pragma once
// A signed tree head: the log signer's word that a log had `size` lines with this root.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "veche/ledger/merkle.hpp"
#include "veche/ledger/signing.hpp"

namespace veche {

struct TreeHead {
  std::string election;           // SHA-256 of manifest.json, hex: binds the head to it
  std::string log;                // "ballots" or "roll"
  std::uint64_t size = 0;
  Hash root{};
  std::string time;               // UTC, RFC 3339
  bool closed = false;            // the closing head: nothing may follow it
  std::vector<Hash> consistency;  // proof from the previous head of the same log
  std::string signature;          // Ed25519, hex, over head_signed_bytes
};

// The exact bytes signed (docs/record.md):
//   "veche-tree-head-v1\n" election "\n" log "\n" size "\n" root-hex "\n" time "\n"
//   ("open" | "closed") "\n"
std::string head_signed_bytes(const TreeHead& head);
void sign_head(TreeHead& head, const SigningKey& key);
bool head_signature_holds(const TreeHead& head, const PublicKey& key);

nlohmann::ordered_json head_json(const TreeHead& head);
// The head as one line of heads.jsonl (compact JSON, no newline).
std::string head_line(const TreeHead& head);
// Throws std::invalid_argument naming the field that is missing or malformed.
TreeHead head_from_json(const nlohmann::json& json);

}  // namespace veche
