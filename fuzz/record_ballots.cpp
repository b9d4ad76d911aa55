// libFuzzer: any bytes as a record's ballots.jsonl either become a sound Profile under the
// manifest's rules or an InputError naming the first line that is not a canonical ballot —
// what `veche verify` and `record count` meet when a record has been tampered with.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ballot_parser.hpp"
#include "veche/ledger/record_profile.hpp"

namespace {

veche::Manifest manifest_for(std::size_t size) {
  constexpr const char* kRemedies[] = {"exhaust", "skip", "reject", "error"};
  veche::Manifest m;
  m.candidates = {"Ann", "Bo", "Cy", "Dee \"D\" Ó"};
  m.method = "irv";
  m.skipped_rank = kRemedies[size % 4];
  m.repeated = kRemedies[(size / 4) % 4];
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view complete = veche::split_torn(text).complete;
  std::uint64_t lines =
      veche::for_each_line(complete, [](std::uint64_t, std::string_view) { return true; });
  std::uint64_t bad_line = 0;
  std::string why;
  try {
    veche::fuzz::check(veche::profile_of_lines(complete, lines, manifest_for(size), "ballots.jsonl",
                                               bad_line, why));
  } catch (const veche::InputError&) {
    if (bad_line > lines) __builtin_trap();  // a line the log does not have
  }
  return 0;
}
