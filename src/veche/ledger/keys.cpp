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

nlohmann::ordered_json receipt_json(const Receipt& receipt) {
  return {{"election", receipt.head->election},
          {"leaf_index", receipt.leaf_index},
          {"leaf_hash", to_hex(receipt.leaf_hash)},
          {"head", head_json(*receipt.head)}};
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
