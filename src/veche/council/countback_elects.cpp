#include <fmt/format.h>

#include "veche/core/error.hpp"
#include "veche/council/refill.hpp"
#include "veche/count/countback.hpp"
#include "veche/ledger/record.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

CandidateId id_of(const Profile& profile, const std::string& name) {
  auto at = std::find(profile.candidates.begin(), profile.candidates.end(), name);
  if (at == profile.candidates.end())
    throw UsageError(fmt::format("\"{}\" is not a candidate in the record", name));
  return static_cast<CandidateId>(at - profile.candidates.begin());
}

}  // namespace

// The record is counted as `veche verify` recounts it (its manifest's method and options,
// its ballots log), then counted back as `veche countback` does.
std::string countback_elects(const fs::path& record, const CountbackSeat& seat) {
  Manifest manifest = read_manifest(record).manifest;
  const Method* method = find_count_method(manifest.method);
  if (!method) throw UsageError(fmt::format("unknown method \"{}\"", manifest.method));
  Profile profile = record_profile(record, manifest);
  Vacancy vacancy{id_of(profile, seat.vacating), {}, {}};
  for (const std::string& name : seat.not_standing)
    vacancy.not_standing.push_back(id_of(profile, name));
  Outcome outcome = count_back(*method, profile, count_options(manifest), vacancy);
  return outcome.candidates.at(outcome.elected.at(0));
}

}  // namespace veche
