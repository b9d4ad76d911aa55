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
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
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
  by_name_ = NameIndex(candidates_);
  by_quoted_ = NameIndex(quoted_);
}

std::optional<CandidateId> BallotLines::id_of(std::string_view name) const {
  return by_name_.find(name, candidates_);
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

void BallotLines::append_line(const CastBatch& batch, std::size_t ballot, std::string& out) const {
  out += "{\"ranks\":[";
  for (std::size_t r = 0; r < batch.ranks(ballot); ++r) {
    if (r > 0) out += ',';
    out += '[';
    bool first = true;
    for (CandidateId id : batch.rank(ballot, r)) {
      if (!first) out += ',';
      first = false;
      out += quoted_.at(id);
    }
    out += ']';
  }
  out += "]}";
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

// The JSON string that starts `text` runs to the first quote no backslash escapes (one
// preceded by an even number of backslashes); only that string can be a candidate's, so one
// probe of the index finds it.
std::optional<CandidateId> BallotLines::quoted_at(std::string_view text) const {
  if (text.empty() || text.front() != '"') return std::nullopt;
  for (std::size_t at = text.find('"', 1); at != std::string_view::npos;
       at = text.find('"', at + 1)) {
    std::size_t backslashes = 0;
    while (text[at - 1 - backslashes] == '\\') ++backslashes;  // text[0] is a quote: it stops
    if (backslashes % 2 == 0) return by_quoted_.find(text.substr(0, at + 1), quoted_);
  }
  return std::nullopt;
}

// The grammar of line(), matched byte for byte: what it accepts is canonical by
// construction. A JSON string ends at its closing quote, so no quoted name is the start
// of another and the match is unique.
bool BallotLines::read_canonical(std::string_view text,
                                 std::vector<std::vector<CandidateId>>& ranks,
                                 std::size_t& used) const {
  constexpr std::string_view open = "{\"ranks\":[", close = "]}";
  used = 0;
  if (text.size() < open.size() + close.size() || !text.starts_with(open) ||
      !text.ends_with(close)) {
    return false;
  }
  std::string_view rest = text.substr(open.size(), text.size() - open.size() - close.size());
  auto take = [&](char c) {
    if (rest.empty() || rest.front() != c) return false;
    rest.remove_prefix(1);
    return true;
  };
  while (!rest.empty()) {
    if (used > 0 && !take(',')) return false;
    if (!take('[')) return false;
    if (used == ranks.size()) ranks.emplace_back();
    auto& group = ranks[used++];
    group.clear();
    while (!take(']')) {
      if (!group.empty() && !take(',')) return false;
      auto id = quoted_at(rest);
      if (!id) return false;
      rest.remove_prefix(quoted_[*id].size());
      group.push_back(*id);
    }
  }
  return true;
}

std::optional<std::vector<std::vector<CandidateId>>> BallotLines::read(std::string_view text,
                                                                       std::string& why) const {
  std::vector<std::vector<CandidateId>> canonical;
  std::size_t used = 0;
  if (read_canonical(text, canonical, used)) return canonical;
  // Not canonical: the JSON reader finds out why.
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

std::string BallotLines::rejected_line(std::span<const std::string> rules) {
  std::string out = "{\"rejected\":[";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (i > 0) out += ',';
    out += json_string(rules[i]);
  }
  return out + "]}";
}

std::optional<std::vector<std::string>> BallotLines::read_rejected(std::string_view text,
                                                                   std::string& why) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.size() != 1 || !json.contains("rejected") ||
      !json["rejected"].is_array() || json["rejected"].empty()) {
    why = "not a set-aside ballot: the form is {\"rejected\":[rule names,...]}";
    return std::nullopt;
  }
  std::vector<std::string> rules;
  for (const auto& rule : json["rejected"]) {
    if (!rule.is_string()) {
      why = "a rule of a set-aside ballot is not a name";
      return std::nullopt;
    }
    rules.push_back(rule.get<std::string>());
  }
  if (rejected_line(rules) != text) {
    why = fmt::format("not in canonical form; expected {}", rejected_line(rules));
    return std::nullopt;
  }
  return rules;
}

Hash roll_hash(std::string_view salt, std::string_view voter) {
  // Hashed in pieces: this runs once a vote.
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  auto feed = [&](std::string_view bytes) {
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
  };
  feed("veche-roll-v1\n");
  feed(salt);
  feed("\n");
  feed(voter);
  Hash digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return digest;
}

void append_roll_line(const Hash& voter, std::string& out) {
  static constexpr char digits[] = "0123456789abcdef";
  constexpr std::string_view head = "{\"voter\":\"";
  std::size_t at = out.size() + head.size();
  out += head;
  out.append(64, '0');
  out += "\"}";
  for (std::size_t i = 0; i < voter.size(); ++i) {
    out[at + 2 * i] = digits[voter[i] >> 4];
    out[at + 2 * i + 1] = digits[voter[i] & 0xf];
  }
}

std::string roll_line(std::string_view salt, std::string_view voter) {
  std::string out;
  append_roll_line(roll_hash(salt, voter), out);
  return out;
}

}  // namespace veche
