#pragma once
// A ballot file as one view of its bytes, mapped rather than copied, that a reader lets go
// of behind itself: a million-ballot file is never resident all at once, only the part
// being read and the profile being built from it.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace veche::io {

class MappedFile {
 public:
  // Throws InputError (naming `path`) when the file cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }

  // The reader will not come back before `p` (or rarely: a page given back is read again
  // from the file, so a reader that does look back sees the same bytes, only slower).
  void passed(const char* p) {
    if (reinterpret_cast<std::uintptr_t>(p) >= next_release_) let_go_before(p);
  }

 private:
  void let_go_before(const char* p);

  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::size_t released_ = 0;  // bytes from the start already given back
  std::uintptr_t next_release_ = std::numeric_limits<std::uintptr_t>::max();
  std::string copy_;  // a pipe or another file that cannot be mapped, read whole
};

}  // namespace veche::io
