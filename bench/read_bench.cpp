// How fast the ballot readers go, in MB/s of file, against SHA-256 over the same bytes as
// a yardstick for "as fast as reading the file at all".
//
//   read_bench [--benchmark_filter=Blt]     (VECHE_BENCH_BALLOTS sets the size, default 1M)
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "veche/io/read.hpp"

#define VECHE_GENERATE_NO_MAIN
#include "generate.cpp"

namespace {

std::size_t ballots_wanted() {
  const char* n = std::getenv("VECHE_BENCH_BALLOTS");
  return n ? std::strtoull(n, nullptr, 10) : 1'000'000;
}

// One synthetic election a format, made once, kept in memory and in a temporary file.
struct Sample {
  std::string text;
  std::string path;

  explicit Sample(const std::string& format) {
    veche::bench::Electorate e;
    e.ballots = ballots_wanted();
    e.candidates = 10;
    e.seed = 2026;
    e.format = format;
    veche::bench::write_election(e, text);
    path = (std::filesystem::temp_directory_path() /
            ("veche-read-bench-" + std::to_string(::getpid()) + "." + format))
               .string();
    std::ofstream(path, std::ios::binary) << text;
  }
  ~Sample() { std::filesystem::remove(path); }
};

const Sample& sample(const std::string& format) {
  static Sample blt("blt");
  static Sample csv("csv");
  return format == "blt" ? blt : csv;
}

void read_file_bench(benchmark::State& state, const std::string& format) {
  const Sample& s = sample(format);
  for (auto _ : state) {
    veche::Profile p = veche::read_ballots(s.path, format, {});
    benchmark::DoNotOptimize(p.total_weight());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.text.size()));
  state.counters["ballots"] = static_cast<double>(ballots_wanted());
}

void parse_blt_bench(benchmark::State& state) {
  const Sample& s = sample("blt");
  for (auto _ : state) {
    veche::Profile p = veche::parse_blt(s.text, s.path, {});
    benchmark::DoNotOptimize(p.total_weight());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.text.size()));
}

void parse_csv_bench(benchmark::State& state) {
  const Sample& s = sample("csv");
  for (auto _ : state) {
    veche::Profile p = veche::parse_csv_ranked(s.text, s.path, {});
    benchmark::DoNotOptimize(p.total_weight());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.text.size()));
}

void sha256_bench(benchmark::State& state) {
  const Sample& s = sample("blt");
  unsigned char digest[crypto_hash_sha256_BYTES];
  for (auto _ : state) {
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(s.text.data()),
                       s.text.size());
    benchmark::DoNotOptimize(digest);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.text.size()));
}

}  // namespace

BENCHMARK_CAPTURE(read_file_bench, Blt, std::string("blt"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_file_bench, Csv, std::string("csv"))->Unit(benchmark::kMillisecond);
BENCHMARK(parse_blt_bench)->Unit(benchmark::kMillisecond);
BENCHMARK(parse_csv_bench)->Unit(benchmark::kMillisecond);
BENCHMARK(sha256_bench)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
