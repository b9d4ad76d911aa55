#pragma once
// What the scenario tests share: the one-line message a scenario file's mistake gets.
#include <string>
#include <string_view>

#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"

namespace veche::testing {

// The reader's message for `text` read as `file_name`, or "no error" when it reads.
inline std::string scenario_error(std::string_view text, const std::string& file_name) {
  try {
    parse_scenario(text, file_name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace veche::testing
