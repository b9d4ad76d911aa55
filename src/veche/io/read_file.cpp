#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "veche/core/error.hpp"
#include "veche/io/file_descriptor.hpp"
#include "veche/io/read.hpp"

namespace veche {

using io::FileDescriptor;
using io::refuse_file;

// One read of the whole file: the parsers then work on views into it and never copy a line.
std::string read_file(const std::string& path) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) refuse_file(path, "cannot open the file");
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) refuse_file(path, "cannot read the file");
  if (S_ISDIR(info.st_mode)) throw InputError(path, 0, "", "is a directory, not a ballot file");

  std::string text;
  // A pipe or a special file has no size; it grows as it is read.
  std::size_t capacity = S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) + 1 : 65536;
  text.resize(capacity);
  std::size_t filled = 0;
  for (;;) {
    if (filled == text.size()) text.resize(text.size() * 2);
    ssize_t n = ::read(file.fd, text.data() + filled, text.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      refuse_file(path, "cannot read the file");
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  text.resize(filled);
  return text;
}

}  // namespace veche
