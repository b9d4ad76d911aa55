#include "veche/io/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "veche/core/error.hpp"
#include "veche/io/read.hpp"

namespace veche::io {

namespace {

// Pages are given back this many bytes at a time: often enough to keep the resident part
// of a file small, seldom enough that the system calls cost nothing next to the parsing.
constexpr std::size_t kReleaseStep = std::size_t{4} << 20;

std::size_t page_size() {
  static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

MappedFile::MappedFile(const std::string& path)
    : path_(path), file_{::open(path.c_str(), O_RDONLY | O_CLOEXEC)} {
  if (file_.fd < 0) refuse_file(path, "cannot open the file");
  struct stat info {};
  if (::fstat(file_.fd, &info) != 0) refuse_file(path, "cannot read the file");
  if (S_ISDIR(info.st_mode)) throw InputError(path, 0, "", "is a directory, not a ballot file");
  // An empty file cannot be mapped, and a pipe has no size: those are read as they come.
  if (S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file_.fd, 0);
    if (at != MAP_FAILED) {
      // A mapping that cannot be watched could end the process if the file shrank: the
      // file is read whole instead (only when dozens are open at once).
      watch_ = watch_mapping(at, size);
      if (watch_ != kNoWatch) {
        ::madvise(at, size, MADV_SEQUENTIAL);
        data_ = static_cast<const char*>(at);
        size_ = size;
        mapped_ = true;
        next_release_ = reinterpret_cast<std::uintptr_t>(data_) + kReleaseStep;
        return;
      }
      ::munmap(at, size);
    }
  }
  copy_ = read_file(path);
  data_ = copy_.data();
  size_ = copy_.size();
}

MappedFile::~MappedFile() {
  if (!mapped_) return;
  end_watch(watch_);
  ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::let_go_before(const char* p) {
  const auto offset = static_cast<std::size_t>(p - data_);
  const std::size_t until = offset / page_size() * page_size();
  if (until > released_) {
    // A private read-only mapping: the pages dropped are still in the file, and come back
    // from it if touched again.
    ::madvise(const_cast<char*>(data_) + released_, until - released_, MADV_DONTNEED);
    released_ = until;
  }
  next_release_ = reinterpret_cast<std::uintptr_t>(p) + kReleaseStep;
}

// A file cut short within its last page gives zeros past its new end without a fault, so
// its size is asked too, not only whether the watch saw a fault.
void MappedFile::refuse_if_shrunk() const {
  if (!mapped_) return;
  struct stat info {};
  const bool shorter =
      ::fstat(file_.fd, &info) == 0 && static_cast<std::size_t>(info.st_size) < size_;
  if (shorter || mapping_cut_short(watch_)) {
    throw InputError(path_, 0, "", "the file shrank while it was being read");
  }
}

}  // namespace veche::io
