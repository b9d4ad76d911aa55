#pragma once
// Reading a register made up from counts (docs/scenarios.md, "A register from counts"):
// councils by the hundred from one [[councils]] table, a council's members from its attested
// count (roll = {…}). Internal to council/; the scenario reader calls these.
#include <toml++/toml.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "veche/council/organisation.hpp"
#include "veche/council/scenario.hpp"
#include "veche/council/scenario_toml.hpp"

namespace veche {

// Caps, so that a tiny file cannot make the reader allocate without bound: councils made
// up by all [[councils]] tables together, and a made-up council's members (its roll costs
// no memory a member, but its elections and signatures are drawn from it).
inline constexpr std::int64_t kMostMadeUpCouncils = 100'000;
inline constexpr std::int64_t kMostMadeUpMembers = 10'000'000;
// Candidates made up for one council's election, and for all councils of a level together.
inline constexpr std::int64_t kMostMadeUpCandidates = 1'000;
inline constexpr std::int64_t kMostMadeUpCandidatesALevel = 1'000'000;
// Ballots made up for one council's election from its turnout.
inline constexpr std::uint64_t kMostMadeUpVoters = 10'000'000;
// Signatures of all petitions together, drawn or written (each is a name held until the
// petition is signed).
inline constexpr std::int64_t kMostSignatures = 100'000;

// Council or member name → the table that said it, for complaints validate() finds later.
using SaidAt = std::map<std::string, const toml::node*, std::less<>>;

// The [[councils]] tables, after every written [[council]] is named: each makes up `count`
// councils under each of its parents. InputError naming file, line and key for a mistake.
void read_generated_councils(const ScenarioToml& toml, const toml::table& root, Organisation& o,
                             SaidAt& said_at);

// A council table's `roll = {…}`, if any, added to `council` (which must attest its count).
void read_member_roll(const ScenarioToml& toml, const toml::table& t, const std::string& path,
                      Organisation& o, CouncilId council);

// A petition's `signatures = { count, seed, at }` (a recall's or an initiative's): `count`
// distinct members of its `constituencies` drawn from the seed (under `subject`, so that two
// petitions with one seed draw apart), each signing at `at`, after the `written` ones. None
// when the key is absent. `s`: the referendums and recalls read before it.
std::vector<ScenarioSignature> read_drawn_signatures(const ScenarioToml& toml, const toml::table& t,
                                                     const std::string& path, const Scenario& s,
                                                     std::span<const CouncilId> constituencies,
                                                     const std::string& subject,
                                                     std::size_t written);

// An [[election]] written for a `level`: one election for every council of that level that
// holds none of its own in `s.elections`, in register order, its candidates and ballots made
// up. InputError naming file, line and key for a mistake.
std::vector<DelegateElection> read_level_election(const ScenarioToml& toml, const toml::table& t,
                                                  const std::string& path, const Scenario& s);

}  // namespace veche
