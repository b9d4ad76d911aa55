#include <fmt/format.h>

#include "veche/council/event_log.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

// The ledger reads heads of its two logs, "ballots" and "roll"; an events head has the same
// fields and signed bytes, so it is read as one and given its own log's name back.
std::vector<HeadLine> read_event_heads(const fs::path& path, std::string& torn) {
  return MappedFile(path).read([&](std::string_view whole) {
    LogText text = split_torn(whole);
    torn = std::string(text.torn);
    std::vector<HeadLine> out;
    for_each_line(text.complete, [&](std::uint64_t number, std::string_view line) {
      HeadLine entry{number, std::nullopt, "", std::string(line)};
      auto json = nlohmann::json::parse(line, nullptr, false);
      if (!json.is_object() || json.value("log", "") != "events") {
        entry.error = "not a head of the events log";
      } else {
        try {
          json["log"] = "ballots";
          entry.head = head_from_json(json);
          entry.head->log = "events";
        } catch (const std::invalid_argument& e) {
          entry.error = e.what();
        }
      }
      out.push_back(std::move(entry));
      return true;
    });
    return out;
  });
}

struct EventLogFiles {
  std::string manifest_sha256;
  PublicKey key;
  std::vector<Hash> leaves;
  std::vector<HeadLine> heads;
  std::string torn_heads;
};

// One head against the lines and the head before it; the first fault, or nullopt.
std::optional<std::string> head_fault(const TreeHead& head, const TreeHead* previous,
                                      const EventLogFiles& f) {
  if (head.election != f.manifest_sha256) return "names a log other than events.json's";
  if (head.log != "events") return fmt::format("is a head of the {} log", head.log);
  if (!head_signature_holds(head, f.key))
    return "its signature does not hold under events.json's key";
  if (head.size > f.leaves.size())
    return fmt::format("covers {} events but there are {}", head.size, f.leaves.size());
  std::span<const Hash> covered(f.leaves.data(), head.size);
  if (tree_root(covered) != head.root)
    return fmt::format("events.jsonl's first {} lines do not rebuild its root", head.size);
  if (previous && previous->closed) return "follows a closed head";
  if (previous && previous->size > 0 && previous->size < head.size &&
      !consistency_holds(previous->size, head.size, previous->root, head.root, head.consistency)) {
    return fmt::format("its consistency proof from size {} does not hold", previous->size);
  }
  if (previous && previous->size > head.size) return "is smaller than the head before it";
  return std::nullopt;
}

}  // namespace

std::vector<Check> verify_event_log(const std::filesystem::path& folder) {
  EventLogFiles f;
  std::vector<Check> out;
  try {
    std::string manifest = read_small_file(folder / kEventsManifest);
    f.manifest_sha256 = sha256_hex(manifest);
    auto json = nlohmann::json::parse(manifest);
    auto key = public_key_from_hex(json.at("key").get<std::string>());
    if (!key) throw std::invalid_argument("key is not an Ed25519 public key");
    f.key = *key;
  } catch (const std::exception& e) {
    return {{false, fmt::format("{}: unreadable: {}", kEventsManifest, e.what())}};
  }
  out.push_back(
      {true, fmt::format("{}: log key {}…", kEventsManifest, to_hex(f.key).substr(0, 16))});
  const bool events_torn = MappedFile(folder / kEvents).read([&](std::string_view whole) {
    LogText text = split_torn(whole);
    for_each_line(text.complete, [&](std::uint64_t, std::string_view line) {
      f.leaves.push_back(leaf_hash(line));
      return true;
    });
    return !text.torn.empty();
  });
  f.heads = read_event_heads(folder / kEventHeads, f.torn_heads);
  std::vector<std::string> faults;
  const TreeHead* previous = nullptr;
  for (const HeadLine& line : f.heads) {
    if (!line.head) {
      faults.push_back(fmt::format("{} line {}: {}", kEventHeads, line.line, line.error));
      continue;
    }
    if (auto why = head_fault(*line.head, previous, f)) {
      faults.push_back(fmt::format("{} line {}: {}", kEventHeads, line.line, *why));
    }
    previous = &*line.head;
  }
  if (events_torn) faults.push_back(fmt::format("{}: ends in a torn line", kEvents));
  if (!f.torn_heads.empty()) faults.push_back(fmt::format("{}: ends in a torn line", kEventHeads));
  bool whole = previous && previous->closed && previous->size == f.leaves.size();
  if (!whole)
    faults.push_back(
        fmt::format("{}: no closed head covers all {} events", kEventHeads, f.leaves.size()));
  if (faults.empty()) {
    out.push_back(
        {true, fmt::format("{}: {} events; {} signed heads, each consistent with the one before, "
                           "the last closed and covering every line",
                           kEvents, f.leaves.size(), f.heads.size())});
  } else {
    for (std::string& fault : faults) out.push_back({false, std::move(fault)});
  }
  return out;
}

}  // namespace veche
