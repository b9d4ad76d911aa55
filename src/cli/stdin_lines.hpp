#pragma once
// The lines of standard input, for `record cast --stdin` (internal to cli/).
#include <simdjson.h>

#include <string>
#include <string_view>

namespace veche::cli {

// Reads standard input a large block at a time with read(2) and hands out its lines in
// place: the standard stream, kept in step with C's stdio, reads a character at a time, and
// a bulk cast is millions of lines. Every line handed out is followed in memory by at least
// simdjson::SIMDJSON_PADDING readable bytes, as simdjson's parser asks, so it is parsed
// where it lies.
class StdinLines {
 public:
  // The next line, without its newline (a last line without one counts); false at the end.
  // The line stays valid until the next call.
  bool next(std::string_view& line);
  // The bytes readable from the start of `line`, padding included (simdjson's capacity).
  std::size_t capacity_from(std::string_view line) const {
    return buffer_.data() + buffer_.size() - line.data();
  }

 private:
  // Reads more input after what is held; false at the end of input.
  bool fill();

  std::string buffer_;
  std::size_t begin_ = 0, end_ = 0;  // the unread bytes held: buffer_[begin_, end_)
  bool ended_ = false;
};

}  // namespace veche::cli
