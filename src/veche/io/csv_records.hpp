#pragma once
// The records of an RFC 4180 CSV file, cell by cell, as views into the file where it can
// (a cell with `""` inside quotes is the only one copied).
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/io/text.hpp"

namespace veche::io {

class CsvRecords {
 public:
  CsvRecords(std::string_view text, const std::string& path)
      : text_(without_bom(text)), path_(&path) {}

  // The next record that is not a blank line; false at the end of the file. Unquoted cells
  // lose the blanks around them, quoted cells keep every byte between the quotes.
  bool next(std::vector<std::string_view>& cells) {
    for (;;) {
      if (pos_ >= text_.size()) return false;
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
      if (cells.size() == 1 && cells[0].empty() && !quoted_any) continue;  // a blank line
      return true;
    }
  }

  // The line the last record starts on (a quoted cell may span lines).
  std::size_t line() const { return record_line_; }

 private:
  std::string_view read_cell(bool& quoted) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      quoted = true;
      return read_quoted();
    }
    pos_ = start;
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != ',' && text_[end] != '\n') ++end;
    std::string_view cell = text_.substr(pos_, end - pos_);
    pos_ = end;
    return trim(cell);
  }

  std::string_view read_quoted() {
    std::size_t open_line = line_;
    ++pos_;  // the opening quote
    std::size_t start = pos_;
    std::string* copy = nullptr;
    for (;;) {
      std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        throw InputError(*path_, open_line, "", "a quoted cell has no closing quote");
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
        throw InputError(*path_, line_, "",
                         "expected `,` or the end of the line after a closing quote");
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
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 1;
  std::deque<std::string> copies_;
  std::size_t copies_used_ = 0;
};

}  // namespace veche::io
