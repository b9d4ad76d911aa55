#pragma once
// A ballot file as one view of its bytes, mapped rather than copied, that a reader lets go
// of behind itself: a million-ballot file is never resident all at once, only the part
// being read and the profile being built from it.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "veche/io/file_descriptor.hpp"
#include "veche/io/mapping_watch.hpp"

namespace veche::io {

class MappedFile {
 public:
  // Throws InputError (naming `path`) when the file cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }

  // Runs `read` over text() and returns what it made. Should another process cut the file
  // short meanwhile, the reader reads zeros where the lost part was (mapping_watch.hpp),
  // and whatever it made of them, a profile or an error, gives way to the one InputError
  // that says so: `<path>: the file shrank while it was being read`.
  template <class Read>
  auto read(Read read) {
    auto made = [&] {
      try {
        return read();
      } catch (...) {
        refuse_if_shrunk();
        throw;
      }
    }();
    refuse_if_shrunk();
    return made;
  }

  // The reader will not come back before `p` (or rarely: a page given back is read again
  // from the file, so a reader that does look back sees the same bytes, only slower).
  void passed(const char* p) {
    if (reinterpret_cast<std::uintptr_t>(p) >= next_release_) let_go_before(p);
  }

 private:
  void let_go_before(const char* p);
  void refuse_if_shrunk() const;

  std::string path_;
  FileDescriptor file_{-1};  // kept open to ask the file's size when reading is done
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  int watch_ = kNoWatch;
  std::size_t released_ = 0;  // bytes from the start already given back
  std::uintptr_t next_release_ = std::numeric_limits<std::uintptr_t>::max();
  std::string copy_;  // a pipe or another file that cannot be mapped, read whole
};

}  // namespace veche::io
