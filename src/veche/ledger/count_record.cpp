#include <fmt/format.h>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"
#include "veche/ledger/record_profile.hpp"
#include "veche/report/report.hpp"

namespace veche {

nlohmann::ordered_json outcome_document(const Outcome& outcome, const Manifest& manifest,
                                        const std::string& manifest_sha256,
                                        const std::vector<HeadLine>& final_heads) {
  nlohmann::ordered_json heads = nlohmann::ordered_json::object();
  for (const HeadLine& line : final_heads) {
    heads[line.head->log] = {{"line", line.line},
                             {"size", line.head->size},
                             {"root", to_hex(line.head->root)},
                             {"sha256", sha256_hex(line.bytes)}};
  }
  return {{"format", "veche-outcome-v1"},
          {"manifest_sha256", manifest_sha256},
          {"final_heads", heads},
          {"count", manifest_json(manifest)["count"]},
          {"outcome", outcome_json(outcome)}};
}

// Keys sorted, no spaces, UTF-8 as is: the same document signs the same however the
// file is laid out.
std::string outcome_signed_bytes(const nlohmann::json& document) {
  nlohmann::json unsigned_part = document;
  unsigned_part.erase("signature");
  return "veche-outcome-v1\n" + unsigned_part.dump();
}

Outcome count_record(const fs::path& record, const RecordKeys& keys) {
  ManifestFile manifest = read_manifest(record);
  if (keys.returning_officer.public_key != manifest.manifest.returning_officer_key) {
    throw UsageError("the returning officer's key given is not the one manifest.json names");
  }
  HeadsFile heads = read_heads(record / kHeads);
  std::vector<HeadLine> closing;
  for (const auto& line : heads.lines) {
    if (line.head && line.head->closed) closing.push_back(line);
  }
  bool closed = std::any_of(closing.begin(), closing.end(),
                            [](const HeadLine& l) { return l.head->log == "ballots"; });
  if (!closed)
    throw UsageError(
        fmt::format("{}: not closed yet; `veche record close` first", record.string()));

  const Method* method = find_count_method(manifest.manifest.method);
  if (!method) throw UsageError(fmt::format("unknown method \"{}\"", manifest.manifest.method));
  Profile profile = record_profile(record, manifest.manifest);
  Outcome outcome = method->count(profile, count_options(manifest.manifest));

  nlohmann::ordered_json document =
      outcome_document(outcome, manifest.manifest, manifest.sha256, closing);
  document["signature"] =
      sign(outcome_signed_bytes(nlohmann::json(document)), keys.returning_officer);
  write_file_durably(record / kOutcome, document.dump(1) + "\n");
  return outcome;
}

}  // namespace veche
