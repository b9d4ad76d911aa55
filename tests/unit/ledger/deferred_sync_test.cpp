// Deferring the syncs of a folder built whole: on while one lives, on this thread only,
// nested scopes kept, and the folder's files written all the same.
#include "veche/ledger/deferred_sync.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "veche/ledger/record_files.hpp"

namespace veche {
namespace {

TEST(DeferredSync, OnWhileOneLivesOnItsThreadOnly) {
  EXPECT_FALSE(DeferredSync::active());
  {
    DeferredSync outer;
    EXPECT_TRUE(DeferredSync::active());
    {
      DeferredSync inner;
      EXPECT_TRUE(DeferredSync::active());
    }
    EXPECT_TRUE(DeferredSync::active());
    bool elsewhere = true;
    std::thread([&] { elsewhere = DeferredSync::active(); }).join();
    EXPECT_FALSE(elsewhere);
  }
  EXPECT_FALSE(DeferredSync::active());
}

TEST(DeferredSync, FilesAreWrittenAndTheTreeSynced) {
  std::filesystem::path folder =
      std::filesystem::temp_directory_path() / "veche-deferred-sync-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  {
    DeferredSync until_renamed;
    write_file_durably(folder / "a.json", "{}\n");
  }
  sync_folder_tree(folder);
  EXPECT_EQ(read_small_file(folder / "a.json"), "{}\n");
  EXPECT_THROW(sync_folder_tree(folder / "missing"), std::runtime_error);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace veche
