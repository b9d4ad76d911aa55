#pragma once
// A scenario: a whole federation written by hand in TOML (docs/scenarios.md) — its
// register, its delegation rule, the mandates presented to its congress, its executive and
// its referendums — and what playing it decides.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "veche/council/credentials.hpp"
#include "veche/council/delegations.hpp"
#include "veche/council/election.hpp"
#include "veche/council/executive.hpp"
#include "veche/council/motion.hpp"
#include "veche/council/organisation.hpp"
#include "veche/council/public_vote.hpp"
#include "veche/council/recall.hpp"
#include "veche/council/referendum.hpp"

namespace veche {

struct ScenarioResignation {
  std::string party;
  std::vector<std::pair<std::string, std::string>> agreement;  // for an executive by agreement
};

struct ScenarioExecutive {
  bool by_agreement = false;
  std::vector<std::string> portfolios;
  std::vector<CoalitionParty> parties;
  std::vector<std::pair<std::string, std::string>> agreement;  // portfolio, party
  std::vector<ScenarioResignation> resignations;
  TiePolicy ties;
};

struct ScenarioSignature {
  std::string member;
  Moment at;
};

// The members' initiative that puts a referendum's question: signed by members of its
// constituencies before the deadline; the share needed is the rules' `initiative`.
struct ScenarioInitiative {
  Moment deadline;
  std::vector<ScenarioSignature> signatures;
};

struct ScenarioReferendum {
  std::string question;
  ReferendumRules rules;
  std::vector<PublicVote> votes;  // one a constituency, each cast into a record of its own
  // Without one the referendum is simply held; with one, only when it is triggered.
  std::optional<ScenarioInitiative> initiative;
};

// A recalled seat won in a scenario election and refilled by a by-election: its ballots.
struct ScenarioByElection {
  std::vector<std::string> candidates;
  std::vector<BallotGroup> ballots;
  GeneratedBallots generated;
};

// A recall: the petition against a delegate, and (when it is triggered) the vote, cast into
// a record of its own.
struct ScenarioRecall {
  std::string delegate;
  CouncilId constituency = 0;
  std::string method;  // how the seat was won, for the refill rule
  Moment deadline;
  std::vector<ScenarioSignature> signatures;
  RecallRules rules;
  std::optional<PublicVote> vote;
  std::optional<ScenarioByElection> by_election;
};

struct ScenarioVote {
  std::string delegate;
  Vote vote = Vote::aye;
};

struct ScenarioQuestion {
  std::string text, proposer, seconder;
  std::vector<ScenarioVote> votes;  // in the order cast
};

// A motion in a council. `seated` empty: the delegates the congress's credentials check
// seated. `present` empty: everyone seated.
struct ScenarioMotion {
  std::string council;
  std::vector<std::string> seated;
  std::vector<std::string> present;
  MotionRules rules;
  ScenarioQuestion motion;
  std::vector<ScenarioQuestion> amendments;
};

struct Scenario {
  std::string file;
  std::string sha256;  // of the file's bytes, named in the event log
  std::vector<DelegateElection> elections;
  // Per mandate: the election whose returning officer signs it ("" for none), for a
  // mandate written by hand (e.g. one signed for someone the count did not elect).
  std::vector<std::string> mandate_records;
  Organisation organisation;
  CouncilId congress = 0;  // the council the delegations go to
  std::optional<DelegationRule> delegations;
  // The rule by which each council of a level below the congress is sent delegates by the
  // councils under it ([delegations.district], [delegations.regional]).
  std::map<CouncilLevel, DelegationRule> level_delegations;
  std::vector<Mandate> mandates;
  // Per mandate written in the file: the council it is presented to (the congress unless
  // the [[mandate]] says `to`).
  std::vector<std::string> mandate_to;
  std::optional<ScenarioExecutive> executive;
  std::vector<ScenarioReferendum> referendums;
  std::vector<ScenarioRecall> recalls;
  std::vector<ScenarioMotion> motions;

  // The rule apportioning the delegates sent to `receiving`, or null when none does.
  const DelegationRule* delegation_rule_for(CouncilId receiving) const;
};

// Reads and checks a scenario. Any mistake — bad TOML, a missing or unknown key, a value of
// the wrong kind, an unknown council or party, a referendum without a question, a register
// that is not a tree — is one InputError naming the file, the line and the key.
Scenario read_scenario(const std::filesystem::path& file);
Scenario parse_scenario(std::string_view text, const std::string& file_name);

// Plays the scenario: the delegation tables (the congress's, and "level_delegations" for each
// lower council a level's rule sends delegates to), the credentials check at each of them, the
// executive formed (and re-formed after each resignation), each referendum decided. The summary has
// "delegations", "seated", "refused_mandates", "elections", "recalls" (signatures counted
// and refused, triggered, recalled, refill rule), "motions" (each question's roll call and
// every refused act), "referendums",
// "executive" (party → portfolios) and "executive_record" (every pick).
//
// With `out`, the scenario's elections each leave their public record in out/<council>/,
// their mandates are signed (out/mandates.jsonl) and checked against those records, and the
// organisation's event log is written beside them (council/event_log.hpp). Each recall vote
// is cast into a record of its own in out/<council> recall N/, each referendum's
// constituencies into out/referendum N/<council>/ (council/public_vote.hpp), and what they
// decide is decided from those records' recount. `out` must not exist; everything is built
// in a folder beside it and renamed into place when whole.
// Without `out`, records are built in a temporary folder and removed.
nlohmann::ordered_json play_scenario(
    const Scenario& scenario, const std::optional<std::filesystem::path>& out = std::nullopt);

// The summary as the returning officer reads it, stage by stage.
std::string scenario_text(const nlohmann::ordered_json& summary);

// Checks a folder `play_scenario` wrote: the event log, every election record, and every
// mandate in mandates.jsonl against its record.
std::vector<Check> verify_scenario_output(const std::filesystem::path& out);

// The folder name of a council's election record: its name, with path separators and a
// leading dot made harmless.
std::string record_folder(std::string_view council);

}  // namespace veche
