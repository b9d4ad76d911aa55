// How long a seat-by-seat divisor table and a largest-remainder count take as houses and
// party lists grow; every comparison is an exact GMP one.
#include <benchmark/benchmark.h>

#include <string>

#include "veche/apportion/method.hpp"

namespace {

// `parties` parties with made-up but uneven votes, a few million in all.
veche::PartyVotes made_up_votes(int parties) {
  veche::PartyVotes pv;
  std::uint64_t x = 2463534242;
  for (int p = 0; p < parties; ++p) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    pv.parties.push_back("P" + std::to_string(p));
    pv.votes.push_back(1000 + x % 5'000'000);
  }
  return pv;
}

void apportion(benchmark::State& state, const char* method) {
  veche::PartyVotes pv = made_up_votes(static_cast<int>(state.range(0)));
  veche::ApportionOptions options;
  options.seats = static_cast<int>(state.range(1));
  const veche::ApportionMethod* m = veche::find_apportion_method(method);
  for (auto _ : state) benchmark::DoNotOptimize(m->apportion(pv, options));
  state.SetItemsProcessed(state.iterations() * options.seats);
}

}  // namespace

// The US House (50 states, 435 seats), the Bundestag (7 parties, 630), and a large house.
BENCHMARK_CAPTURE(apportion, huntington_hill, "huntington-hill")
    ->Args({50, 435})
    ->Args({50, 10000});
BENCHMARK_CAPTURE(apportion, sainte_lague, "sainte-lague")->Args({7, 630})->Args({100, 10000});
BENCHMARK_CAPTURE(apportion, dhondt, "dhondt")->Args({7, 630})->Args({100, 10000});
BENCHMARK_CAPTURE(apportion, hare, "hare")->Args({7, 630})->Args({100, 10000});

BENCHMARK_MAIN();
