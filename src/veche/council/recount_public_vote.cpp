#include <fmt/format.h>

#include <stdexcept>

#include "veche/council/public_vote.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

VoteTally recount_public_vote(const fs::path& record) {
  Manifest manifest = read_manifest(record).manifest;
  if (manifest.candidates.size() != 2)
    throw std::invalid_argument(fmt::format("{}: not a vote with two answers", record.string()));
  Profile ballots = record_profile(record, manifest);
  VoteTally tally;
  for (std::size_t b = 0; b < ballots.size(); ++b) {
    std::span<const Mark> marks = ballots.ballot(b);
    // A question's ballot marks one answer or none; anything else was never cast here.
    if (marks.size() > 1) {
      throw std::invalid_argument(
          fmt::format("{}: a ballot marks both answers", (record / kBallots).string()));
    }
    std::uint64_t& total = marks.empty()
                               ? tally.blank
                               : (candidate_of(marks[0]) == 0 ? tally.answer_for : tally.against);
    total += ballots.weight(b);
  }
  return tally;
}

}  // namespace veche
