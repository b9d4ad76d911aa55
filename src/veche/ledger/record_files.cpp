#include "veche/ledger/record_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "veche/core/error.hpp"
#include "veche/ledger/deferred_sync.hpp"

namespace veche {

MappedFile::MappedFile(const fs::path& path) {
  std::error_code missing;
  if (fs::exists(path, missing)) file_.emplace(path.string());
}

LogText split_torn(std::string_view text) {
  std::size_t end = text.rfind('\n');
  std::size_t cut = end == std::string_view::npos ? 0 : end + 1;
  return {text.substr(0, cut), text.substr(cut)};
}

std::uint64_t for_each_line(std::string_view complete,
                            const std::function<bool(std::uint64_t, std::string_view)>& visit) {
  std::uint64_t number = 0;
  std::size_t start = 0;
  while (start < complete.size()) {
    std::size_t end = complete.find('\n', start);
    if (end == std::string_view::npos) break;
    if (!visit(++number, complete.substr(start, end - start))) break;
    start = end + 1;
  }
  return number;
}

std::size_t offset_after(std::string_view complete, std::uint64_t count) {
  std::size_t offset = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::size_t end = complete.find('\n', offset);
    if (end == std::string_view::npos) return complete.size();
    offset = end + 1;
  }
  return offset;
}

HeadsFile read_heads(const fs::path& path) {
  return MappedFile(path).read([](std::string_view whole) {
    LogText text = split_torn(whole);
    HeadsFile out;
    out.torn = std::string(text.torn);
    for_each_line(text.complete, [&](std::uint64_t number, std::string_view line) {
      HeadLine entry{number, std::nullopt, "", std::string(line)};
      auto json = nlohmann::json::parse(line, nullptr, false);
      if (json.is_discarded()) {
        entry.error = "not JSON";
      } else {
        try {
          entry.head = head_from_json(json);
        } catch (const std::invalid_argument& e) {
          entry.error = e.what();
        }
      }
      out.lines.push_back(std::move(entry));
      return true;
    });
    return out;
  });
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path.string() + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void sync_directory(const fs::path& folder) {
  if (DeferredSync::active()) return;
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw std::runtime_error(folder.string() + ": cannot open the folder to sync it");
  ::fsync(fd);
  ::close(fd);
}

void write_file_durably(const fs::path& path, std::string_view text) {
  fs::path temporary = path;
  temporary += ".partial";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error(temporary.string() + ": cannot create");
  append_all(fd, text, temporary);
  sync_file(fd, temporary);
  ::close(fd);
  fs::rename(temporary, path);
  sync_directory(path.parent_path().empty() ? fs::path(".") : path.parent_path());
}

int open_for_append(const fs::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
  if (fd < 0) throw std::runtime_error(path.string() + ": cannot open for appending");
  return fd;
}

void append_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(path.string() + ": write failed");
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void sync_file(int fd, const fs::path& path) {
  if (DeferredSync::active()) return;
  if (::fdatasync(fd) != 0) throw std::runtime_error(path.string() + ": sync failed");
}

void truncate_file(const fs::path& path, std::uint64_t size) {
  if (::truncate(path.c_str(), static_cast<off_t>(size)) != 0) {
    throw std::runtime_error(path.string() + ": cannot truncate");
  }
}

ManifestFile read_manifest(const fs::path& record) {
  fs::path path = record / kManifest;
  std::string text = read_small_file(path);
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) throw InputError(path.string(), 0, "", "not JSON");
  try {
    return {manifest_from_json(json), sha256_hex(text)};
  } catch (const std::invalid_argument& e) {
    throw InputError(path.string(), 0, "", e.what());
  }
}

}  // namespace veche
