// libFuzzer: any bytes given to the party-votes CSV parser either parse or raise InputError,
// and whatever parses can be apportioned (or refused with a UsageError) without a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "veche/apportion/method.hpp"
#include "veche/core/error.hpp"
#include "veche/io/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  veche::PartyVotes votes;
  try {
    votes = veche::parse_party_votes(text, "fuzz.csv");
  } catch (const veche::InputError&) {
    return 0;
  }
  // A small house, from the input itself, so every method runs quickly.
  veche::ApportionOptions options;
  options.seats = 1 + static_cast<int>(size % 40);
  for (const veche::ApportionMethod& method : veche::apportion_methods()) {
    try {
      veche::Apportionment a = method.apportion(votes, options);
      int total = 0;
      for (int s : a.result) total += s;
      if (total != options.seats) __builtin_trap();
    } catch (const veche::UsageError&) {
    }
  }
  return 0;
}
