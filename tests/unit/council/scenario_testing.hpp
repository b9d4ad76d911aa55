#pragma once
// What the scenario tests share: a small register, two elections of delegates, and the
// one-line message a scenario file's mistake gets.
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

// After a register with Docks and Depot under a congress: the congress's delegations, Docks
// electing 2 by STV (Ann and Bo; Ann's papers go on to Cy) and Depot 2 from party lists
// (Ed and Hal; Flo next on the Reds' list).
constexpr std::string_view kDocksAndDepotElections = R"([delegations]
rule = "proportional"
method = "dhondt"
seats = 4
minimum = 2
[[election]]
council = "Docks"
method = "stv-scottish"
candidates = ["Ann", "Bo", "Cy", "Di"]
[[election.ballot]]
ranks = ["Ann", "Cy"]
count = 40
[[election.ballot]]
ranks = ["Bo", "Di"]
count = 35
[[election.ballot]]
ranks = ["Cy"]
count = 15
[[election.ballot]]
ranks = ["Di"]
count = 10
[[election]]
council = "Depot"
method = "sainte-lague"
[[election.list]]
party = "Reds"
candidates = ["Ed", "Flo", "Gus"]
[[election.list]]
party = "Blues"
candidates = ["Hal", "Ida"]
[[election.ballot]]
ranks = ["Reds"]
count = 70
[[election.ballot]]
ranks = ["Blues"]
count = 30
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
