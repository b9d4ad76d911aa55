// The countback statement (<record>/countback-N.json): a recalled STV seat refilled from
// the record's own ballots, signed by the returning officer and published beside it.
#include <fmt/format.h>

#include <charconv>
#include <map>

#include "veche/core/error.hpp"
#include "veche/council/election.hpp"
#include "veche/council/mandate.hpp"
#include "veche/council/refill.hpp"

namespace veche {

namespace {

using Json = nlohmann::ordered_json;

// Who holds each of the record's seats after the countbacks read so far.
struct Chain {
  std::map<std::string, std::string> holder;  // the seat's winner at the election → its holder
  std::vector<std::string> seated;            // by countbacks, in order
  std::string last_sha256;                    // of the last countback read; "" before the first
  int read = 0;
};

Chain chain_start(const fs::path& record) {
  Chain chain;
  for (const std::string& name : elected_in_record(record)) chain.holder[name] = name;
  return chain;
}

std::optional<CountbackSeat> seat_held_by(const Chain& chain, const std::string& recalled) {
  for (const auto& [vacating, holder] : chain.holder) {
    if (holder == recalled) return CountbackSeat{recalled, vacating, chain.seated};
  }
  return std::nullopt;
}

void advance(Chain& chain, const CountbackSeat& seat, const std::string& elected,
             const std::string& sha256) {
  chain.holder[seat.vacating] = elected;
  chain.seated.push_back(elected);
  chain.last_sha256 = sha256;
  ++chain.read;
}

std::string text_of(const nlohmann::json& statement, const char* key) {
  const auto at = statement.find(key);
  return at != statement.end() && at->is_string() ? at->get<std::string>() : std::string();
}

long long number_of(const nlohmann::json& statement, const char* key) {
  const auto at = statement.find(key);
  return at != statement.end() && at->is_number_integer() ? at->get<long long>() : -1;
}

// The seat and whom the countback elected, as a statement that stands names them.
CountbackSeat seat_named(const nlohmann::json& s) {
  return {s.at("recalled").get<std::string>(), s.at("vacating").get<std::string>(),
          s.at("not_standing").get<std::vector<std::string>>()};
}

// "countback-N.json" → N, for N ≥ 1 written without leading zeros; nullopt otherwise.
std::optional<int> countback_number(const std::string& file) {
  constexpr std::string_view prefix = "countback-", suffix = ".json";
  if (!file.starts_with(prefix) || !file.ends_with(suffix)) return std::nullopt;
  std::string_view digits(file.data() + prefix.size(), file.size() - prefix.size() - suffix.size());
  int n = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (error != std::errc() || end != digits.data() + digits.size() || n < 1 ||
      countback_file(n) != file)
    return std::nullopt;
  return n;
}

// One statement of the chain, against the record and the countbacks before it.
std::optional<std::string> statement_fault(const nlohmann::json& s, const RecordFacts& facts,
                                           const fs::path& record, const Chain& chain) {
  const Manifest& m = facts.manifest.manifest;
  std::string name = record.filename().string();
  if (!s.is_object() || text_of(s, "format") != "veche-countback-v1")
    return "not a veche-countback-v1 statement";
  if (!signature_holds(countback_signed_bytes(s), text_of(s, "signature"), m.returning_officer_key))
    return fmt::format("the signature does not hold under the returning officer's key of record {}",
                       name);
  if (number_of(s, "number") != chain.read + 1 || text_of(s, "record") != name ||
      text_of(s, "council") != m.council)
    return fmt::format("it is not countback {} of record {}", chain.read + 1, name);
  if (text_of(s, "manifest_sha256") != facts.manifest.sha256)
    return fmt::format("it names a manifest.json other than record {}'s", name);
  if (text_of(s, "outcome_sha256") != facts.outcome_sha256)
    return fmt::format("it names an outcome.json other than record {}'s", name);
  if (!s.contains("final_heads") || s["final_heads"] != final_head_hashes(facts.outcome))
    return fmt::format("it names closing tree heads other than record {}'s", name);
  if (text_of(s, "method") != m.method || number_of(s, "seats") != m.seats ||
      text_of(s, "tie_seed") != m.tie_seed)
    return fmt::format("it names a count (method, seats, tie_seed) other than record {}'s", name);
  if (text_of(s, "previous_sha256") != chain.last_sha256)
    return chain.read == 0 ? "the first countback names one before it"
                           : fmt::format("it does not follow {} (previous_sha256 differs)",
                                         countback_file(chain.read));
  std::string recalled = text_of(s, "recalled");
  std::optional<CountbackSeat> seat = seat_held_by(chain, recalled);
  if (!seat) return fmt::format("\"{}\" held no seat of record {} when recalled", recalled, name);
  if (text_of(s, "vacating") != seat->vacating)
    return fmt::format("it counts back the seat {} won, but {} holds the seat {} won",
                       text_of(s, "vacating"), recalled, seat->vacating);
  if (!s.contains("not_standing") || s["not_standing"] != nlohmann::json(seat->not_standing))
    return fmt::format("its not_standing is not those earlier countbacks seated ({})",
                       nlohmann::json(seat->not_standing).dump());
  if (text_of(s, "elected").empty()) return "it names no one elected";
  return std::nullopt;
}

}  // namespace

std::string countback_file(int number) {
  return fmt::format("countback-{}.json", number);
}

std::string countback_signed_bytes(const nlohmann::json& statement) {
  nlohmann::json unsigned_part = statement;
  unsigned_part.erase("signature");
  return "veche-countback-v1\n" + unsigned_part.dump();
}

Json publish_countback(const fs::path& record, const std::string& recalled,
                       const SigningKey& returning_officer) {
  Chain chain = chain_start(record);
  for (int n = 1; fs::exists(record / countback_file(n)); ++n) {
    std::string text = read_small_file(record / countback_file(n));
    nlohmann::json s = nlohmann::json::parse(text);
    advance(chain, seat_named(s), s.at("elected").get<std::string>(), sha256_hex(text));
  }
  std::optional<CountbackSeat> seat = seat_held_by(chain, recalled);
  if (!seat) {
    throw UsageError(
        fmt::format("{} holds no seat of record {}", recalled, record.filename().string()));
  }
  std::string elected = countback_elects(record, *seat);
  RecordFacts facts = record_facts(record);
  const Manifest& m = facts.manifest.manifest;
  Json statement = {{"format", "veche-countback-v1"},
                    {"council", m.council},
                    {"record", record.filename().string()},
                    {"number", chain.read + 1},
                    {"recalled", recalled},
                    {"vacating", seat->vacating},
                    {"not_standing", seat->not_standing},
                    {"method", m.method},
                    {"seats", m.seats},
                    {"tie_seed", m.tie_seed},
                    {"elected", elected},
                    {"previous_sha256", chain.last_sha256},
                    {"manifest_sha256", facts.manifest.sha256},
                    {"outcome_sha256", facts.outcome_sha256},
                    {"final_heads", final_head_hashes(facts.outcome)},
                    {"returning_officer", to_hex(returning_officer.public_key)}};
  statement["signature"] =
      sign(countback_signed_bytes(nlohmann::json(statement)), returning_officer);
  write_file_durably(record / countback_file(chain.read + 1), statement.dump(1) + "\n");
  return statement;
}

std::optional<std::string> countback_statement_fault(const fs::path& record,
                                                     const std::string& file) {
  std::optional<int> number = countback_number(file);
  if (!number) return fmt::format("\"{}\" is not a countback statement's name", file);
  RecordFacts facts;
  Chain chain;
  try {
    facts = record_facts(record);
    chain = chain_start(record);
  } catch (const std::exception& e) {
    return fmt::format("its record {} cannot be read: {}", record.filename().string(), e.what());
  }
  for (int n = 1; n <= *number; ++n) {
    fs::path path = record / countback_file(n);
    if (!fs::is_regular_file(path)) return fmt::format("{} is missing", countback_file(n));
    std::string text = read_small_file(path);
    auto s = nlohmann::json::parse(text, nullptr, false);
    if (auto why = statement_fault(s, facts, record, chain))
      return fmt::format("{}: {}", countback_file(n), *why);
    advance(chain, seat_named(s), s.at("elected").get<std::string>(), sha256_hex(text));
  }
  return std::nullopt;
}

}  // namespace veche
