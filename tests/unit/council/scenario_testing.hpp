#pragma once
// What the scenario tests share: a small register, and the one-line message a scenario
// file's mistake gets.
#include <string>
#include <string_view>

#include "veche/core/error.hpp"
#include "veche/council/scenario.hpp"

namespace veche::testing {

// The register the vote and initiative tests start from: two branches under a congress,
// Ann and Bob members of the Docks.
constexpr std::string_view kDocksAndMills = R"(
[organisation]
name = "Union"
[[council]]
name = "Congress"
level = "congress"
[[council]]
name = "Docks"
level = "local"
parent = "Congress"
[[council]]
name = "Mills"
level = "local"
parent = "Congress"
[[member]]
name = "Ann"
council = "Docks"
[[member]]
name = "Bob"
council = "Docks"
)";

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
