#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <fstream>
#include <numeric>
#include <sstream>

#include "veche/core/error.hpp"
#include "veche/council/election.hpp"
#include "veche/council/seeded_draws.hpp"
#include "veche/count/method.hpp"

namespace veche {

namespace {

// Each candidate's popularity, 1 to 100, from the seed: some candidates draw more
// preferences than others, so a made-up count has winners and losers like a real one.
std::vector<std::uint64_t> popularity(const DelegateElection& e) {
  SeededDraws draws(e.generated.seed, e.council + ":popularity");
  std::vector<std::uint64_t> weights;
  for (std::size_t c = 0; c < e.candidates.size(); ++c) weights.push_back(1 + draws.next() % 100);
  return weights;
}

// One voter's ranking: candidates drawn by popularity without replacement, stopping after
// a random number of preferences (at least one).
std::vector<CandidateId> generated_ballot(SeededDraws& draws, std::vector<std::uint64_t> weights,
                                          bool one_mark) {
  std::size_t length = one_mark ? 1 : 1 + draws.next() % weights.size();
  std::vector<CandidateId> ranking;
  std::uint64_t total = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
  while (ranking.size() < length) {
    std::uint64_t pick = draws.next() % total;
    CandidateId c = 0;
    while (pick >= weights[c]) pick -= weights[c++];
    ranking.push_back(c);
    total -= weights[c];
    weights[c] = 0;
  }
  return ranking;
}

void add_generated(const DelegateElection& e, ProfileBuilder& builder) {
  std::vector<std::uint64_t> weights = popularity(e);
  SeededDraws draws(e.generated.seed, e.council + ":ballots");
  for (std::uint64_t v = 0; v < e.generated.voters; ++v)
    builder.add_strict(generated_ballot(draws, weights, !e.lists.empty()), 1);
}

void add_given(const DelegateElection& e, ProfileBuilder& builder) {
  for (const BallotGroup& group : e.ballots) {
    std::vector<CandidateId> ranking;
    for (const std::string& name : group.ranks) {
      auto at = std::find(e.candidates.begin(), e.candidates.end(), name);
      if (at == e.candidates.end()) {
        throw UsageError(fmt::format("{}: \"{}\" is not a candidate", e.council, name));
      }
      ranking.push_back(static_cast<CandidateId>(at - e.candidates.begin()));
    }
    std::vector<std::vector<CandidateId>> groups;
    for (CandidateId c : ranking) groups.push_back({c});
    builder.add(groups, group.count);
  }
}

}  // namespace

Profile election_profile(const DelegateElection& e) {
  ProfileBuilder builder(e.candidates);
  if (e.generated.voters > 0) {
    add_generated(e, builder);
  } else {
    add_given(e, builder);
  }
  Profile profile = std::move(builder).finish();
  profile.title = fmt::format("{}: delegates to {}", e.council, e.to);
  profile.seats = e.seats;
  return profile;
}

ElectionResult hold_election(const DelegateElection& e, const std::filesystem::path& record,
                             const RecordKeys& keys) {
  bool list = !e.lists.empty();
  if (!list && !find_count_method(e.method))
    throw UsageError(fmt::format("unknown method \"{}\"", e.method));
  Profile profile = election_profile(e);
  Manifest manifest;
  manifest.election = profile.title;
  manifest.run_by = fmt::format("Returning officer of {}", e.council);
  manifest.council = e.council;
  // A list election's record counts the parties' votes; lists.json shares the seats.
  manifest.seats = list ? 1 : e.seats;
  manifest.method = list ? "plurality" : e.method;
  profile.seats = manifest.seats;
  manifest.tie_seed = e.tie_seed;
  // The ballots of a scenario name no voters, so this record carries no roll.
  import_record(record, profile, manifest, std::nullopt, keys);
  if (list) write_lists(record, e);
  return {e.council, e.method, e.seats, profile.total_weight(), elected_in_record(record), record};
}

std::vector<std::string> elected_in_record(const std::filesystem::path& record) {
  if (fs::exists(record / kLists)) return list_elected(record);
  std::ifstream in(record / "outcome.json");
  std::stringstream text;
  text << in.rdbuf();
  auto document = nlohmann::json::parse(text.str(), nullptr, false);
  if (document.is_discarded() || !document.contains("outcome") ||
      !document["outcome"].contains("elected")) {
    throw std::invalid_argument(fmt::format("{}: no readable outcome.json", record.string()));
  }
  return document["outcome"]["elected"].get<std::vector<std::string>>();
}

}  // namespace veche
