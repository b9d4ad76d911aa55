// The organisation's event log: a Merkle log of what happened, with signed heads that
// anyone can check; any edit, removal or unsigned tail is caught.
#include "veche/council/event_log.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace veche {
namespace {

namespace fs = std::filesystem;

struct Folder {
  fs::path path = fs::temp_directory_path() /
                  ("veche-events-" + to_hex(new_signing_key().public_key).substr(0, 12));
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
};

void write_log(const fs::path& folder, bool close) {
  EventLog log("Federation", std::string(64, '0'), new_signing_key());
  for (int i = 0; i < 5; ++i)
    log.append({{"event", "seat won"}, {"delegate", "D" + std::to_string(i)}});
  log.sign_head(false);
  for (int i = 0; i < 6; ++i)
    log.append({{"event", "mandate checked"}, {"delegate", "D" + std::to_string(i)}});
  log.sign_head(close);
  log.write(folder);
}

bool all_hold(const std::vector<Check>& checks) {
  return std::all_of(checks.begin(), checks.end(), [](const Check& c) { return c.holds; });
}

std::string first_failure(const std::vector<Check>& checks) {
  for (const Check& c : checks) {
    if (!c.holds) return c.text;
  }
  return "";
}

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::string text;
  std::getline(in, text, '\0');
  return text;
}

TEST(EventLog, AClosedLogVerifies) {
  Folder f;
  write_log(f.path, true);
  auto checks = verify_event_log(f.path);
  EXPECT_TRUE(all_hold(checks)) << first_failure(checks);
  EXPECT_NE(checks.back().text.find("11 events; 2 signed heads"), std::string::npos)
      << checks.back().text;
}

TEST(EventLog, AnEditedEventIsCaught) {
  Folder f;
  write_log(f.path, true);
  std::string text = read(f.path / kEvents);
  text.replace(text.find("D3"), 2, "D9");
  std::ofstream(f.path / kEvents) << text;
  EXPECT_NE(first_failure(verify_event_log(f.path)).find("do not rebuild its root"),
            std::string::npos);
}

TEST(EventLog, ARemovedEventIsCaught) {
  Folder f;
  write_log(f.path, true);
  std::string text = read(f.path / kEvents);
  std::ofstream(f.path / kEvents) << text.substr(text.find('\n') + 1);
  EXPECT_FALSE(all_hold(verify_event_log(f.path)));
}

TEST(EventLog, AnEventAppendedAfterTheLastHeadIsCaught) {
  Folder f;
  write_log(f.path, true);
  std::ofstream(f.path / kEvents, std::ios::app) << R"({"event":"seat won","delegate":"Intruder"})"
                                                 << "\n";
  EXPECT_NE(first_failure(verify_event_log(f.path)).find("no closed head covers all 12 events"),
            std::string::npos);
}

TEST(EventLog, ALogNeverClosedDoesNotVerify) {
  Folder f;
  write_log(f.path, false);
  EXPECT_FALSE(all_hold(verify_event_log(f.path)));
}

TEST(EventLog, AHeadSignedByAnotherKeyIsCaught) {
  Folder f;
  write_log(f.path, true);
  Folder other;
  write_log(other.path, true);
  // The other log's events.json names another key: none of these heads holds under it.
  fs::copy_file(other.path / kEventsManifest, f.path / kEventsManifest,
                fs::copy_options::overwrite_existing);
  EXPECT_FALSE(all_hold(verify_event_log(f.path)));
}

}  // namespace
}  // namespace veche
