#pragma once
// What the io readers that open files themselves share (internal to io/).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "veche/core/error.hpp"

namespace veche::io {

// Closes the descriptor on every way out, errors included.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// The one message a file that cannot be opened or read gets: its path, and the system's why.
[[noreturn]] inline void refuse_file(const std::string& path, const char* doing) {
  throw InputError(path, 0, "", std::string(doing) + ": " + std::strerror(errno));
}

}  // namespace veche::io
