#pragma once
// A scenario: a whole federation written by hand in TOML (docs/scenarios.md) — its
// register, its delegation rule, the mandates presented to its congress, its executive and
// its referendums — and what playing it decides.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "veche/council/credentials.hpp"
#include "veche/council/delegations.hpp"
#include "veche/council/executive.hpp"
#include "veche/council/motion.hpp"
#include "veche/council/organisation.hpp"
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

struct ScenarioReferendum {
  std::string question;
  ReferendumRules rules;
  std::vector<ConstituencyCount> counts;
};

struct ScenarioSignature {
  std::string member;
  Moment at;
};

// A recall: the petition against a delegate, and (when it is triggered) the vote's count.
struct ScenarioRecall {
  std::string delegate;
  CouncilId constituency = 0;
  std::string method;         // how the seat was won, for the refill rule
  Moment deadline;
  std::vector<ScenarioSignature> signatures;
  RecallRules rules;
  std::optional<RecallBallots> vote;
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
  Organisation organisation;
  CouncilId congress = 0;  // the council the delegations go to
  std::optional<DelegationRule> delegations;
  std::vector<Mandate> mandates;
  std::optional<ScenarioExecutive> executive;
  std::vector<ScenarioReferendum> referendums;
  std::vector<ScenarioRecall> recalls;
  std::vector<ScenarioMotion> motions;
};

// Reads and checks a scenario. Any mistake — bad TOML, a missing or unknown key, a value of
// the wrong kind, an unknown council or party, a referendum without a question, a register
// that is not a tree — is one InputError naming the file, the line and the key.
Scenario read_scenario(const std::filesystem::path& file);
Scenario parse_scenario(std::string_view text, const std::string& file_name);

// Plays the scenario: the delegation table, the credentials check, the executive formed
// (and re-formed after each resignation), each referendum decided. The summary has
// "delegations", "seated", "refused_mandates", "elections", "recalls" (signatures counted
// and refused, triggered, recalled, refill rule), "motions" (each question's roll call and
// every refused act), "referendums",
// "executive" (party → portfolios) and "executive_record" (every pick).
nlohmann::ordered_json play_scenario(const Scenario& scenario);

}  // namespace veche
