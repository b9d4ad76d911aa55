#include "veche/io/ballot_sink.hpp"

#include <limits>

#include "veche/core/error.hpp"

namespace veche::io {

BallotSink::BallotSink(std::string path, std::vector<std::string> candidates,
                       const BallotRules& rules)
    : path_(std::move(path)),
      unknown_name_(rules.unknown_name),
      candidate_count_(candidates.size()),
      builder_(std::move(candidates), rules) {}

void BallotSink::count(Weight weight, std::size_t line) {
  // Totals are exact integers: a file whose weights overflow them is refused, not wrapped.
  if (weight > std::numeric_limits<Weight>::max() - read_) {
    throw InputError(path_, line, "weight", "the weights add up to more than 2^64 - 1");
  }
  read_ += weight;
}

void BallotSink::add(const Ranks& ranks, Weight weight, std::size_t line) {
  count(weight, line);
  try {
    builder_.add(ranks.groups(), weight);
  } catch (const UsageError& e) {
    throw InputError(path_, line, "ballot", e.what());
  }
}

void BallotSink::add_strict(std::span<const CandidateId> ranking, Weight weight, std::size_t line) {
  count(weight, line);
  builder_.add_strict(ranking, weight);
}

void BallotSink::reject(Weight weight, std::size_t line) {
  count(weight, line);
  builder_.profile().rejected += weight;
}

UnknownMark BallotSink::unknown_mark(std::size_t line, const std::string& field,
                                     const std::string& why) {
  return io::unknown_mark(unknown_name_, path_, line, field, why);
}

UnknownMark unknown_mark(Remedy remedy, const std::string& path, std::size_t line,
                         const std::string& field, const std::string& why) {
  switch (remedy) {
    case Remedy::skip:
      return UnknownMark::pass_over;
    case Remedy::exhaust:
      return UnknownMark::end_ballot;
    case Remedy::reject:
      return UnknownMark::reject_ballot;
    case Remedy::error:
      break;
  }
  throw InputError(path, line, field, why);
}

}  // namespace veche::io
