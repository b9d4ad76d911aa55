#include <fmt/format.h>

#include "veche/ledger/record.hpp"

namespace veche {

namespace {
SigningKey key_in(const fs::path& file) {
  if (fs::exists(file)) return load_signing_key(file);
  SigningKey key = new_signing_key();
  save_signing_key(key, file);
  return key;
}
}  // namespace

RecordKeys open_keys(const fs::path& folder) {
  if (!fs::exists(folder)) {
    fs::create_directories(folder);
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace);
  }
  return {key_in(folder / "log.key"), key_in(folder / "returning_officer.key")};
}

namespace {
nlohmann::ordered_json receipt_head_json(const TreeHead& head) {
  auto json = head_json(head);
  json.erase("consistency");
  return json;
}
}  // namespace

nlohmann::ordered_json receipt_json(const Receipt& receipt) {
  return {{"election", receipt.head->election},
          {"leaf_index", receipt.leaf_index},
          {"leaf_hash", to_hex(receipt.leaf_hash)},
          {"head", receipt_head_json(*receipt.head)}};
}

std::string receipt_lines(std::span<const Receipt> receipts) {
  std::string out, head_text, election_text;
  const TreeHead* head = nullptr;
  for (const Receipt& r : receipts) {
    if (r.head.get() != head) {
      head = r.head.get();
      head_text = receipt_head_json(*head).dump();
      election_text = nlohmann::json(head->election).dump();
    }
    out += "{\"election\":";
    out += election_text;
    out += ",\"leaf_index\":";
    out += std::to_string(r.leaf_index);
    out += ",\"leaf_hash\":\"";
    out += to_hex(r.leaf_hash);
    out += "\",\"head\":";
    out += head_text;
    out += "}\n";
  }
  return out;
}

Receipt receipt_from_json(const nlohmann::json& json) {
  Receipt receipt;
  if (!json.is_object() || !json.contains("leaf_index") ||
      !json["leaf_index"].is_number_unsigned()) {
    throw std::invalid_argument("no whole-number \"leaf_index\"");
  }
  receipt.leaf_index = json["leaf_index"].get<std::uint64_t>();
  auto leaf = json.contains("leaf_hash") && json["leaf_hash"].is_string()
                  ? hash_from_hex(json["leaf_hash"].get<std::string>())
                  : std::nullopt;
  if (!leaf) throw std::invalid_argument("\"leaf_hash\" is not 64 hex digits");
  receipt.leaf_hash = *leaf;
  if (!json.contains("head")) throw std::invalid_argument("no \"head\"");
  receipt.head = std::make_shared<const TreeHead>(head_from_json(json["head"]));
  return receipt;
}

}  // namespace veche
