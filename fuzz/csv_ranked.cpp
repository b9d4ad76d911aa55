// libFuzzer target for parse_csv_ranked.
#include "ballot_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return veche::fuzz::fuzz_ballot_parser(
      data, size, "fuzz.csv",
      [](std::string_view text, const std::string& path, const veche::BallotRules& rules) {
        return veche::parse_csv_ranked(text, path, rules);
      });
}
