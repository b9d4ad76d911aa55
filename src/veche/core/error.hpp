#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>

namespace veche {

// Bad input: names the file, the line and the field, and says what was expected.
// The message starts with the file's path as the user gave it, so the CLI prints it as is.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::size_t line, std::string field, const std::string& why);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  const std::string& field() const { return field_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string field_;
};

// A request the count cannot honour (more seats than candidates, an unknown method, ...).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace veche
