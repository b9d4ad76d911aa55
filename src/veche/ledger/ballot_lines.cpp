#include <fmt/format.h>

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "veche/ledger/record.hpp"

namespace veche {

namespace {

// JSON string escaping as RFC 8785 (and nlohmann's dump) writes it: '"' and '\' escaped,
// \b \f \n \r \t short, other control characters \u00xx, everything else as is (UTF-8).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

BallotLines::BallotLines(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
  for (const auto& name : candidates_) quoted_.push_back(json_string(name));
}

std::optional<CandidateId> BallotLines::id_of(std::string_view name) const {
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (candidates_[i] == name) return static_cast<CandidateId>(i);
  }
  return std::nullopt;
}

std::string BallotLines::line(std::span<const std::vector<CandidateId>> ranks) const {
  std::string out = "{\"ranks\":[";
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    if (r > 0) out += ',';
    out += '[';
    for (std::size_t i = 0; i < ranks[r].size(); ++i) {
      if (i > 0) out += ',';
      out += quoted_.at(ranks[r][i]);
    }
    out += ']';
  }
  return out + "]}";
}

std::optional<std::string> BallotLines::line_of_names(
    const std::vector<std::vector<std::string>>& ranks, std::string& unknown) const {
  std::string out = "{\"ranks\":[";
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    if (r > 0) out += ',';
    out += '[';
    for (std::size_t i = 0; i < ranks[r].size(); ++i) {
      auto id = id_of(ranks[r][i]);
      if (!id) {
        unknown = ranks[r][i];
        return std::nullopt;
      }
      if (i > 0) out += ',';
      out += quoted_[*id];
    }
    out += ']';
  }
  return out + "]}";
}

std::string BallotLines::line(std::span<const Mark> marks) const {
  std::string out = "{\"ranks\":[";
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (!equal_to_previous(marks[i])) {
      if (i > 0) out += "],";
      out += '[';
    } else {
      out += ',';
    }
    out += quoted_.at(candidate_of(marks[i]));
  }
  if (!marks.empty()) out += ']';
  return out + "]}";
}

std::optional<std::vector<std::vector<CandidateId>>> BallotLines::read(std::string_view text,
                                                                       std::string& why) const {
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) {
    why = "not JSON";
    return std::nullopt;
  }
  if (!json.is_object() || json.size() != 1 || !json.contains("ranks") ||
      !json["ranks"].is_array()) {
    why = "not a ballot: the form is {\"ranks\":[[names],...]}";
    return std::nullopt;
  }
  std::vector<std::vector<CandidateId>> ranks;
  for (const auto& rank : json["ranks"]) {
    if (!rank.is_array()) {
      why = "a rank is not a list of names";
      return std::nullopt;
    }
    auto& group = ranks.emplace_back();
    for (const auto& name : rank) {
      auto id = name.is_string() ? id_of(name.get<std::string>()) : std::nullopt;
      if (!id) {
        why = fmt::format("{} is not a candidate in manifest.json", name.dump());
        return std::nullopt;
      }
      group.push_back(*id);
    }
  }
  // One ballot has one byte form, so the same ballot always hashes the same.
  if (line(ranks) != text) {
    why = fmt::format("not in canonical form; expected {}", line(ranks));
    return std::nullopt;
  }
  return ranks;
}

std::string roll_line(std::string_view salt, std::string_view voter) {
  // Hashed in pieces and written in place: this runs once a vote.
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  auto feed = [&](std::string_view bytes) {
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  };
  feed("veche-roll-v1\n");
  feed(salt);
  feed("\n");
  feed(voter);
  Hash digest{};
  crypto_hash_sha256_final(&state, digest.data());
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "{\"voter\":\"" + std::string(64, '0') + "\"}";
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[10 + 2 * i] = digits[digest[i] >> 4];
    out[11 + 2 * i] = digits[digest[i] & 0xf];
  }
  return out;
}

}  // namespace veche
