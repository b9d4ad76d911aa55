#pragma once
// Small helpers the ballot readers share: lines, tokens and whole numbers over a file
// already in memory, without copying it.
#include <charconv>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

#include "veche/io/mapped_file.hpp"

namespace veche::io {

inline bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A file may start with a UTF-8 byte order mark; it is not part of the first line.
inline std::string_view without_bom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

// The lines of a text, numbered from 1. A CR before the LF is dropped, and the last line
// need not end in a newline. Given the mapped file the text is, the lines already read are
// let go of as the reader moves on.
class Lines {
 public:
  explicit Lines(std::string_view text, MappedFile* file = nullptr)
      : rest_(without_bom(text)), file_(file) {}

  bool next(std::string_view& line) {
    if (done_) return false;
    const char* nl = static_cast<const char*>(std::memchr(rest_.data(), '\n', rest_.size()));
    if (nl == nullptr) {
      line = rest_;
      done_ = true;
      if (line.empty()) return false;  // no line after the final newline
    } else {
      std::size_t n = static_cast<std::size_t>(nl - rest_.data());
      line = rest_.substr(0, n);
      rest_.remove_prefix(n + 1);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (file_ != nullptr) file_->passed(line.data());
    ++number_;
    return true;
  }

  // The line last returned; at the end of the file, the file's last line.
  std::size_t number() const { return number_; }

 private:
  std::string_view rest_;
  MappedFile* file_;
  std::size_t number_ = 0;
  bool done_ = false;
};

// Splits off the next whitespace-separated token; empty when the line has none left.
inline std::string_view next_token(std::string_view& s) {
  std::size_t i = 0;
  while (i < s.size() && is_blank(s[i])) ++i;
  std::size_t j = i;
  while (j < s.size() && !is_blank(s[j])) ++j;
  std::string_view token = s.substr(i, j - i);
  s.remove_prefix(j);
  return token;
}

// A whole number that is the entire token (no sign, no fraction, nothing after it).
template <class Int>
bool parse_whole(std::string_view s, Int& value) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc{} && end == s.data() + s.size();
}

// How a token that should be a whole number is wrong, for the error message.
inline std::string not_a_whole_number(std::string_view s) {
  std::string shown(s.substr(0, 40));
  if (s.empty()) return "expected a whole number, found nothing";
  if (s.front() == '-' && s.size() > 1 && s[1] >= '0' && s[1] <= '9') {
    return "expected a whole number, got the negative \"" + shown + "\"";
  }
  bool digits = s.find_first_not_of("0123456789") == std::string_view::npos;
  if (digits) return "the number \"" + shown + "\" is too large";
  return "expected a whole number, got \"" + shown + "\"";
}

inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

inline bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with_ci(a, b);
}

inline bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ci(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace veche::io
