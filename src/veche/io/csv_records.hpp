#pragma once
// The records of an RFC 4180 CSV file, cell by cell, as views into the file where it can
// (a cell with `""` inside quotes is the only one copied).
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/io/text.hpp"

namespace veche::io {

// How a CSV is read, and what its mistakes are called. Ballot exports come from many tools
// and are read leniently; a party-votes file is two columns typed by hand, where a blank
// line among the rows or a stray quote is more likely a slip than a convention.
struct CsvDialect {
  bool blank_line_is_record = false;  // among the rows; blank lines at the end never are
  bool refuse_stray_quote = false;    // a `"` inside an unquoted cell
  const char* unclosed_quote = "a quoted cell has no closing quote";
  const char* after_closing_quote = "expected `,` or the end of the line after a closing quote";
  const char* stray_quote = "a quote inside an unquoted cell";
};

class CsvRecords {
 public:
  // Given the mapped file the text is, the records already read are let go of.
  CsvRecords(std::string_view text, const std::string& path, MappedFile* file = nullptr,
             const CsvDialect& dialect = {})
      : text_(without_bom(text)), path_(&path), file_(file), dialect_(dialect) {}

  // A copy that reads on from here, to look ahead, and lets nothing go.
  CsvRecords ahead() const {
    CsvRecords copy = *this;
    copy.file_ = nullptr;
    return copy;
  }

  // The next record that is not a blank line; false at the end of the file. Unquoted cells
  // lose the blanks around them, quoted cells keep every byte between the quotes.
  bool next(std::vector<std::string_view>& cells) {
    for (;;) {
      if (pos_ >= text_.size()) return false;
      if (file_ != nullptr) file_->passed(text_.data() + pos_);
      record_line_ = line_;
      cells.clear();
      copies_used_ = 0;
      bool quoted_any = false;
      for (;;) {
        bool quoted = false;
        cells.push_back(read_cell(quoted));
        quoted_any |= quoted;
        if (pos_ >= text_.size()) break;
        char c = text_[pos_++];
        if (c == '\n') {
          ++line_;
          break;
        }
        // c is ',': another cell follows, even at the end of the file.
        if (pos_ >= text_.size()) {
          cells.emplace_back();
          break;
        }
      }
      if (cells.size() == 1 && cells[0].empty() && !quoted_any &&
          (!dialect_.blank_line_is_record || only_line_ends_left())) {
        continue;  // a blank line
      }
      return true;
    }
  }

  // The line the last record starts on (a quoted cell may span lines).
  std::size_t line() const { return record_line_; }

 private:
  bool only_line_ends_left() const {
    return text_.find_first_not_of("\r\n", pos_) == std::string_view::npos;
  }

  std::string_view read_cell(bool& quoted) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      quoted = true;
      return read_quoted();
    }
    pos_ = start;
    std::size_t end = cell_end(pos_);
    std::string_view cell = text_.substr(pos_, end - pos_);
    pos_ = end;
    if (dialect_.refuse_stray_quote && cell.find('"') != std::string_view::npos) {
      throw InputError(*path_, record_line_, "", dialect_.stray_quote);
    }
    return trim(cell);
  }

  // Where an unquoted cell starting at `from` ends: the next `,` or line end. Cells are
  // most of a file, so it is looked for eight bytes a step (the bytes equal to `,` or `\n`
  // in a word are found as the zero bytes of the word xor'ed with them).
  std::size_t cell_end(std::size_t from) const {
    constexpr std::uint64_t kOnes = 0x0101'0101'0101'0101u;
    constexpr std::uint64_t kHighs = 0x8080'8080'8080'8080u;
    std::size_t i = from;
    for (; i + 8 <= text_.size(); i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text_.data() + i, 8);
      const std::uint64_t comma = word ^ (kOnes * ',');
      const std::uint64_t newline = word ^ (kOnes * '\n');
      const std::uint64_t found =
          (((comma - kOnes) & ~comma) | ((newline - kOnes) & ~newline)) & kHighs;
      if (found != 0) {
        if constexpr (std::endian::native == std::endian::little) {
          return i + static_cast<std::size_t>(std::countr_zero(found) / 8);
        } else {
          break;  // the byte loop below finds it
        }
      }
    }
    while (i < text_.size() && text_[i] != ',' && text_[i] != '\n') ++i;
    return i;
  }

  std::string_view read_quoted() {
    std::size_t open_line = line_;
    ++pos_;  // the opening quote
    std::size_t start = pos_;
    std::string* copy = nullptr;
    for (;;) {
      std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        throw InputError(*path_, open_line, "", dialect_.unclosed_quote);
      }
      for (std::size_t i = pos_; i < quote; ++i) line_ += text_[i] == '\n';
      if (quote + 1 < text_.size() && text_[quote + 1] == '"') {  // `""` is one quote
        if (copy == nullptr) copy = &next_copy();
        copy->append(text_.substr(pos_, quote + 1 - pos_));
        pos_ = quote + 2;
        continue;
      }
      std::string_view cell;
      if (copy == nullptr) {
        cell = text_.substr(start, quote - start);
      } else {
        copy->append(text_.substr(pos_, quote - pos_));
        cell = *copy;
      }
      pos_ = quote + 1;
      while (pos_ < text_.size() &&
             (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r'))
        ++pos_;
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') {
        throw InputError(*path_, line_, "", dialect_.after_closing_quote);
      }
      return cell;
    }
  }

  // Storage for copied cells, reused from record to record; a deque never moves its
  // strings, so views into them stay valid while the record is used.
  std::string& next_copy() {
    if (copies_used_ == copies_.size()) copies_.emplace_back();
    std::string& s = copies_[copies_used_++];
    s.clear();
    return s;
  }

  std::string_view text_;
  const std::string* path_;
  MappedFile* file_;
  CsvDialect dialect_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 1;
  std::deque<std::string> copies_;
  std::size_t copies_used_ = 0;
};

}  // namespace veche::io
