#include "cli/stdin_lines.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace veche::cli {

bool StdinLines::next(std::string_view& line) {
  for (;;) {
    std::string_view held(buffer_.data() + begin_, end_ - begin_);
    std::size_t newline = held.find('\n');
    if (newline != std::string_view::npos) {
      line = held.substr(0, newline);
      begin_ += newline + 1;
      return true;
    }
    if (ended_ || !fill()) {
      if (held.empty()) return false;
      line = held;
      begin_ = end_;
      return true;
    }
  }
}

bool StdinLines::fill() {
  constexpr std::size_t kBlock = 1 << 20;
  constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;
  // What is held moves to the front; a line longer than half the buffer doubles it.
  std::size_t held = end_ - begin_;
  if (begin_ > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, held);
  begin_ = 0;
  end_ = held;
  std::size_t room = buffer_.size() < kPadding ? 0 : buffer_.size() - kPadding;
  if (buffer_.empty() || 2 * held > room) {
    buffer_.resize(std::max(kBlock, 2 * room) + kPadding);
    room = buffer_.size() - kPadding;
  }
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buffer_.data() + end_, room - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string("stdin: ") + std::strerror(errno));
    if (n == 0) {
      ended_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(n);
    return true;
  }
}

}  // namespace veche::cli
