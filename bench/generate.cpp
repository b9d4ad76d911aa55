// `generate`: a large synthetic election for benchmarks, deterministic for a seed.
//
// Voters and candidates stand at random points of a square "issue space"; each voter ranks
// the candidates by distance, blurred by Gaussian noise, and half the voters stop after a
// random number of preferences. One ballot a line, weight 1, as BLT or as a CSV with one
// column per rank.
//
// `--shape senate` gives ballots the Australian Senate's shape instead: candidates stand
// in parties of `--party-size` (in file order), and 95% of voters number parties above the
// line (six as the ballot asks, a tenth just one, a quarter seven to twelve), each box
// standing for its party's candidates in ticket order; 5% number 12 to 24 candidates below
// the line. So most ballots are short, as real Senate ballots are. The first parties in the
// file are the big ones, so a count has quotas and surpluses to transfer.
//
//   generate --ballots 1000000 --candidates 10 --seats 3 --seed 7 --format blt > big.blt
//   generate --ballots 5000000 --candidates 150 --seats 12 --shape senate > senate.blt
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
  std::string format = "blt";     // blt or csv
  double noise = 0.15;            // spread of each voter's misjudgement of distances
  std::string shape = "spatial";  // spatial, or senate (party tickets above the line)
  std::size_t party_size = 2;     // senate: candidates a party stands
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

// `ranking` ← every point's index by its distance from `voter`, blurred by noise, nearest first.
void rank_by_distance(const Electorate& e, Draw& draw, Point voter,
                      const std::vector<Point>& points,
                      std::vector<std::pair<double, std::size_t>>& ranking) {
  ranking.resize(points.size());
  for (std::size_t c = 0; c < points.size(); ++c) {
    double distance = std::hypot(voter.x - points[c].x, voter.y - points[c].y);
    ranking[c] = {distance + e.noise * draw.gaussian(), c};
  }
  std::sort(ranking.begin(), ranking.end());
}

// The spatial profile: every candidate by distance, half the voters stopping at random.
void spatial_ballot(const Electorate& e, Draw& draw, Point voter, const std::vector<Point>& stands,
                    std::vector<std::pair<double, std::size_t>>& ranking,
                    std::vector<std::size_t>& ballot) {
  rank_by_distance(e, draw, voter, stands, ranking);
  std::size_t length = e.candidates;
  if (draw.uniform() < 0.5 && e.candidates > 1) length = 1 + draw.below(e.candidates - 1);
  ballot.clear();
  for (std::size_t r = 0; r < length; ++r) ballot.push_back(ranking[r].second);
}

// A Senate ballot (see the top of the file): parties above the line, or candidates below it.
void senate_ballot(const Electorate& e, Draw& draw, Point voter, const std::vector<Point>& stands,
                   const std::vector<Point>& parties,
                   std::vector<std::pair<double, std::size_t>>& ranking,
                   std::vector<std::size_t>& ballot) {
  ballot.clear();
  if (draw.uniform() < 0.05) {
    rank_by_distance(e, draw, voter, stands, ranking);
    std::size_t length = std::min(e.candidates, 12 + draw.below(13));
    for (std::size_t r = 0; r < length; ++r) ballot.push_back(ranking[r].second);
    return;
  }
  // A few big parties, as in any Senate: party k (from 1, in file order) reaches
  // 0.6 / k further than its distance says, so the first few win quotas and surpluses.
  ranking.resize(parties.size());
  for (std::size_t p = 0; p < parties.size(); ++p) {
    double distance = std::hypot(voter.x - parties[p].x, voter.y - parties[p].y);
    double appeal = 0.6 / static_cast<double>(p + 1);
    ranking[p] = {distance - appeal + e.noise * draw.gaussian(), p};
  }
  std::sort(ranking.begin(), ranking.end());
  double u = draw.uniform();
  std::size_t boxes = u < 0.10 ? 1 : u < 0.75 ? 6 : 7 + draw.below(6);
  for (std::size_t r = 0; r < std::min(boxes, parties.size()); ++r) {
    std::size_t first = ranking[r].second * e.party_size;
    for (std::size_t c = first; c < std::min(first + e.party_size, e.candidates); ++c) {
      ballot.push_back(c);
    }
  }
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

  const bool senate = e.shape == "senate";
  std::vector<Point> parties(senate ? (e.candidates + e.party_size - 1) / e.party_size : 0);
  for (Point& p : parties) p = {draw.uniform(), draw.uniform()};

  std::vector<std::pair<double, std::size_t>> ranking(e.candidates);
  std::vector<std::size_t> ballot;
  for (std::size_t b = 0; b < e.ballots; ++b) {
    Point voter{draw.uniform(), draw.uniform()};
    if (senate) {
      senate_ballot(e, draw, voter, stands, parties, ranking, ballot);
    } else {
      spatial_ballot(e, draw, voter, stands, ranking, ballot);
    }

    if (blt) {
      out += '1';
      for (std::size_t c : ballot) {
        out += ' ';
        append_number(out, c + 1);
      }
      out += " 0\n";
    } else {
      for (std::size_t r = 0; r < e.candidates; ++r) {
        if (r > 0) out += ',';
        if (r < ballot.size()) out += names[ballot[r]];
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
  app.add_option("--shape", e.shape, "spatial, or senate: party tickets above the line")
      ->check(CLI::IsMember({"spatial", "senate"}))
      ->capture_default_str();
  app.add_option("--party-size", e.party_size, "senate shape: candidates a party stands")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
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
