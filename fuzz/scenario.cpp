// libFuzzer: any bytes given to the scenario reader either become a checked Scenario or
// raise InputError naming the file, line and key — never a crash, a hang or a sanitizer
// report. (Playing a scenario writes records to disk, so the target stops at reading.)
#include "veche/council/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "veche/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    veche::Scenario scenario = veche::parse_scenario(text, "fuzz.toml");
    if (scenario.file != "fuzz.toml") __builtin_trap();
  } catch (const veche::InputError&) {
  } catch (const veche::UsageError&) {
  }
  return 0;
}
