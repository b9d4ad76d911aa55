#pragma once
// The organisation's own history as a Merkle log (RFC 9162, the ledger's trees and signed
// heads): every seat won, mandate checked, recall, referendum, portfolio taken or given up
// is one line of events.jsonl; events.heads.jsonl holds the signed heads, each joined to the
// one before by a consistency proof; events.json names the organisation and the log key.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "veche/ledger/merkle.hpp"
#include "veche/ledger/record.hpp"
#include "veche/ledger/tree_head.hpp"

namespace veche {

inline constexpr const char* kEventsManifest = "events.json";
inline constexpr const char* kEvents = "events.jsonl";
inline constexpr const char* kEventHeads = "events.heads.jsonl";

class EventLog {
 public:
  // `scenario_sha256`: the SHA-256 of the file played, so the log names what made it.
  EventLog(std::string organisation, std::string scenario_sha256, SigningKey key);

  // One event, a JSON object; written as one compact line, its leaf the line's bytes.
  void append(const nlohmann::ordered_json& event);
  // Signs a head over every line so far, proved consistent with the previous head.
  // `closed`: the last head; nothing may follow it.
  void sign_head(bool closed);
  std::size_t size() const { return lines_.size(); }
  const std::vector<std::string>& lines() const { return lines_; }

  // Writes events.json, events.jsonl and events.heads.jsonl into `folder`.
  void write(const std::filesystem::path& folder) const;

 private:
  std::string manifest_;  // events.json as written: its SHA-256 is the log's id in every head
  SigningKey key_;
  std::vector<std::string> lines_;
  TreeBuilder tree_;
  TreeBuilder signed_tree_;  // the tree at the last head
  std::vector<Hash> since_head_;
  std::vector<TreeHead> heads_;
};

// Checks an event log folder: events.json readable, every head signed by its key and bound
// to it, each consistent with the one before, the lines rebuilding every head's root, the
// last head closed and covering every line.
std::vector<Check> verify_event_log(const std::filesystem::path& folder);

}  // namespace veche
