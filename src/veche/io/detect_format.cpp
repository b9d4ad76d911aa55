#include <algorithm>

#include "veche/core/error.hpp"
#include "veche/io/read.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using io::ends_with_ci;
using io::trim;

std::string_view format_of_name(std::string_view path) {
  if (ends_with_ci(path, ".blt")) return "blt";
  for (std::string_view ext : {".soi", ".soc", ".toi", ".toc"}) {
    if (ends_with_ci(path, ext)) return "preflib";
  }
  if (ends_with_ci(path, ".csv")) return "csv";
  if (ends_with_ci(path, "_tally.txt")) return "debian-tally";
  return {};
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A Debian sheet has free text before its `Option 1-->:` lines, then `V:` lines.
bool looks_like_debian_tally(std::string_view head) {
  std::size_t option = head.find("Option 1-");
  return option != std::string_view::npos && head.find(">:", option) != std::string_view::npos &&
         head.find("\nV: ", option) != std::string_view::npos;
}

// Otherwise the first significant line decides: PrefLib's `#` metadata or `count: order`,
// BLT's `candidates seats`, PrefLib's older lone number of alternatives, or a CSV's commas.
std::string_view format_of_content(std::string_view text) {
  std::string_view head = text.substr(0, 64 * 1024);
  if (looks_like_debian_tally(head)) return "debian-tally";
  io::Lines lines(head);
  std::string_view line;
  while (lines.next(line)) {
    std::string_view t = trim(line);
    if (t.empty()) continue;
    if (t.starts_with('#')) {
      if (t.find("ALTERNATIVE NAME") != std::string_view::npos ||
          t.find("NUMBER ALTERNATIVES") != std::string_view::npos) {
        return "preflib";
      }
      continue;
    }
    std::string_view rest = t;
    std::string_view first = io::next_token(rest);
    std::string_view second = io::next_token(rest);
    if (all_digits(first) && all_digits(second) && trim(rest).empty()) return "blt";
    if (all_digits(t)) return "preflib";
    if (std::size_t colon = t.find(':');
        colon != std::string_view::npos && all_digits(trim(t.substr(0, colon)))) {
      return "preflib";
    }
    if (t.find(',') != std::string_view::npos) return "csv";
    return {};
  }
  return {};
}

}  // namespace

std::string_view detect_format(const std::string& path, std::string_view text) {
  std::string_view format = format_of_name(path);
  if (format.empty()) format = format_of_content(text);
  if (format.empty()) {
    throw InputError(path, 0, "",
                     "cannot tell the ballot format from the name or the content; say it with "
                     "--input-format (blt, preflib, csv or debian-tally)");
  }
  return format;
}

}  // namespace veche
