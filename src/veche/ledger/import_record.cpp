#include <fmt/format.h>

#include <set>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"
#include "veche/ledger/record_profile.hpp"

namespace veche {

namespace {

// Ballots go in by the million, each chunk under its own head, so memory stays bounded.
constexpr std::size_t kChunk = 1'000'000;

// The rules of the manifest that set a ballot aside while the file was read. The readers
// count such ballots but keep nothing of them, so this is all a record can say of one.
std::vector<std::string> rejecting_rules(const Manifest& m) {
  std::vector<std::string> rules;
  for (const char* rule : {"skipped_rank", "repeated", "unknown_name"}) {
    if (rule_rejects(m, rule)) rules.emplace_back(rule);
  }
  return rules;
}

void append_ballots(Ledger& ledger, const Profile& profile) {
  BallotLines writer(profile.candidates);
  std::vector<std::string> chunk;
  auto add = [&](const std::string& line, Weight times) {
    for (Weight k = 0; k < times; ++k) {
      chunk.push_back(line);
      if (chunk.size() == kChunk) {
        ledger.append(chunk, {});
        chunk.clear();
      }
    }
  };
  for (std::size_t b = 0; b < profile.size(); ++b)
    add(writer.line(profile.ballot(b)), profile.weight(b));
  if (profile.rejected > 0) {
    auto rules = rejecting_rules(ledger.manifest());
    if (rules.empty()) {
      throw UsageError(
          fmt::format("{} ballots were set aside when read, but no ballot rule of the "
                      "count rejects a ballot",
                      profile.rejected));
    }
    add(BallotLines::rejected_line(rules), profile.rejected);
  }
  if (!chunk.empty()) ledger.append(chunk, {});
}

void append_roll(Ledger& ledger, const std::vector<std::string>& voters, Weight ballots) {
  if (voters.size() != ballots) {
    throw UsageError(
        fmt::format("the roll names {} voters but there are {} ballots", voters.size(), ballots));
  }
  std::set<std::string> lines;
  for (const auto& voter : voters) {
    if (!lines.insert(roll_line(ledger.manifest().roll_salt, voter)).second) {
      throw UsageError(fmt::format("the roll names \"{}\" twice", voter));
    }
  }
  ledger.append({}, {lines.begin(), lines.end()});
}

}  // namespace

void import_record(const fs::path& record, const Profile& profile, Manifest manifest,
                   const std::optional<std::vector<std::string>>& roll, const RecordKeys& keys) {
  if (fs::exists(record)) throw UsageError(fmt::format("{}: already exists", record.string()));
  fs::path building = record;
  building += ".importing";
  fs::remove_all(building);  // what a crashed import left

  manifest.candidates = profile.candidates;
  if (manifest.election.empty()) manifest.election = profile.title;
  if (manifest.seats < 1) manifest.seats = profile.seats;
  for (std::size_t c = 0; c < profile.withdrawn.size(); ++c) {
    if (profile.withdrawn[c]) manifest.withdrawn.push_back(profile.candidates[c]);
  }
  manifest.roll_included = roll.has_value();
  init_record(building, manifest, keys);
  {
    Ledger ledger(building, keys);
    append_ballots(ledger, profile);
    if (roll) append_roll(ledger, *roll, profile.total_weight() + profile.rejected);
    ledger.close();
  }
  count_record(building, keys);
  fs::rename(building, record);
  sync_directory(fs::absolute(record).parent_path());
}

}  // namespace veche
