// IRV and Schulze on synthetic elections of up to a million voters.
//
// Voters and candidates sit on a 1000 × 1000 grid of two issues; a voter ranks candidates
// by squared distance plus some noise, and half the voters stop after a random number of
// preferences. The profile is built once per size, outside the timing; the timing is the
// count alone (reading a file is bench/read_bench.cpp's business).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/profile.hpp"
#include "veche/count/methods.hpp"

namespace {

using veche::CandidateId;
using veche::Profile;

Profile synthetic_election(std::int64_t voters, std::int64_t candidates) {
  std::mt19937_64 random(20061107);
  std::uniform_int_distribution<std::int64_t> issue(0, 999);
  std::uniform_int_distribution<std::int64_t> noise(0, 150000);
  std::vector<std::pair<std::int64_t, std::int64_t>> seats;
  std::vector<std::string> names;
  for (std::int64_t c = 0; c < candidates; ++c) {
    seats.emplace_back(issue(random), issue(random));
    names.push_back("Candidate " + std::to_string(c + 1));
  }
  veche::ProfileBuilder builder(names);
  std::vector<std::int64_t> distance(static_cast<std::size_t>(candidates));
  std::vector<CandidateId> ranking(static_cast<std::size_t>(candidates));
  std::uniform_int_distribution<std::size_t> stop(1, static_cast<std::size_t>(candidates));
  for (std::int64_t v = 0; v < voters; ++v) {
    const std::int64_t x = issue(random), y = issue(random);
    for (std::size_t c = 0; c < ranking.size(); ++c) {
      const std::int64_t dx = x - seats[c].first, dy = y - seats[c].second;
      distance[c] = dx * dx + dy * dy + noise(random);
      ranking[c] = static_cast<CandidateId>(c);
    }
    std::sort(ranking.begin(), ranking.end(),
              [&](CandidateId a, CandidateId b) { return distance[a] < distance[b]; });
    const std::size_t ranked = v % 2 == 0 ? ranking.size() : stop(random);
    builder.add_strict({ranking.data(), ranked}, 1);
  }
  return std::move(builder).finish();
}

const Profile& election(std::int64_t voters, std::int64_t candidates) {
  static std::map<std::pair<std::int64_t, std::int64_t>, Profile> made;
  auto key = std::make_pair(voters, candidates);
  auto it = made.find(key);
  if (it == made.end()) it = made.emplace(key, synthetic_election(voters, candidates)).first;
  return it->second;
}

void count(benchmark::State& state,
           veche::Outcome (*method)(const Profile&, const veche::CountOptions&),
           bool batch = false) {
  const Profile& profile = election(state.range(0), state.range(1));
  veche::CountOptions options;
  options.batch_elimination = batch;
  for (auto _ : state) {
    veche::Outcome outcome = method(profile, options);
    benchmark::DoNotOptimize(outcome);
  }
  state.counters["distinct_ballots"] = static_cast<double>(profile.size());
  state.counters["voters_per_second"] = benchmark::Counter(
      static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

void BM_Irv(benchmark::State& state) {
  count(state, veche::count_irv);
}
void BM_IrvBatch(benchmark::State& state) {
  count(state, veche::count_irv, true);
}
void BM_Schulze(benchmark::State& state) {
  count(state, veche::count_schulze);
}
void BM_RankedPairs(benchmark::State& state) {
  count(state, veche::count_ranked_pairs);
}

}  // namespace

BENCHMARK(BM_Irv)->Args({100'000, 13})->Args({1'000'000, 13})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IrvBatch)->Args({1'000'000, 13})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Schulze)->Args({100'000, 20})->Args({1'000'000, 20})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RankedPairs)->Args({1'000'000, 20})->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
