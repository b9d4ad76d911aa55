// libFuzzer target for parse_debian_tally.
#include "ballot_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return veche::fuzz::fuzz_ballot_parser(data, size, "fuzz_tally.txt", veche::parse_debian_tally);
}
