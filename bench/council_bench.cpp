// A federation at scale: 10,000 local councils and 5,000,000 members. The delegations are
// apportioned, every local council elects its delegates by STV from made-up ballots (one a
// member) into a public record, every delegate's mandate is signed, and the congress's
// credentials check verifies every mandate and every record (recount included). The figure
// to compare with is SHA-256 over the records' bytes, measured in the same run. Stages are
// timed in CPU seconds of this one-threaded process, so a busy machine does not inflate them;
// total_wall_s is the wall clock.
//
//   council_bench                      (10,000 councils, 5,000,000 members)
//   VECHE_BENCH_COUNCILS=1000 VECHE_BENCH_MEMBERS=500000 council_bench
//
// Records go under $TMPDIR (a tmpfs such as /dev/shm keeps fsync out of the figure):
//   TMPDIR=/dev/shm council_bench
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "veche/council/credentials.hpp"
#include "veche/council/election.hpp"
#include "veche/council/mandate.hpp"

namespace {

using namespace veche;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::uint64_t setting(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  return value ? std::strtoull(value, nullptr, 10) : fallback;
}

// CPU seconds of this process: on a shared machine the wall clock measures the others too.
double cpu_now() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sizes that vary from council to council and add up to `members` exactly.
Organisation federation(std::uint64_t councils, std::uint64_t members) {
  Organisation o;
  o.name = "Federation";
  o.add_council("Congress", CouncilLevel::congress);
  std::uint64_t left = members;
  for (std::uint64_t i = 0; i < councils; ++i) {
    std::uint64_t mean = members / councils;
    std::uint64_t size = i + 1 == councils ? left : mean / 2 + (i * 7919) % mean;
    CouncilId id = o.add_council("L" + std::to_string(i), CouncilLevel::local, "Congress");
    o.council(id).attested_members = size;
    left -= size;
  }
  return o;
}

std::uint64_t bytes_hashed(const fs::path& root) {
  std::uint64_t bytes = 0;
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buffer(1 << 20);
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
      crypto_hash_sha256_update(&state, reinterpret_cast<unsigned char*>(buffer.data()),
                                static_cast<unsigned long long>(in.gcount()));
      bytes += static_cast<std::uint64_t>(in.gcount());
    }
  }
  unsigned char digest[32];
  crypto_hash_sha256_final(&state, digest);
  benchmark::DoNotOptimize(digest);
  return bytes;
}

void BM_Federation(benchmark::State& state) {
  std::uint64_t councils = setting("VECHE_BENCH_COUNCILS", 10'000);
  std::uint64_t members = setting("VECHE_BENCH_MEMBERS", 5'000'000);
  fs::path root = fs::temp_directory_path() / "veche-council-bench";
  for (auto _ : state) {
    fs::remove_all(root);
    fs::create_directories(root);
    auto start = Clock::now();
    double cpu_start = cpu_now();
    Organisation o = federation(councils, members);
    DelegationRule rule;
    rule.kind = DelegationRule::Kind::ratio;
    rule.per = 250;
    DelegationTable table = apportion_delegations(o, 0, rule);
    double apportion = cpu_now() - cpu_start;

    double elections_start = cpu_now();
    std::vector<Mandate> mandates;
    for (const DelegationRow& row : table.rows) {
      DelegateElection e;
      e.council = row.name;
      e.to = "Congress";
      e.method = "stv-scottish";
      e.seats = row.delegates;
      for (int c = 0; c < row.delegates + 3; ++c)
        e.candidates.push_back(row.name + "-" + std::to_string(c));
      e.generated = {row.basis, row.name};
      RecordKeys keys{new_signing_key(), new_signing_key()};
      ElectionResult result = hold_election(e, root / row.name, keys);
      for (const std::string& d : result.elected) {
        mandates.push_back(
            {row.name, d, issue_mandate(root, row.name, d, "Congress", keys.returning_officer)});
      }
    }
    double elections = cpu_now() - elections_start;

    double check_start = cpu_now();
    CredentialsReport report = check_credentials(o, table, mandates, root);
    double check = cpu_now() - check_start;
    double total = cpu_now() - cpu_start;
    double wall = seconds_since(start);
    if (!report.refused.empty()) state.SkipWithError(report.refused.front().reason.c_str());

    double hash_start = cpu_now();
    std::uint64_t bytes = bytes_hashed(root);
    double hash = cpu_now() - hash_start;

    state.counters["councils"] = static_cast<double>(councils);
    state.counters["members"] = static_cast<double>(members);
    state.counters["delegates"] = static_cast<double>(table.total);
    state.counters["seated"] = static_cast<double>(report.seated.size());
    state.counters["apportion_cpu_s"] = apportion;
    state.counters["elections_cpu_s"] = elections;
    state.counters["credentials_cpu_s"] = check;
    state.counters["total_cpu_s"] = total;
    state.counters["total_wall_s"] = wall;
    state.counters["record_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["sha256_cpu_s"] = hash;
    state.counters["total_over_sha256"] = total / hash;
  }
  fs::remove_all(root);
}
BENCHMARK(BM_Federation)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
