#pragma once
// Writing a folder that is built whole and then renamed into place (a scenario's output,
// docs/scenarios.md): each file need not wait for the disk as it is written, because nothing
// is visible until the rename. While a DeferredSync lives, on its thread, sync_file and
// sync_directory (record_files.hpp) return at once; sync_folder_tree then makes everything
// durable with one filesystem sync before the rename.
#include <filesystem>

namespace veche {

class DeferredSync {
 public:
  DeferredSync();
  ~DeferredSync();
  DeferredSync(const DeferredSync&) = delete;
  DeferredSync& operator=(const DeferredSync&) = delete;

  static bool active();  // on this thread
};

// Makes every file under `folder` durable: one syncfs(2) of the filesystem holding it.
void sync_folder_tree(const std::filesystem::path& folder);

}  // namespace veche
