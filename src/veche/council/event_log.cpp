#include "veche/council/event_log.hpp"

#include "veche/ledger/record_files.hpp"

namespace veche {

EventLog::EventLog(std::string organisation, std::string scenario_sha256, SigningKey key)
    : key_(std::move(key)) {
  nlohmann::ordered_json manifest = {{"format", "veche-events-v1"},
                                     {"organisation", std::move(organisation)},
                                     {"scenario_sha256", std::move(scenario_sha256)},
                                     {"key", to_hex(key_.public_key)}};
  manifest_ = manifest.dump(1) + "\n";
}

void EventLog::append(const nlohmann::ordered_json& event) {
  lines_.push_back(event.dump());
  Hash leaf = leaf_hash(lines_.back());
  tree_.append(leaf);
  since_head_.push_back(leaf);
}

void EventLog::sign_head(bool closed) {
  TreeHead head;
  head.election = sha256_hex(manifest_);
  head.log = "events";
  head.size = tree_.size();
  head.root = tree_.root();
  head.time = utc_now();
  head.closed = closed;
  if (signed_tree_.size() > 0 && !since_head_.empty())
    head.consistency = consistency_proof(signed_tree_, since_head_);
  veche::sign_head(head, key_);
  heads_.push_back(std::move(head));
  signed_tree_ = tree_;
  since_head_.clear();
}

void EventLog::write(const std::filesystem::path& folder) const {
  std::string events, heads;
  for (const std::string& line : lines_) events += line + "\n";
  for (const TreeHead& head : heads_) heads += head_line(head) + "\n";
  write_file_durably(folder / kEventsManifest, manifest_);
  write_file_durably(folder / kEvents, events);
  write_file_durably(folder / kEventHeads, heads);
}

}  // namespace veche
