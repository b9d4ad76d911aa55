#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "veche/core/error.hpp"
#include "veche/io/read.hpp"
#include "veche/io/read_mapped.hpp"

namespace veche {

namespace {
constexpr std::array<std::string_view, 4> kFormats = {"blt", "preflib", "csv", "debian-tally"};
}  // namespace

std::span<const std::string_view> ballot_formats() {
  return kFormats;
}

Profile read_ballots(const std::string& path, std::string_view format, const BallotRules& rules,
                     std::span<const std::string> candidates) {
  if (!format.empty() && std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end()) {
    throw UsageError(fmt::format("unknown input format \"{}\"; veche reads {}", format,
                                 fmt::join(kFormats, ", ")));
  }
  io::MappedFile file(path);
  return file.read([&] {
    const std::string_view text = file.text();
    if (format.empty()) format = detect_format(path, text);
    if (format == "blt") return io::read_blt(file, path, rules);
    if (format == "preflib") return parse_preflib(text, path, rules);
    if (format == "csv") return io::read_csv_ranked(file, path, rules, candidates);
    return parse_debian_tally(text, path, rules);
  });
}

Profile read_ballots(const std::string& path, std::string_view format, const BallotRules& rules) {
  return read_ballots(path, format, rules, {});
}

}  // namespace veche
