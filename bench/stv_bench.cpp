// How long STV counts of real Scottish wards take: the rule's target is every ward in
// under 5 ms. Reading the ballot file is left out; only the count is timed.
//
//   build/release/bench/stv_bench            (finds the unpacked test data itself)
//   VECHE_SCOTLAND_DATA=/path/to/scotland-2017 stv_bench --benchmark_filter=stv-meek
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "veche/count/methods.hpp"
#include "veche/io/read.hpp"

namespace {

namespace fs = std::filesystem;

// The data the test build unpacks, beside this program in the build tree, unless the
// environment says where.
fs::path scotland_data() {
  if (const char* env = std::getenv("VECHE_SCOTLAND_DATA")) return env;
  return fs::read_symlink("/proc/self/exe").parent_path().parent_path() /
         "tests/data/scotland-2017";
}

veche::Profile ward(const std::string& file) {
  return veche::read_ballots((scotland_data() / file).string(), "", {});
}

// The largest electorate, the most candidates, and a leading 12-candidate ward.
const char* const kWards[] = {
    "city-of-edinburgh/almond.blt",      // 14,207 ballots, 10 candidates
    "city-of-edinburgh/leith-walk.blt",  // the most distinct ballots
    "glasgow-city/linn.blt",             // 12 candidates
    "aberdeen-city/dyce-bucksburn-danestone.blt",
};

void count_ward(benchmark::State& state, veche::CountFunction count, const char* file) {
  veche::Profile profile = ward(file);
  for (auto _ : state) {
    veche::Outcome outcome = count(profile, {});
    benchmark::DoNotOptimize(outcome);
  }
  state.counters["ballots"] = static_cast<double>(profile.total_weight());
  state.counters["distinct"] = static_cast<double>(profile.size());
}

// CPU time of this thread, so a busy machine does not inflate the slowest ward.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// All 351 wards, one after the other; `slowest_ms` is the worst single ward (CPU time).
void every_ward(benchmark::State& state, veche::CountFunction count) {
  std::vector<veche::Profile> profiles;
  for (const auto& entry : fs::recursive_directory_iterator(scotland_data())) {
    if (entry.path().extension() == ".blt")
      profiles.push_back(veche::read_ballots(entry.path().string(), "", {}));
  }
  double slowest = 0;
  for (auto _ : state) {
    for (const veche::Profile& profile : profiles) {
      double start = thread_cpu_ms();
      veche::Outcome outcome = count(profile, {});
      benchmark::DoNotOptimize(outcome);
      slowest = std::max(slowest, thread_cpu_ms() - start);
    }
  }
  state.counters["wards"] = static_cast<double>(profiles.size());
  state.counters["slowest_ms"] = slowest;
}

// Every STV rule veche counts, by the name `veche methods` gives it.
struct Rule {
  const char* name;
  veche::CountFunction count;
};
const Rule kRules[] = {{"stv-scottish", veche::count_stv_scottish},
                       {"stv-wigm", veche::count_stv_wigm},
                       {"stv-meek", veche::count_stv_meek},
                       {"stv-ers97", veche::count_stv_ers97},
                       {"stv-gregory", veche::count_stv_gregory}};

void register_benchmarks() {
  for (const Rule& rule : kRules) {
    for (const char* file : kWards) {
      benchmark::RegisterBenchmark((std::string(rule.name) + "/" + file).c_str(), count_ward,
                                   rule.count, file)
          ->Unit(benchmark::kMicrosecond);
    }
    benchmark::RegisterBenchmark((std::string(rule.name) + "/every-ward").c_str(), every_ward,
                                 rule.count)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!fs::exists(scotland_data() / "official.json")) {
    std::cerr << "stv_bench: no Scottish data at " << scotland_data()
              << "; build the tests once, or set VECHE_SCOTLAND_DATA\n";
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
