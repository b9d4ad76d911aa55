// The party-votes CSV: a header row naming the two columns, then one `name,whole number`
// row a party (or state). Quoting follows RFC 4180; names are kept byte for byte.
#include <fmt/format.h>

#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/io/read.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

struct Record {
  std::size_t line = 0;  // where the record starts; a quoted field may span lines
  std::vector<std::string> fields;
};

// RFC 4180 records, one at a time, with the line each one starts on.
class CsvRecords {
 public:
  CsvRecords(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  bool next(Record& record) {
    if (only_line_ends_left()) return false;
    record.line = line_;
    record.fields.clear();
    for (;;) {
      record.fields.push_back(at('"') ? quoted_field(record.line) : plain_field(record.line));
      if (at(',')) {
        ++pos_;
        continue;
      }
      end_record();
      return true;
    }
  }

 private:
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  // A blank last line (or several) is no record.
  bool only_line_ends_left() const {
    return text_.find_first_not_of("\r\n", pos_) == std::string_view::npos;
  }

  void end_record() {
    if (at('\r') && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    if (at('\n')) {
      ++pos_;
      ++line_;
    }
  }

  std::string plain_field(std::size_t record_line) {
    std::size_t end = text_.find_first_of(",\n", pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view field = text_.substr(pos_, end - pos_);
    if (end < text_.size() && text_[end] == '\n' && field.ends_with('\r')) field.remove_suffix(1);
    if (field.find('"') != std::string_view::npos) {
      throw InputError(path_, record_line, "", "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
    }
    pos_ += field.size();
    return std::string(field);
  }

  std::string quoted_field(std::size_t record_line) {
    std::string field;
    ++pos_;  // the opening quote
    for (;;) {
      std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        throw InputError(path_, record_line, "", "a quoted field is never closed (missing \")");
      }
      std::string_view piece = text_.substr(pos_, quote - pos_);
      for (char c : piece) line_ += c == '\n';
      field += piece;
      pos_ = quote + 1;
      if (!at('"')) break;
      field += '"';  // "" is one quote
      ++pos_;
    }
    bool ends_field = pos_ == text_.size() || at(',') || at('\n') ||
                      (at('\r') && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
    if (!ends_field) throw InputError(path_, line_, "", "text after a closing quote; expected a comma or the end of the line");
    return field;
  }

  std::string_view text_;
  const std::string& path_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// Names are shown in reports and JSON: well-formed UTF-8, no control characters.
bool printable_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x20 || byte == 0x7F) return false;
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
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

void check_name(std::string_view name, const std::string& path, std::size_t line, const std::string& column) {
  if (name.empty()) throw InputError(path, line, column, "empty");
  if (!printable_utf8(name)) {
    throw InputError(path, line, column, "not UTF-8 text, or holds a control character (save the file as UTF-8)");
  }
}

void check_two_fields(const Record& r, const std::string& path, std::string_view what) {
  if (r.fields.size() == 2) return;
  throw InputError(path, r.line, "",
                   fmt::format("expected 2 columns ({}), found {}", what, r.fields.size()));
}

Weight whole_number(std::string_view text, const std::string& path, std::size_t line, const std::string& column) {
  std::string_view digits = io::trim(text);
  Weight value = 0;
  if (io::parse_whole(digits, value)) return value;
  throw InputError(path, line, column, io::not_a_whole_number(digits));
}

}  // namespace

PartyVotes parse_party_votes(std::string_view text, const std::string& path) {
  CsvRecords records(io::without_bom(text), path);
  Record header;
  if (!records.next(header)) throw InputError(path, 1, "", "empty file; expected a header row such as party,votes");
  check_two_fields(header, path, "a header such as party,votes");
  PartyVotes out;
  out.name_column = header.fields[0];
  out.votes_column = header.fields[1];
  check_name(out.name_column, path, header.line, "header");
  check_name(out.votes_column, path, header.line, "header");

  std::map<std::string, std::size_t, std::less<>> first_line;
  Weight total = 0;
  Record row;
  while (records.next(row)) {
    check_two_fields(row, path, fmt::format("{},{}", out.name_column, out.votes_column));
    const std::string& name = row.fields[0];
    check_name(name, path, row.line, out.name_column);
    Weight votes = whole_number(row.fields[1], path, row.line, out.votes_column);
    if (auto [it, fresh] = first_line.emplace(name, row.line); !fresh) {
      throw InputError(path, row.line, out.name_column,
                       fmt::format("\"{}\" appears twice (first on line {})", name, it->second));
    }
    if (votes > std::numeric_limits<Weight>::max() - total) {
      throw InputError(path, row.line, out.votes_column, "the totals add up to more than 2^64 - 1");
    }
    total += votes;
    out.parties.push_back(name);
    out.votes.push_back(votes);
  }
  if (out.parties.empty()) throw InputError(path, header.line, "", "no rows after the header");
  return out;
}

PartyVotes read_party_votes(const std::string& path) { return parse_party_votes(read_file(path), path); }

}  // namespace veche
