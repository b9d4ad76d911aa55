// libFuzzer target for parse_blt.
#include "ballot_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return veche::fuzz::fuzz_ballot_parser(data, size, "fuzz.blt", veche::parse_blt);
}
