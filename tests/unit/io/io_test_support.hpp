#pragma once
// What the io tests share: ballots written out readably, and files in a temporary folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "veche/core/error.hpp"
#include "veche/core/profile.hpp"
#include "veche/io/read.hpp"

namespace veche::test {

// Ballot i as `w: a, b=c` with 1-based candidate numbers, `=` for an equal rank.
inline std::string written(const Profile& p, std::size_t i) {
  std::string s = std::to_string(p.weight(i)) + ":";
  bool first = true;
  for (Mark m : p.ballot(i)) {
    s += equal_to_previous(m) ? "=" : (first ? " " : ", ");
    s += std::to_string(candidate_of(m) + 1);
    first = false;
  }
  return s;
}

// Every ballot, in the order the profile holds them.
inline std::vector<std::string> all_written(const Profile& p) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < p.size(); ++i) out.push_back(written(p, i));
  return out;
}

// First preferences by candidate name, with "" for ballots that rank no one.
inline std::map<std::string, Weight> first_preferences(const Profile& p) {
  std::map<std::string, Weight> votes;
  for (std::size_t i = 0; i < p.size(); ++i) {
    auto marks = p.ballot(i);
    votes[marks.empty() ? "" : p.candidates[candidate_of(marks[0])]] += p.weight(i);
  }
  return votes;
}

// A file that exists for one test.
class TempFile {
 public:
  TempFile(std::string_view name, std::string_view content) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("veche-io-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

// Runs `read`, expects an InputError, and returns its message.
template <class Read>
std::string input_error(Read read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError";
  return {};
}

}  // namespace veche::test
