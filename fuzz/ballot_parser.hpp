#pragma once
// What every ballot-file fuzz target shares: any bytes must become a sound Profile or a
// typed error, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "veche/core/error.hpp"
#include "veche/io/read.hpp"

namespace veche::fuzz {

// The defect rules come from the input's length, so every remedy is tried without taking
// bytes from the text (the seeds stay real files).
inline veche::BallotRules rules_for(std::size_t size) {
  constexpr veche::Remedy kRemedies[] = {veche::Remedy::exhaust, veche::Remedy::skip,
                                         veche::Remedy::reject, veche::Remedy::error};
  veche::BallotRules rules;
  rules.overvote = kRemedies[size % 4];
  rules.skipped_rank = kRemedies[(size / 4) % 4];
  rules.repeated = kRemedies[(size / 16) % 4];
  rules.unknown_name = kRemedies[(size / 64) % 4];
  return rules;
}

// What every Profile must be, whatever the file was.
inline void check(const veche::Profile& p) {
  bool sound = p.withdrawn.size() == p.candidates.size();
  veche::Weight total = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    total += p.weight(i);
    for (veche::Mark m : p.ballot(i)) sound &= veche::candidate_of(m) < p.candidate_count();
  }
  if (!sound || total != p.total_weight()) std::abort();
}

// Feeds the bytes to `parse(text, path, rules)` and checks what comes back.
template <class Parse>
int fuzz_ballot_parser(const std::uint8_t* data, std::size_t size, const std::string& path,
                       Parse parse) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check(parse(text, path, rules_for(size)));
  } catch (const veche::InputError&) {
  } catch (const veche::UsageError&) {
  }
  return 0;
}

}  // namespace veche::fuzz
