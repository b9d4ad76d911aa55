#include "veche/core/error.hpp"

#include <fmt/format.h>

namespace veche {

namespace {
std::string describe(const std::string& file, std::size_t line, const std::string& field,
                     const std::string& why) {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (!field.empty()) return fmt::format("{}: {}: {}", where, field, why);
  return fmt::format("{}: {}", where, why);
}
}  // namespace

InputError::InputError(std::string file, std::size_t line, std::string field,
                       const std::string& why)
    : std::runtime_error(describe(file, line, field, why)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)) {}

}  // namespace veche
