#include <fmt/format.h>

#include <unordered_map>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"
#include "veche/ledger/record_profile.hpp"

namespace veche {

Profile profile_of_lines(std::string_view complete, std::uint64_t size, const Manifest& manifest,
                         const std::string& file, std::uint64_t& bad_line, std::string& why) {
  // Real elections repeat ballots heavily: each distinct line is read once, with its count.
  std::unordered_map<std::string_view, std::size_t> index;
  std::vector<std::pair<std::string_view, std::pair<Weight, std::uint64_t>>> distinct;
  for_each_line(complete, [&](std::uint64_t n, std::string_view line) {
    if (n > size) return false;
    auto [it, inserted] = index.try_emplace(line, distinct.size());
    if (inserted) {
      distinct.push_back({line, {0, n}});
    }
    ++distinct[it->second].second.first;
    return true;
  });
  BallotLines reader(manifest.candidates);
  ProfileBuilder builder(manifest.candidates);
  bad_line = 0;
  for (const auto& [line, seen] : distinct) {
    auto ranks = reader.read(line, why);
    if (!ranks) {
      bad_line = seen.second;
      throw InputError(file, seen.second, "", why);
    }
    builder.add(*ranks, seen.first);
  }
  Profile profile = std::move(builder).finish();
  profile.title = manifest.election;
  profile.seats = manifest.seats;
  return profile;
}

Profile record_profile(const fs::path& record, const Manifest& manifest) {
  HeadsFile heads = read_heads(record / kHeads);
  std::optional<std::uint64_t> size;
  for (const auto& line : heads.lines) {
    if (line.head && line.head->log == "ballots") size = line.head->size;
  }
  if (!size) throw UsageError(fmt::format("{}: no ballots head", (record / kHeads).string()));
  MappedFile ballots(record / kBallots);
  std::uint64_t bad_line = 0;
  std::string why;
  return profile_of_lines(split_torn(ballots.text()).complete, *size, manifest,
                          (record / kBallots).string(), bad_line, why);
}

}  // namespace veche
