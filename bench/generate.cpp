// `generate`: a large synthetic election for benchmarks, deterministic for a seed.
//
// Voters and candidates stand at random points of a square "issue space"; each voter ranks
// the candidates by distance, blurred by Gaussian noise, and half the voters stop after a
// random number of preferences. One ballot a line, weight 1, as BLT or as a CSV with one
// column per rank.
//
//   generate --ballots 1000000 --candidates 10 --seats 3 --seed 7 --format blt > big.blt
//
// read_bench.cpp includes this file with VECHE_GENERATE_NO_MAIN to make its inputs in memory.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <random>
#include <string>
#include <vector>

namespace veche::bench {

struct Electorate {
  std::size_t ballots = 100'000;
  std::size_t candidates = 10;
  int seats = 3;
  std::uint64_t seed = 1;
  std::string format = "blt";  // blt or csv
  double noise = 0.15;         // spread of each voter's misjudgement of distances
};

// std::mt19937_64's output is fixed by the standard, but the standard distributions are
// not: these two are written out so a seed gives the same file with any library.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) {
    return static_cast<std::size_t>(uniform() * static_cast<double>(n));
  }
  double gaussian() {            // Box–Muller
    double u = 1.0 - uniform();  // (0, 1]: the logarithm stays finite
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
  }

 private:
  std::mt19937_64 engine_;
};

struct Point {
  double x, y;
};

std::string candidate_name(std::size_t c) {
  return fmt::format("Candidate {}", c + 1);
}

void append_number(std::string& out, std::size_t n) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, end);
}

// Appends the whole election to `out` in e.format; `flush`, if given, is called whenever
// `out` holds a megabyte or more, and may empty it (so a huge file need not fit in memory).
void write_election(const Electorate& e, std::string& out,
                    const std::function<void(std::string&)>& flush = {}) {
  Draw draw(e.seed);
  std::vector<Point> stands(e.candidates);
  for (Point& p : stands) p = {draw.uniform(), draw.uniform()};
  std::vector<std::string> names;
  for (std::size_t c = 0; c < e.candidates; ++c) names.push_back(candidate_name(c));

  const bool blt = e.format == "blt";
  if (blt) {
    out += fmt::format("{} {}\n", e.candidates, e.seats);
  } else {
    for (std::size_t r = 0; r < e.candidates; ++r)
      out += fmt::format("{}rank{}", r ? "," : "", r + 1);
    out += '\n';
  }

  std::vector<std::pair<double, std::size_t>> ranking(e.candidates);
  for (std::size_t b = 0; b < e.ballots; ++b) {
    Point voter{draw.uniform(), draw.uniform()};
    for (std::size_t c = 0; c < e.candidates; ++c) {
      double distance = std::hypot(voter.x - stands[c].x, voter.y - stands[c].y);
      ranking[c] = {distance + e.noise * draw.gaussian(), c};
    }
    std::sort(ranking.begin(), ranking.end());
    std::size_t length = e.candidates;
    if (draw.uniform() < 0.5 && e.candidates > 1) length = 1 + draw.below(e.candidates - 1);

    if (blt) {
      out += '1';
      for (std::size_t r = 0; r < length; ++r) {
        out += ' ';
        append_number(out, ranking[r].second + 1);
      }
      out += " 0\n";
    } else {
      for (std::size_t r = 0; r < e.candidates; ++r) {
        if (r > 0) out += ',';
        if (r < length) out += names[ranking[r].second];
      }
      out += '\n';
    }
    if (flush && out.size() >= (1u << 20)) flush(out);
  }

  if (blt) {
    out += "0\n";
    for (const std::string& name : names) out += fmt::format("\"{}\"\n", name);
    out += fmt::format("\"Synthetic election, seed {}\"\n", e.seed);
  }
}

}  // namespace veche::bench

#ifndef VECHE_GENERATE_NO_MAIN
#include <CLI/CLI.hpp>
#include <cstdio>

int main(int argc, char** argv) {
  veche::bench::Electorate e;
  std::string output;
  CLI::App app{"generate a large synthetic ranked election (BLT or CSV) for benchmarks"};
  app.add_option("--ballots,-n", e.ballots, "number of ballots")->capture_default_str();
  app.add_option("--candidates,-c", e.candidates, "number of candidates")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--seats,-s", e.seats, "seats (BLT header)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--seed", e.seed, "random seed: the same seed gives the same file")
      ->capture_default_str();
  app.add_option("--format,-f", e.format, "blt or csv")
      ->check(CLI::IsMember({"blt", "csv"}))
      ->capture_default_str();
  app.add_option("--noise", e.noise, "how much voters misjudge distances")->capture_default_str();
  app.add_option("--output,-o", output, "file to write (default: standard output)");
  CLI11_PARSE(app, argc, argv);

  std::FILE* out = output.empty() ? stdout : std::fopen(output.c_str(), "wb");
  if (out == nullptr) {
    std::perror(output.c_str());
    return 1;
  }
  bool written = true;
  auto flush = [&](std::string& text) {
    written &= std::fwrite(text.data(), 1, text.size(), out) == text.size();
    text.clear();
  };
  std::string text;
  veche::bench::write_election(e, text, flush);
  flush(text);
  written &= (out == stdout ? std::fflush(out) : std::fclose(out)) == 0;
  if (!written) {
    std::perror(output.empty() ? "stdout" : output.c_str());
    return 1;
  }
  return 0;
}
#endif
