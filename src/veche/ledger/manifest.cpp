#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "veche/core/error.hpp"
#include "veche/ledger/record.hpp"

namespace veche {

nlohmann::ordered_json manifest_json(const Manifest& m) {
  using Json = nlohmann::ordered_json;
  Json count{{"method", m.method},
             {"seats", m.seats},
             {"quota", m.quota},
             {"decimal_places", m.decimal_places < 0 ? Json() : Json(m.decimal_places)},
             {"exact", m.exact},
             {"batch_elimination", m.batch_elimination},
             {"withdrawn", m.withdrawn},
             {"tie_seed", m.tie_seed},
             {"look_back", m.look_back},
             {"tie_order", m.tie_order},
             {"overvote", m.overvote},
             {"skipped_rank", m.skipped_rank},
             {"repeated", m.repeated},
             {"unknown_name", m.unknown_name}};
  Json roll{{"included", m.roll_included}};
  if (m.roll_included) roll["salt"] = m.roll_salt;
  return Json{
      {"format", "veche-record-v1"},
      {"election", m.election},
      {"run_by", m.run_by},
      {"council", m.council},
      {"candidates", m.candidates},
      {"count", count},
      {"opens", m.opens},
      {"closes", m.closes},
      {"roll", roll},
      {"keys",
       {{"log", to_hex(m.log_key)}, {"returning_officer", to_hex(m.returning_officer_key)}}}};
}

namespace {

const nlohmann::json& field(const nlohmann::json& json, const std::string& path, const char* name) {
  if (!json.is_object() || !json.contains(name)) {
    throw std::invalid_argument(fmt::format("no \"{}{}\"", path, name));
  }
  return json[name];
}

template <class T>
T typed(const nlohmann::json& json, const std::string& path, const char* name) {
  try {
    return field(json, path, name).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument(fmt::format("\"{}{}\" has the wrong type", path, name));
  }
}

PublicKey key(const nlohmann::json& keys, const char* name) {
  auto parsed = public_key_from_hex(typed<std::string>(keys, "keys.", name));
  if (!parsed) throw std::invalid_argument(fmt::format("\"keys.{}\" is not 64 hex digits", name));
  return *parsed;
}

}  // namespace

Manifest manifest_from_json(const nlohmann::json& json) {
  if (typed<std::string>(json, "", "format") != "veche-record-v1") {
    throw std::invalid_argument("\"format\" is not \"veche-record-v1\"");
  }
  Manifest m;
  m.election = typed<std::string>(json, "", "election");
  m.run_by = typed<std::string>(json, "", "run_by");
  m.council = typed<std::string>(json, "", "council");
  m.candidates = typed<std::vector<std::string>>(json, "", "candidates");
  const auto& count = field(json, "", "count");
  m.method = typed<std::string>(count, "count.", "method");
  m.seats = typed<int>(count, "count.", "seats");
  m.quota = typed<std::string>(count, "count.", "quota");
  const auto& places = field(count, "count.", "decimal_places");
  m.decimal_places = places.is_null() ? -1 : typed<int>(count, "count.", "decimal_places");
  m.exact = typed<bool>(count, "count.", "exact");
  m.batch_elimination = typed<bool>(count, "count.", "batch_elimination");
  m.withdrawn = typed<std::vector<std::string>>(count, "count.", "withdrawn");
  m.tie_seed = typed<std::string>(count, "count.", "tie_seed");
  m.look_back = typed<std::string>(count, "count.", "look_back");
  m.tie_order = typed<std::vector<std::string>>(count, "count.", "tie_order");
  m.overvote = typed<std::string>(count, "count.", "overvote");
  m.skipped_rank = typed<std::string>(count, "count.", "skipped_rank");
  m.repeated = typed<std::string>(count, "count.", "repeated");
  m.unknown_name = typed<std::string>(count, "count.", "unknown_name");
  m.opens = typed<std::string>(json, "", "opens");
  m.closes = typed<std::string>(json, "", "closes");
  const auto& roll = field(json, "", "roll");
  m.roll_included = typed<bool>(roll, "roll.", "included");
  if (m.roll_included) m.roll_salt = typed<std::string>(roll, "roll.", "salt");
  const auto& keys = field(json, "", "keys");
  m.log_key = key(keys, "log");
  m.returning_officer_key = key(keys, "returning_officer");
  return m;
}

namespace {
std::vector<CandidateId> ids(const std::vector<std::string>& names, const Manifest& m,
                             const char* what) {
  BallotLines lookup(m.candidates);
  std::vector<CandidateId> out;
  for (const auto& name : names) {
    auto id = lookup.id_of(name);
    if (!id) throw UsageError(fmt::format("manifest {}: \"{}\" is not a candidate", what, name));
    out.push_back(*id);
  }
  return out;
}

Remedy remedy(const std::string& name, const char* rule) {
  auto parsed = parse_remedy(name);
  if (!parsed) {
    throw UsageError(
        fmt::format("manifest count.{}: \"{}\" is not exhaust, skip, reject or error", rule, name));
  }
  return *parsed;
}
}  // namespace

CountOptions count_options(const Manifest& m) {
  CountOptions options;
  options.seats = m.seats;
  options.ties.seed = m.tie_seed;
  if (m.look_back == "none") {
    options.ties.look_back = TiePolicy::LookBack::none;
  } else if (m.look_back == "backward") {
    options.ties.look_back = TiePolicy::LookBack::backward;
  } else if (m.look_back == "forward") {
    options.ties.look_back = TiePolicy::LookBack::forward;
  } else {
    throw UsageError(fmt::format(
        "manifest count.look_back: \"{}\" is not none, backward or forward", m.look_back));
  }
  options.ties.order = ids(m.tie_order, m, "count.tie_order");
  options.overvote = remedy(m.overvote, "overvote");
  options.batch_elimination = m.batch_elimination;
  options.withdraw = ids(m.withdrawn, m, "count.withdrawn");
  static const std::set<std::string> quotas = {"", "droop", "droop-fractional", "hare",
                                               "hare-fractional"};
  if (!quotas.count(m.quota)) {
    throw UsageError(
        fmt::format("manifest count.quota: \"{}\" is not droop, droop-fractional, "
                    "hare or hare-fractional",
                    m.quota));
  }
  options.quota = m.quota;
  if (m.decimal_places < -1 || m.decimal_places > 9) {
    throw UsageError(
        fmt::format("manifest count.decimal_places: {} is not 0 to 9", m.decimal_places));
  }
  options.decimal_places = m.decimal_places;
  options.exact = m.exact;
  return options;
}

BallotRules ballot_rules(const Manifest& m) {
  BallotRules rules;
  rules.overvote = remedy(m.overvote, "overvote");
  rules.skipped_rank = remedy(m.skipped_rank, "skipped_rank");
  rules.repeated = remedy(m.repeated, "repeated");
  rules.unknown_name = remedy(m.unknown_name, "unknown_name");
  return rules;
}

}  // namespace veche
