#include "veche/ledger/tree_head.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace veche {

std::string head_signed_bytes(const TreeHead& head) {
  return fmt::format("veche-tree-head-v1\n{}\n{}\n{}\n{}\n{}\n{}\n", head.election, head.log,
                     head.size, to_hex(head.root), head.time, head.closed ? "closed" : "open");
}

void sign_head(TreeHead& head, const SigningKey& key) {
  head.signature = sign(head_signed_bytes(head), key);
}

bool head_signature_holds(const TreeHead& head, const PublicKey& key) {
  return signature_holds(head_signed_bytes(head), head.signature, key);
}

nlohmann::ordered_json head_json(const TreeHead& head) {
  nlohmann::ordered_json proof = nlohmann::ordered_json::array();
  for (const Hash& h : head.consistency) proof.push_back(to_hex(h));
  return {{"election", head.election}, {"log", head.log},       {"size", head.size},
          {"root", to_hex(head.root)}, {"time", head.time},     {"closed", head.closed},
          {"consistency", proof},      {"signature", head.signature}};
}

std::string head_line(const TreeHead& head) { return head_json(head).dump(); }

namespace {
const nlohmann::json& field(const nlohmann::json& json, const char* name) {
  if (!json.is_object() || !json.contains(name)) {
    throw std::invalid_argument(fmt::format("no \"{}\"", name));
  }
  return json[name];
}

std::string text_field(const nlohmann::json& json, const char* name) {
  const auto& value = field(json, name);
  if (!value.is_string()) throw std::invalid_argument(fmt::format("\"{}\" is not a string", name));
  return value.get<std::string>();
}

Hash hash_field(const nlohmann::json& value, const char* name) {
  auto hash = value.is_string() ? hash_from_hex(value.get<std::string>()) : std::nullopt;
  if (!hash) throw std::invalid_argument(fmt::format("\"{}\" is not 64 hex digits", name));
  return *hash;
}
}  // namespace

TreeHead head_from_json(const nlohmann::json& json) {
  TreeHead head;
  head.election = text_field(json, "election");
  head.log = text_field(json, "log");
  if (head.log != "ballots" && head.log != "roll") {
    throw std::invalid_argument("\"log\" is neither \"ballots\" nor \"roll\"");
  }
  const auto& size = field(json, "size");
  if (!size.is_number_unsigned()) throw std::invalid_argument("\"size\" is not a whole number");
  head.size = size.get<std::uint64_t>();
  head.root = hash_field(field(json, "root"), "root");
  head.time = text_field(json, "time");
  if (json.contains("closed")) {
    if (!json["closed"].is_boolean()) throw std::invalid_argument("\"closed\" is not true/false");
    head.closed = json["closed"].get<bool>();
  }
  if (json.contains("consistency")) {
    const auto& proof = json["consistency"];
    if (!proof.is_array()) throw std::invalid_argument("\"consistency\" is not a list");
    for (const auto& h : proof) head.consistency.push_back(hash_field(h, "consistency"));
  }
  head.signature = text_field(json, "signature");
  return head;
}

}  // namespace veche
