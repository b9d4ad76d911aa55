// libFuzzer: any bytes given to `veche record cast --stdin` either become a batch of ballots,
// each of which the record then holds in its canonical form and reads back as the same ranks,
// or an InputError naming a line of the input — never a crash, a read outside the input or
// a sanitizer report. The lines are parsed in place, as the CLI parses them, with whatever
// follows a line in memory (the next lines, then the padding simdjson asks for) after it.
#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/ledger/cast_line.hpp"

namespace {

const veche::BallotLines& names() {
  static const veche::BallotLines lines(
      {"Alice", "Bob", "Carol", "Dee \"D\" Ó", "tab\there", "\\"});
  return lines;
}

// The ballot the record would hold for ballot `b` of the batch reads back as the batch's ranks.
void check_canonical(const veche::CastBatch& batch, std::size_t b) {
  std::string line;
  names().append_line(batch, b, line);
  std::vector<std::vector<veche::CandidateId>> ranks;
  std::size_t used = 0;
  if (!names().read_canonical(line, ranks, used) || used != batch.ranks(b)) __builtin_trap();
  for (std::size_t r = 0; r < used; ++r) {
    auto rank = batch.rank(b, r);
    if (!std::equal(rank.begin(), rank.end(), ranks[r].begin(), ranks[r].end())) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Stale bytes, not zeros, in the padding: the CLI's buffer holds earlier input there.
  std::string input(reinterpret_cast<const char*>(data), size);
  input.append(simdjson::SIMDJSON_PADDING, '"');
  const std::string_view text(input.data(), size);

  simdjson::ondemand::parser parser;
  veche::CastBatch batch;
  std::size_t line = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view ballot = text.substr(begin, end - begin);
    begin = end + 1;
    ++line;
    if (ballot.empty()) continue;
    try {
      veche::read_cast_line(parser, ballot, input.size() - (ballot.data() - input.data()), line,
                            names(), batch);
    } catch (const veche::InputError& error) {
      if (error.line() != line) __builtin_trap();
      return 0;  // the CLI stops at the first bad line
    }
    check_canonical(batch, batch.size() - 1);
  }
  return 0;
}
