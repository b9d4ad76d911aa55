// The public record's speed: durable appends per second, and `verify` against the raw
// speed of SHA-256 over the same bytes.
//
//   ledger_bench                                   (all)
//   ledger_bench --benchmark_filter=Append         appends, durable batches
//   VECHE_BENCH_BALLOTS=10000000 ledger_bench --benchmark_filter=Verify
//
// The verify record (IRV, 13 candidates) is built once under $TMPDIR and kept between runs
// (veche-ledger-bench-N); delete it to rebuild.
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>

#include "veche/ledger/record.hpp"

namespace {

using namespace veche;

std::size_t verify_ballots() {
  const char* n = std::getenv("VECHE_BENCH_BALLOTS");
  return n ? std::strtoull(n, nullptr, 10) : 10'000'000;
}

std::vector<std::string> candidate_names(int n) {
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.push_back(std::string("Candidate ") + char('A' + i));
  return names;
}

Manifest bench_manifest(int candidates) {
  Manifest m;
  m.election = "Bench election";
  m.run_by = "ledger_bench";
  m.council = "Bench council";
  m.candidates = candidate_names(candidates);
  m.method = "irv";
  return m;
}

// Ballots of 1 to 13 preferences, drawn with a skew toward a few favourites, as real
// IRV profiles are: many voters, far fewer distinct ballots.
std::vector<std::vector<std::vector<CandidateId>>> sample_ballots(std::size_t n, int candidates,
                                                                  unsigned seed) {
  std::mt19937_64 random(seed);
  std::vector<std::vector<std::vector<CandidateId>>> out;
  out.reserve(n);
  std::vector<CandidateId> order(candidates);
  for (std::size_t i = 0; i < n; ++i) {
    for (int c = 0; c < candidates; ++c) order[c] = static_cast<CandidateId>(c);
    for (int c = 0; c < candidates; ++c) {
      std::geometric_distribution<int> skew(0.35);
      int pick = c + std::min(skew(random), candidates - c - 1);
      std::swap(order[c], order[pick]);
    }
    int length = 1 + static_cast<int>(random() % static_cast<unsigned>(candidates));
    auto& ballot = out.emplace_back();
    for (int r = 0; r < length; ++r) ballot.push_back({order[r]});
  }
  return out;
}

fs::path fresh_folder(const std::string& name) {
  fs::path folder = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

// Casts through the same call the server uses: canonical lines, salted roll hashes, a
// shuffle, both logs written and fdatasync'd, two heads signed and synced, receipts.
void BM_AppendDurable(benchmark::State& state) {
  const std::size_t batch_size = static_cast<std::size_t>(state.range(0));
  fs::path folder = fresh_folder("veche-append-bench");
  RecordKeys keys = open_keys(folder / "keys");
  init_record(folder / "record", bench_manifest(13), keys);
  Ledger ledger(folder / "record", keys);
  auto names = candidate_names(13);
  std::vector<CastBallot> batch(batch_size);
  auto samples = sample_ballots(batch_size, 13, 7);
  for (std::size_t i = 0; i < batch_size; ++i) {
    for (const auto& rank : samples[i]) batch[i].ranks.push_back({names[rank[0]]});
  }
  std::uint64_t voter = 0;
  std::clock_t cpu_start = std::clock();
  for (auto _ : state) {
    state.PauseTiming();
    for (auto& b : batch) b.voter = "voter-" + std::to_string(voter++);
    state.ResumeTiming();
    benchmark::DoNotOptimize(ledger.cast(batch));
  }
  state.counters["ballots/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * batch_size), benchmark::Counter::kIsRate);
  // On a shared machine the wall clock counts time spent waiting for a core; CPU time
  // (plus the fsync waits, which are in the wall clock only) is what the code costs.
  double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  state.counters["ballots/cpu_s"] =
      static_cast<double>(state.iterations() * batch_size) / cpu_seconds;
  fs::remove_all(folder);
}
BENCHMARK(BM_AppendDurable)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The record verify reads: built once by import (the path `veche record import` takes).
fs::path verify_record_folder() {
  std::size_t n = verify_ballots();
  fs::path folder = fs::temp_directory_path() / ("veche-ledger-bench-" + std::to_string(n));
  if (fs::exists(folder / "record" / "outcome.json")) return folder / "record";
  fs::remove_all(folder);
  fs::create_directories(folder);
  ProfileBuilder builder(candidate_names(13));
  // Distinct ballots with heavy repetition: draw 400k, weight them to n in total.
  std::size_t distinct = std::min<std::size_t>(n, 400'000);
  auto samples = sample_ballots(distinct, 13, 2026);
  for (std::size_t i = 0; i < distinct; ++i) {
    Weight weight = n / distinct + (i < n % distinct ? 1 : 0);
    builder.add(samples[i], weight);
  }
  Profile profile = std::move(builder).finish();
  profile.seats = 1;
  Manifest m = bench_manifest(13);
  auto start = std::chrono::steady_clock::now();
  import_record(folder / "record", profile, m, std::nullopt, open_keys(folder / "keys"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "built %zu-ballot record in %.1f s (%.0f ballots/s through import)\n", n,
               seconds, static_cast<double>(n) / seconds);
  return folder / "record";
}

double seconds_of_command(const std::string& command) {
  auto start = std::chrono::steady_clock::now();
  if (std::system(command.c_str()) != 0) return -1;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void BM_Verify(benchmark::State& state) {
  fs::path record = verify_record_folder();
  double bytes = static_cast<double>(fs::file_size(record / "ballots.jsonl"));
  bool all_hold = true;
  for (auto _ : state) {
    for (const Check& c : verify_record(record)) all_hold &= c.holds;
  }
  if (!all_hold) state.SkipWithError("the bench record does not verify");
  // The yardsticks, in the same run on the same bytes.
  double sha256sum =
      seconds_of_command("sha256sum " + (record / "ballots.jsonl").string() + " >/dev/null");
  state.counters["ballots"] = static_cast<double>(verify_ballots());
  state.counters["MB/s"] = benchmark::Counter(bytes / 1e6 * static_cast<double>(state.iterations()),
                                              benchmark::Counter::kIsRate);
  state.counters["sha256sum_s"] = sha256sum;
  state.counters["sha256sum_MB/s"] = bytes / 1e6 / sha256sum;
}
BENCHMARK(BM_Verify)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// Raw libsodium SHA-256 over the ballots file, one pass: the speed verify is measured against.
void BM_Sha256OfBallots(benchmark::State& state) {
  fs::path record = verify_record_folder();
  std::FILE* file = std::fopen((record / "ballots.jsonl").c_str(), "rb");
  std::vector<unsigned char> buffer(1 << 20);
  double bytes = 0;
  for (auto _ : state) {
    std::rewind(file);
    crypto_hash_sha256_state sha;
    crypto_hash_sha256_init(&sha);
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
      crypto_hash_sha256_update(&sha, buffer.data(), n);
      bytes += static_cast<double>(n);
    }
    unsigned char out[32];
    crypto_hash_sha256_final(&sha, out);
    benchmark::DoNotOptimize(out);
  }
  std::fclose(file);
  state.counters["MB/s"] = benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Sha256OfBallots)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// The Merkle tree alone over the ballots file: leaf hashes and node hashes, no parsing.
void BM_MerkleRootOfBallots(benchmark::State& state) {
  fs::path record = verify_record_folder();
  std::FILE* file = std::fopen((record / "ballots.jsonl").c_str(), "rb");
  std::string line;
  std::vector<char> buffer(1 << 20);
  double bytes = 0;
  for (auto _ : state) {
    std::rewind(file);
    TreeBuilder tree;
    std::string carry;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
      bytes += static_cast<double>(n);
      std::string_view chunk(buffer.data(), n);
      std::size_t start = 0, end;
      while ((end = chunk.find('\n', start)) != std::string_view::npos) {
        if (carry.empty()) {
          tree.append(leaf_hash(chunk.substr(start, end - start)));
        } else {
          carry.append(chunk.substr(start, end - start));
          tree.append(leaf_hash(carry));
          carry.clear();
        }
        start = end + 1;
      }
      carry.append(chunk.substr(start));
    }
    benchmark::DoNotOptimize(tree.root());
  }
  std::fclose(file);
  state.counters["MB/s"] = benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MerkleRootOfBallots)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
