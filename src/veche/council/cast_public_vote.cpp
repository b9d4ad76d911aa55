#include <fmt/format.h>

#include <array>

#include "veche/core/error.hpp"
#include "veche/council/public_vote.hpp"
#include "veche/council/seeded_draws.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

enum Answer : std::uint8_t { answer_for, against, blank };

// Ballots go into the log a million at a time, each batch under its own head, as an
// import's do.
constexpr std::size_t kBatch = 1'000'000;

// The file's ballots in an order drawn from the seed (Fisher–Yates), so the log does not
// list every yes before every no, and the same file casts the same log.
std::vector<Answer> given_ballots(const PublicVote& v) {
  std::vector<Answer> ballots;
  ballots.reserve(v.answer_for + v.against + v.blank);
  ballots.insert(ballots.end(), v.answer_for, answer_for);
  ballots.insert(ballots.end(), v.against, against);
  ballots.insert(ballots.end(), v.blank, blank);
  SeededDraws draws(v.order_seed, v.council + ":order");
  for (std::size_t i = ballots.size(); i > 1; --i)
    std::swap(ballots[i - 1], ballots[draws.below(i)]);
  return ballots;
}

std::vector<Answer> generated_ballots(const PublicVote& v) {
  const GeneratedVote& g = *v.generated;
  SeededDraws draws(g.seed, v.council + ":vote");
  std::vector<Answer> ballots;
  for (std::uint64_t member = 0; member < v.electorate; ++member) {
    if (!draws.chance(g.turnout)) continue;
    if (draws.chance(g.blank)) {
      ballots.push_back(blank);
    } else {
      ballots.push_back(draws.chance(g.answer_for) ? answer_for : against);
    }
  }
  return ballots;
}

Manifest vote_manifest(const PublicVote& v) {
  Manifest m;
  m.election = v.question;
  m.run_by = fmt::format("Returning officer of {}", v.council);
  m.council = v.council;
  m.candidates = v.answers;
  // The record's own count tallies the answers; the rules that decide (quorum, majority)
  // are the referendum's or the recall's, applied to that tally.
  m.method = "plurality";
  m.seats = 1;
  m.roll_included = false;
  return m;
}

void append_ballots(Ledger& ledger, const std::vector<Answer>& ballots) {
  BallotLines writer(ledger.manifest().candidates);
  std::vector<std::vector<CandidateId>> yes{{0}}, no{{1}}, none;
  const std::array<std::string, 3> lines = {writer.line(yes), writer.line(no), writer.line(none)};
  std::vector<std::string> batch;
  for (Answer a : ballots) {
    batch.push_back(lines[a]);
    if (batch.size() == kBatch) {
      ledger.append(batch, {});
      batch.clear();
    }
  }
  if (!batch.empty()) ledger.append(batch, {});
}

}  // namespace

void cast_public_vote(const PublicVote& v, const fs::path& record, const RecordKeys& keys) {
  if (v.answers.size() != 2)
    throw UsageError(fmt::format("{}: a vote offers two answers", v.question));
  if (fs::exists(record)) throw UsageError(fmt::format("{}: already exists", record.string()));
  std::vector<Answer> ballots = v.generated ? generated_ballots(v) : given_ballots(v);
  if (ballots.size() > v.electorate) {
    throw UsageError(fmt::format("{} in {}: {} ballots cast but an electorate of {}", v.question,
                                 v.council, ballots.size(), v.electorate));
  }
  fs::path building = record;
  building += ".casting";
  fs::remove_all(building);  // what a crashed run left
  init_record(building, vote_manifest(v), keys);
  {
    Ledger ledger(building, keys);
    append_ballots(ledger, ballots);
    ledger.close();
  }
  count_record(building, keys);
  fs::rename(building, record);
  sync_directory(fs::absolute(record).parent_path());
}

}  // namespace veche
