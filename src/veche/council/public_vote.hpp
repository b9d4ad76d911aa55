#pragma once
// A question put to the members of one council — a referendum in one constituency, or the
// vote on recalling a delegate — cast into a public record of its own, as a delegate
// election is (docs/record.md): one ballot a voter in a Merkle log, signed tree heads, the
// count signed by that council's returning officer. Whatever is decided is decided from the
// record's recount, never from totals someone wrote down.
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "veche/council/majority.hpp"
#include "veche/council/recall.hpp"
#include "veche/council/referendum.hpp"
#include "veche/ledger/record.hpp"

namespace veche {

// Ballots made up from a seed: each member of the electorate votes with probability
// `turnout`; a voter leaves the ballot blank with probability `blank`, and otherwise gives
// the first answer (yes, recall) with probability `answer_for`.
struct GeneratedVote {
  Share turnout{1, 2};
  Share answer_for{1, 2};
  Share blank{0, 1};
  std::string seed = "0";
};

struct PublicVote {
  std::string council;   // whose members vote, and whose returning officer signs the count
  std::string question;  // the record's title
  std::vector<std::string> answers = {"yes", "no"};  // for, then against
  std::uint64_t electorate = 0;
  // The ballots the file gives, one a voter, cast in an order drawn from `order_seed` ...
  std::uint64_t answer_for = 0, against = 0, blank = 0;
  std::string order_seed = "0";
  // ... or ballots made up from a seed.
  std::optional<GeneratedVote> generated;
};

// What a vote's record says, counted again from its ballots.
struct VoteTally {
  std::uint64_t answer_for = 0, against = 0, blank = 0;
  std::uint64_t cast() const { return answer_for + against + blank; }
};

// Casts the vote into a complete record at `record` (which must not exist yet), signed with
// `keys`; built beside it and renamed into place when whole. The record carries no roll,
// as a scenario's election records carry none: its ballots name no voter.
void cast_public_vote(const PublicVote& vote, const std::filesystem::path& record,
                      const RecordKeys& keys);

// The totals the record's ballots make (its first answer, its second, blank), counted from
// ballots.jsonl up to the closing head. std::invalid_argument when the record is no
// two-answer vote.
VoteTally recount_public_vote(const std::filesystem::path& record);

// A vote cast and recounted: where its record is (relative to the scenario's output
// folder) and the SHA-256 of the record's manifest, its id in every signed head.
struct CountedVote {
  std::string council;
  std::uint64_t electorate = 0;
  VoteTally tally;
  std::string record;
  std::string manifest_sha256;
};

// Casts `vote` into out/record and recounts it.
CountedVote hold_public_vote(const PublicVote& vote, const std::filesystem::path& out,
                             const std::string& record, const RecordKeys& keys);

// A referendum: each constituency's vote cast into out/folder/<council>/, signed by that
// council's returning officer (`keys`, made when a council has none yet), and the question
// decided from the records' recounts.
struct HeldReferendum {
  ReferendumResult result;
  std::vector<CountedVote> constituencies;
};
HeldReferendum hold_referendum(std::string question, const std::vector<PublicVote>& votes,
                               const ReferendumRules& rules, const std::filesystem::path& out,
                               const std::string& folder, std::map<std::string, RecordKeys>& keys);

// The totals decide_referendum and decide_recall read, taken from a recount.
ConstituencyCount constituency_count(const CountedVote& vote);
RecallBallots recall_ballots(const CountedVote& vote);

// {"council","record","electorate", <answer>: n, <answer>: n, "blank"} for the summary, and
// the same with "manifest_sha256" for the event log.
nlohmann::ordered_json counted_vote_json(const CountedVote& vote,
                                         const std::vector<std::string>& answers,
                                         bool with_manifest);

// The rules a vote was decided by, as the event log states them: {"majority","turnout"} for
// a recall, {"quorum","quorum_share","majority"} for a referendum.
nlohmann::ordered_json recall_rules_json(const RecallRules& rules);
nlohmann::ordered_json referendum_rules_json(const ReferendumRules& rules);

// Every recall and referendum event of the event log in `out` against the records it names:
// each record's manifest is the one logged, its recount gives the logged totals, and the
// logged rules applied to the recounts decide as logged. One check an event.
std::vector<Check> verify_vote_events(const std::filesystem::path& out);

}  // namespace veche
