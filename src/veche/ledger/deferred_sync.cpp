#include "veche/ledger/deferred_sync.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

namespace veche {

namespace {
thread_local int deferred = 0;
}  // namespace

DeferredSync::DeferredSync() {
  ++deferred;
}
DeferredSync::~DeferredSync() {
  --deferred;
}
bool DeferredSync::active() {
  return deferred > 0;
}

void sync_folder_tree(const std::filesystem::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw std::runtime_error(folder.string() + ": cannot open the folder to sync it");
  int synced = ::syncfs(fd);
  ::close(fd);
  if (synced != 0) throw std::runtime_error(folder.string() + ": sync failed");
}

}  // namespace veche
