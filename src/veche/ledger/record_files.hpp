#pragma once
// Reading and durably writing the files of a record (internal to ledger/).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "veche/io/mapped_file.hpp"
#include "veche/ledger/record.hpp"

namespace veche {

// A whole record file mapped read-only (as ballot files are read); a missing file reads as
// empty, since a log not yet begun has no file.
class MappedFile {
 public:
  explicit MappedFile(const fs::path& path);
  bool exists() const { return file_.has_value(); }
  // Returns what `reader` makes of the file's text. The text is only handed out here: should
  // the file be cut short while it is read (a record being copied or rewritten under
  // `veche verify`), what was read of it is a torn line or a tree that does not match, and
  // the one InputError `<path>: the file shrank while it was being read` is thrown instead
  // (io::MappedFile::read). The text is not to be kept past `read`.
  template <class Read>
  auto read(Read reader) {
    if constexpr (std::is_void_v<std::invoke_result_t<Read, std::string_view>>) {
      read([&](std::string_view text) {
        reader(text);
        return true;  // io::MappedFile::read hands back a value
      });
    } else {
      if (!file_) return reader(std::string_view{});
      return file_->read([&] { return reader(file_->text()); });
    }
  }

 private:
  std::optional<io::MappedFile> file_;
};

// The lines of a log that end in a newline; bytes after the last newline are a torn
// write and belong to no line.
struct LogText {
  std::string_view complete;  // up to and including the last newline
  std::string_view torn;      // what follows it
};
LogText split_torn(std::string_view text);

// Calls `visit` for each complete line (without its newline), first line 1; stops early
// when `visit` returns false. Returns the number of lines visited.
std::uint64_t for_each_line(std::string_view complete,
                            const std::function<bool(std::uint64_t, std::string_view)>& visit);

// Byte offset just past line `count` (0 → 0).
std::size_t offset_after(std::string_view complete, std::uint64_t count);

struct HeadLine {
  std::uint64_t line = 0;        // 1-based line of heads.jsonl
  std::optional<TreeHead> head;  // nullopt: the line is not a head (see `error`)
  std::string error;
  std::string bytes;  // the line as written
};
struct HeadsFile {
  std::vector<HeadLine> lines;
  std::string torn;  // a torn final line, if any
};
HeadsFile read_heads(const fs::path& path);

std::string read_small_file(const fs::path& path);
// Writes a temporary file beside `path`, syncs it, renames it over `path`, syncs the folder.
void write_file_durably(const fs::path& path, std::string_view text);
void sync_directory(const fs::path& folder);

int open_for_append(const fs::path& path);
void append_all(int fd, std::string_view bytes, const fs::path& path);
void sync_file(int fd, const fs::path& path);
void truncate_file(const fs::path& path, std::uint64_t size);

// The manifest as written, and its SHA-256 (the election id every head carries).
struct ManifestFile {
  Manifest manifest;
  std::string sha256;
};
ManifestFile read_manifest(const fs::path& record);

inline const char* kManifest = "manifest.json";
inline const char* kBallots = "ballots.jsonl";
inline const char* kRoll = "roll.jsonl";
inline const char* kHeads = "heads.jsonl";
inline const char* kOutcome = "outcome.json";

}  // namespace veche
