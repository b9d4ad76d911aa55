// The party-votes CSV: a header row naming the two columns, then one `name,whole number`
// row a party (or state). Quoting follows RFC 4180; names are kept byte for byte.
#include <fmt/format.h>

#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/io/csv_records.hpp"
#include "veche/io/read.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using Cells = std::vector<std::string_view>;

// Typed by hand more often than exported: a blank line among the rows or a stray quote is
// reported rather than passed over, in words that say how to mend it.
constexpr io::CsvDialect kPartyVotes{
    .blank_line_is_record = true,
    .refuse_stray_quote = true,
    .unclosed_quote = "a quoted field is never closed (missing \")",
    .after_closing_quote = "text after a closing quote; expected a comma or the end of the line",
    .stray_quote =
        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
};

// Names are shown in reports and JSON: well-formed UTF-8, no control characters.
bool printable_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x20 || byte == 0x7F) return false;
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > s.size()) return false;
    std::uint32_t code = length == 1 ? byte : byte & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3Fu);
    }
    constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < least[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

void check_name(std::string_view name, const std::string& path, std::size_t line,
                const std::string& column) {
  if (name.empty()) throw InputError(path, line, column, "empty");
  if (!printable_utf8(name)) {
    throw InputError(path, line, column,
                     "not UTF-8 text, or holds a control character (save the file as UTF-8)");
  }
}

void check_two_fields(const Cells& cells, const std::string& path, std::size_t line,
                      std::string_view what) {
  if (cells.size() == 2) return;
  throw InputError(path, line, "",
                   fmt::format("expected 2 columns ({}), found {}", what, cells.size()));
}

Weight whole_number(std::string_view text, const std::string& path, std::size_t line,
                    const std::string& column) {
  std::string_view digits = io::trim(text);
  Weight value = 0;
  if (io::parse_whole(digits, value)) return value;
  throw InputError(path, line, column, io::not_a_whole_number(digits));
}

}  // namespace

PartyVotes parse_party_votes(std::string_view text, const std::string& path) {
  io::CsvRecords records(text, path, nullptr, kPartyVotes);
  Cells cells;
  if (!records.next(cells)) {
    throw InputError(path, 1, "", "empty file; expected a header row such as party,votes");
  }
  const std::size_t header_line = records.line();
  check_two_fields(cells, path, header_line, "a header such as party,votes");
  PartyVotes out;
  out.name_column = cells[0];
  out.votes_column = cells[1];
  check_name(out.name_column, path, header_line, "header");
  check_name(out.votes_column, path, header_line, "header");

  std::map<std::string, std::size_t, std::less<>> first_line;
  Weight total = 0;
  while (records.next(cells)) {
    const std::size_t line = records.line();
    check_two_fields(cells, path, line, fmt::format("{},{}", out.name_column, out.votes_column));
    const std::string_view name = cells[0];
    check_name(name, path, line, out.name_column);
    Weight votes = whole_number(cells[1], path, line, out.votes_column);
    if (auto [it, fresh] = first_line.emplace(name, line); !fresh) {
      throw InputError(path, line, out.name_column,
                       fmt::format("\"{}\" appears twice (first on line {})", name, it->second));
    }
    if (votes > std::numeric_limits<Weight>::max() - total) {
      throw InputError(path, line, out.votes_column, "the totals add up to more than 2^64 - 1");
    }
    total += votes;
    out.parties.emplace_back(name);
    out.votes.push_back(votes);
  }
  if (out.parties.empty()) throw InputError(path, header_line, "", "no rows after the header");
  return out;
}

PartyVotes read_party_votes(const std::string& path) {
  return parse_party_votes(read_file(path), path);
}

}  // namespace veche
