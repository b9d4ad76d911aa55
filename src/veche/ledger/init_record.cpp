#include <fmt/format.h>
#include <sodium.h>

#include <set>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

void check_setup(const Manifest& m) {
  if (m.candidates.empty()) throw UsageError("an election needs at least one candidate");
  std::set<std::string> seen;
  for (const auto& name : m.candidates) {
    if (name.empty()) throw UsageError("a candidate has no name");
    if (!seen.insert(name).second) throw UsageError(fmt::format("\"{}\" is listed twice", name));
  }
  if (!find_count_method(m.method)) {
    throw UsageError(fmt::format("unknown method \"{}\"; `veche methods` lists them", m.method));
  }
  if (m.seats < 1) throw UsageError("seats must be at least 1");
  count_options(m);  // every name in the options is a candidate
  ballot_rules(m);
}

TreeHead first_head(const char* log, const std::string& election, const SigningKey& key) {
  TreeHead head{election, log, 0, empty_tree_root(), utc_now(), false, {}, ""};
  sign_head(head, key);
  return head;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> salt(bytes);
  randombytes_buf(salt.data(), salt.size());
  return to_hex(Bytes(salt));
}

}  // namespace

void init_record(const fs::path& record, Manifest manifest, const RecordKeys& keys) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  if (fs::exists(record / kManifest)) {
    throw UsageError(fmt::format("{}: already holds a record", record.string()));
  }
  manifest.log_key = keys.log.public_key;
  manifest.returning_officer_key = keys.returning_officer.public_key;
  if (manifest.roll_included && manifest.roll_salt.empty()) manifest.roll_salt = random_hex(16);
  if (manifest.opens.empty()) manifest.opens = utc_now();
  check_setup(manifest);

  fs::create_directories(record);
  std::string text = manifest_json(manifest).dump(2) + "\n";
  std::string election = sha256_hex(text);
  std::string heads;
  if (manifest.roll_included) {
    write_file_durably(record / kRoll, "");
    heads += head_line(first_head("roll", election, keys.log)) + "\n";
  }
  write_file_durably(record / kBallots, "");
  heads += head_line(first_head("ballots", election, keys.log)) + "\n";
  write_file_durably(record / kHeads, heads);
  // The manifest last: a folder without one is no record, so a crash here leaves none.
  write_file_durably(record / kManifest, text);
}

}  // namespace veche
