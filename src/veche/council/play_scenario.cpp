#include <fmt/format.h>

#include <map>
#include <set>

#include "veche/core/error.hpp"
#include "veche/council/event_log.hpp"
#include "veche/council/mandate.hpp"
#include "veche/council/refill.hpp"
#include "veche/council/refusal.hpp"
#include "veche/council/scenario.hpp"
#include "veche/count/method.hpp"
#include "veche/ledger/deferred_sync.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

using Json = nlohmann::ordered_json;

// The seats one election filled, as recalls change their holders.
struct Seats {
  std::vector<std::string> held;
  std::vector<std::string> vacated;  // list seats refilled by the next on the list, in order
};

// Everything one playing of a scenario holds while it runs.
struct Play {
  const Scenario& s;
  fs::path records;  // where the election records go
  EventLog log;
  Json summary;
  std::optional<DelegationTable> table;             // the congress's
  std::vector<DelegationTable> lower_tables;        // every other council receiving delegates
  std::map<std::string, RecordKeys> keys;           // council → its returning officer's keys
  std::map<std::string, ElectionResult> elections;  // council → what its election decided
  std::vector<std::string> mandate_lines;           // mandates.jsonl
  std::map<std::string, Seats> seats;  // council → its election's seats after recalls
};

Json event(std::string_view kind) {
  return Json{{"event", kind}};
}

// The congress's table, then one for each council below it that a level's rule sends
// delegates to, in register order.
void play_delegations(Play& p) {
  const Organisation& o = p.s.organisation;
  if (p.s.delegations) {
    p.table = apportion_delegations(o, p.s.congress, *p.s.delegations);
    p.summary["delegations"] = delegation_json(*p.table);
  }
  for (CouncilId id = 0; id < o.councils().size(); ++id) {
    const DelegationRule* rule = p.s.delegation_rule_for(id);
    if (id == p.s.congress || !rule || o.children(id).empty()) continue;
    p.lower_tables.push_back(apportion_delegations(o, id, *rule));
    p.summary["level_delegations"].push_back(delegation_json(p.lower_tables.back()));
  }
}

// The table of the delegates sent to `council`, or null when no rule apportions them.
const DelegationTable* table_to(const Play& p, std::string_view council) {
  if (p.table && p.table->parent == council) return &*p.table;
  for (const DelegationTable& t : p.lower_tables) {
    if (t.parent == council) return &t;
  }
  return nullptr;
}

// Where the summary lists the delegates seated at `council`.
Json& seated_at(Play& p, std::string_view council) {
  if (p.table && p.table->parent == council) return p.summary["seated"];
  Json& level = p.summary["level_delegations"];
  for (std::size_t i = 0; i < p.lower_tables.size(); ++i) {
    if (p.lower_tables[i].parent == council) return level[i]["seated"];
  }
  throw std::logic_error(fmt::format("no delegates are seated at {}", council));
}

void log_seats(Play& p, const ElectionResult& result, const std::string& to, std::string_view how) {
  std::string manifest = read_manifest(result.record).sha256;
  for (const std::string& delegate : result.elected) {
    Json e = event("seat won");
    e.update(Json{{"council", result.council},
                  {"to", to},
                  {"delegate", delegate},
                  {"method", result.method},
                  {"how", how},
                  {"record", result.record.filename().string()},
                  {"manifest_sha256", manifest}});
    p.log.append(e);
  }
}

Json election_json(const ElectionResult& r, const std::string& to) {
  return {{"council", r.council},
          {"to", to},
          {"method", r.method},
          {"seats", r.seats},
          {"ballots", r.ballots},
          {"elected", r.elected},
          {"record", r.record.filename().string()}};
}

ElectionResult hold(Play& p, DelegateElection e, const std::string& folder) {
  if (e.seats == 0) e.seats = *table_to(p, e.to)->delegates_of(e.council);
  auto [keys, fresh] = p.keys.emplace(e.council, RecordKeys{new_signing_key(), new_signing_key()});
  try {
    return hold_election(e, p.records / folder, keys->second);
  } catch (const UsageError& error) {
    // e.g. more seats apportioned than candidates stand: say which election.
    throw UsageError(fmt::format("the election in {}: {}", e.council, error.what()));
  }
}

void play_elections(Play& p) {
  for (const DelegateElection& e : p.s.elections) {
    ElectionResult result = hold(p, e, record_folder(e.council));
    log_seats(p, result, e.to, "elected");
    p.summary["elections"].push_back(election_json(result, e.to));
    p.elections.emplace(e.council, std::move(result));
  }
  if (!p.s.elections.empty()) p.log.sign_head(false);
}

// mandates.jsonl publishes the mandates the elections issued; those the file adds by hand
// (to be refused) appear only in the credentials report.
void present(Play& p, std::vector<Mandate>& presented, Mandate m, const std::string& signed_by,
             const std::string& to, bool issued) {
  if (!signed_by.empty()) {
    m.statement = issue_mandate(p.records, record_folder(signed_by), m.delegate, to,
                                p.keys.at(signed_by).returning_officer);
    if (issued) p.mandate_lines.push_back(m.statement.dump());
  }
  presented.push_back(std::move(m));
}

// Every delegate elected to `to` brings the mandate their returning officer signs; the
// file's own [[mandate]]s to it follow, as the credentials committee receives them.
std::vector<Mandate> present_mandates(Play& p, const std::string& to) {
  std::vector<Mandate> presented;
  for (const DelegateElection& e : p.s.elections) {
    if (e.to != to) continue;
    for (const std::string& delegate : p.elections.at(e.council).elected) {
      present(p, presented, Mandate{e.council, delegate, {}}, e.council, to, true);
    }
  }
  for (std::size_t i = 0; i < p.s.mandates.size(); ++i) {
    if (p.s.mandate_to[i] == to)
      present(p, presented, p.s.mandates[i], p.s.mandate_records[i], to, false);
  }
  return presented;
}

// One "mandate checked" event a mandate, seated or refused with its fault.
void log_checked(Play& p, const CredentialsReport& report) {
  for (const Mandate& m : report.seated) {
    Json e = event("mandate checked");
    e.update(Json{{"council", m.council},
                  {"delegate", m.delegate},
                  {"to", report.council},
                  {"seated", true}});
    p.log.append(e);
  }
  for (const RefusedMandate& r : report.refused) {
    Json e = event("mandate checked");
    e.update(Json{{"council", r.mandate.council},
                  {"delegate", r.mandate.delegate},
                  {"to", report.council},
                  {"seated", false},
                  {"fault", to_string(r.fault)},
                  {"reason", r.reason}});
    p.log.append(e);
  }
}

// One council's credentials check, by the same rules at every level: its seated in the
// summary where its table is, its refusals with everyone else's.
void check_credentials_at(Play& p, const DelegationTable& table) {
  std::vector<Mandate> presented = present_mandates(p, table.parent);
  std::optional<fs::path> records;
  if (!p.s.elections.empty()) records = p.records;
  CredentialsReport report = check_credentials(p.s.organisation, table, presented, records);
  Json credentials = credentials_json(report);
  seated_at(p, table.parent) = credentials["seated"];
  for (const Json& r : credentials["refused_mandates"]) p.summary["refused_mandates"].push_back(r);
  log_checked(p, report);
}

void play_credentials(Play& p) {
  if (p.table) check_credentials_at(p, *p.table);
  for (const DelegationTable& table : p.lower_tables) check_credentials_at(p, table);
  if (p.table || !p.lower_tables.empty()) p.log.sign_head(false);
}

// The recall vote, cast into out/<council> recall N/ (N counting the constituency's recall
// votes) and signed by the constituency's returning officer.
CountedVote hold_recall_vote(Play& p, const ScenarioRecall& r) {
  const std::string& council = r.vote->council;
  int held = 1;
  for (const Json& earlier : p.summary["recalls"])
    held += earlier.contains("vote") && earlier["constituency"] == council ? 1 : 0;
  auto [keys, fresh] = p.keys.emplace(council, RecordKeys{new_signing_key(), new_signing_key()});
  return hold_public_vote(*r.vote, p.records,
                          fmt::format("{} recall {}", record_folder(council), held), keys->second);
}

// Signatures the petition refuses are listed with the reason, not thrown: a petition
// carries on when a stranger tries to sign it. The vote, when the petition calls one, is
// decided from its record's recount (`vote`).
Json recall_json(Play& p, const ScenarioRecall& r, std::optional<CountedVote>& vote) {
  const Scenario& s = p.s;
  Petition petition("Recall " + r.delegate, {r.constituency}, r.deadline);
  Json refused = Json::array();
  for (const ScenarioSignature& signature : r.signatures) {
    try {
      petition.sign(s.organisation, signature.member, signature.at);
    } catch (const Refusal& refusal) {
      refused.push_back({{"member", signature.member}, {"reason", refusal.what()}});
    }
  }
  Json json = {{"delegate", r.delegate},
               {"constituency", s.organisation.council(r.constituency).name},
               {"signatures", petition.signatures()},
               {"eligible", petition.eligible(s.organisation)},
               {"refused_signatures", refused},
               {"triggered", recall_triggered(petition, s.organisation, r.rules)},
               {"recalled", false}};
  if (json["triggered"] && r.vote) {
    vote = hold_recall_vote(p, r);
    RecallResult result = decide_recall(recall_ballots(*vote), r.rules);
    json["vote"] = counted_vote_json(*vote, r.vote->answers, false);
    json["recalled"] = result.recalled;
    json["reason"] = result.reason;
    if (result.recalled) json["refill"] = to_string(refill_rule_for(r.method));
  }
  return json;
}

const DelegateElection& election_in(const Scenario& s, const std::string& council) {
  return *std::find_if(s.elections.begin(), s.elections.end(),
                       [&](const DelegateElection& e) { return e.council == council; });
}

// The refilled delegate's mandate, signed by the returning officer of the seat's council and
// naming the refill (`refill`, council/refill.hpp), is checked at the council it goes to as
// every other mandate was: the check works the refill out again from the record. The summary's
// seated follow: the recalled delegate out, the refilled one in when seated.
void seat_refill(Play& p, const std::string& council, const std::string& recalled,
                 const std::string& to, const ElectionResult& result, const Json& refill) {
  const std::string& congress = p.s.organisation.council(p.s.congress).name;
  const DelegationTable* table = table_to(p, to);
  if ((to != congress && !table) || result.elected.empty()) return;
  Mandate m{council, result.elected.front(),
            issue_mandate(p.records, result.record.filename().string(), result.elected.front(), to,
                          p.keys.at(council).returning_officer, refill)};
  p.mandate_lines.push_back(m.statement.dump());
  if (!table) return;
  CredentialsReport report = check_credentials(p.s.organisation, *table, {&m, 1}, p.records);
  log_checked(p, report);
  Json& seated = seated_at(p, to);
  for (auto at = seated.begin(); at != seated.end(); ++at) {
    if ((*at)["council"] == council && (*at)["delegate"] == recalled) {
      seated.erase(at);
      break;
    }
  }
  Json credentials = credentials_json(report);
  for (const Json& s : credentials["seated"]) seated.push_back(s);
  for (const Json& r : credentials["refused_mandates"]) p.summary["refused_mandates"].push_back(r);
}

// The seats `council`'s election filled, as recalls and refills have left them.
Seats& seats_of(Play& p, const std::string& council) {
  return p.seats.try_emplace(council, Seats{p.elections.at(council).elected, {}}).first->second;
}

// The recalled delegate's seat passes to `successor`, or stays empty.
void pass_seat(Play& p, const std::string& council, const std::string& recalled,
               const std::optional<std::string>& successor) {
  std::vector<std::string>& held = seats_of(p, council).held;
  auto at = std::find(held.begin(), held.end(), recalled);
  if (successor) {
    *at = *successor;
  } else {
    held.erase(at);
  }
}

// An STV seat: the election's own ballots counted back (count/countback.hpp) among those
// who stood and were not seated, published beside the record as countback-N.json.
void refill_by_countback(Play& p, const ScenarioRecall& r, Json& json) {
  const DelegateElection& e = election_in(p.s, p.s.organisation.council(r.constituency).name);
  const ElectionResult& won = p.elections.at(e.council);
  Json statement;
  try {
    statement = publish_countback(won.record, r.delegate, p.keys.at(e.council).returning_officer);
  } catch (const UsageError& error) {
    // No one left to stand is a fact of the election, not a mistake in the file.
    json["refill_note"] =
        fmt::format("countback not possible ({}): the seat stays empty", error.what());
    pass_seat(p, e.council, r.delegate, std::nullopt);
    return;
  }
  std::string elected = statement["elected"].get<std::string>();
  std::string file = countback_file(statement["number"].get<int>());
  json["countback"] = {
      {"record", won.record.filename().string()}, {"statement", file}, {"elected", elected}};
  pass_seat(p, e.council, r.delegate, elected);
  ElectionResult refill{e.council, e.method, 1, won.ballots, {elected}, won.record};
  log_seats(p, refill, e.to, "countback");
  seat_refill(
      p, e.council, r.delegate, e.to, refill,
      {{"countback", file}, {"countback_sha256", sha256_hex(read_small_file(won.record / file))}});
}

// A party-list seat: the next on the recalled delegate's list who is neither seated nor
// recalled, worked out from the record (lists.json) and the seats vacated before it.
void refill_from_list(Play& p, const ScenarioRecall& r, Json& json) {
  const DelegateElection& e = election_in(p.s, p.s.organisation.council(r.constituency).name);
  const ElectionResult& won = p.elections.at(e.council);
  auto list = std::find_if(e.lists.begin(), e.lists.end(), [&](const PartyList& l) {
    return std::ranges::count(l.candidates, r.delegate) > 0;
  });
  std::vector<std::string>& vacated = seats_of(p, e.council).vacated;
  vacated.push_back(r.delegate);
  std::string why;
  std::optional<std::string> next = next_on_list_after(won.record, vacated, why);
  pass_seat(p, e.council, r.delegate, next);
  if (!next) {
    // An empty seat is no refill: later ones are worked out as if it were still held.
    vacated.pop_back();
    json["refill_note"] = why + ": the seat stays empty";
    return;
  }
  json["next_on_list"] = {{"party", list->party},
                          {"elected", *next},
                          {"record", won.record.filename().string()},
                          {"vacated", vacated}};
  ElectionResult refill{e.council, e.method, 1, won.ballots, {*next}, won.record};
  log_seats(p, refill, e.to, "next on the list");
  seat_refill(p, e.council, r.delegate, e.to, refill, {{"vacated", vacated}});
}

// A single-winner seat: a one-seat election among the candidates the file gives, with a
// record of its own.
void refill_by_election(Play& p, const ScenarioRecall& r, Json& json) {
  const DelegateElection& original =
      election_in(p.s, p.s.organisation.council(r.constituency).name);
  DelegateElection by = original;
  by.seats = 1;
  by.candidates = r.by_election->candidates;
  by.ballots = r.by_election->ballots;
  by.generated = r.by_election->generated;
  int held = 1;
  for (const Json& earlier : p.summary["recalls"]) held += earlier.contains("by_election") ? 1 : 0;
  ElectionResult result =
      hold(p, by, fmt::format("{} by-election {}", record_folder(original.council), held));
  log_seats(p, result, by.to, "by-election");
  json["by_election"] = election_json(result, by.to);
  std::optional<std::string> winner;
  if (!result.elected.empty()) winner = result.elected.front();
  pass_seat(p, original.council, r.delegate, winner);
  seat_refill(p, original.council, r.delegate, by.to, result, Json::object());
}

// The seat is refilled by the rule that fits how it was won, when it is held from one of
// the scenario's elections (refills included); otherwise the summary names the rule and
// no more.
void refill(Play& p, const ScenarioRecall& r, Json& json) {
  const std::string& council = p.s.organisation.council(r.constituency).name;
  bool held_here = p.elections.contains(council) &&
                   std::ranges::count(seats_of(p, council).held, r.delegate) > 0;
  if (!held_here) return;
  RefillRule rule = refill_rule_for(r.method);
  if (rule == RefillRule::next_on_list) {
    refill_from_list(p, r, json);
  } else if (rule == RefillRule::stv_countback) {
    refill_by_countback(p, r, json);
  } else if (rule == RefillRule::by_election && r.by_election) {
    refill_by_election(p, r, json);
  } else {
    json["refill_note"] =
        "no [recall.by_election] ballots given: the seat stays empty until one is held";
    pass_seat(p, council, r.delegate, std::nullopt);
  }
}

void play_recalls(Play& p) {
  for (const ScenarioRecall& r : p.s.recalls) {
    std::optional<CountedVote> vote;
    Json json = recall_json(p, r, vote);
    if (json["recalled"].get<bool>()) refill(p, r, json);
    Json e = event("recall");
    e.update(Json{{"delegate", r.delegate},
                  {"constituency", json["constituency"]},
                  {"signatures", json["signatures"]},
                  {"triggered", json["triggered"]},
                  {"recalled", json["recalled"]}});
    // With its rules, so that anyone can decide the vote again from its record's recount.
    if (vote) {
      e["vote"] = counted_vote_json(*vote, r.vote->answers, true);
      e["vote"]["rules"] = recall_rules_json(r.rules);
    }
    if (json.contains("refill")) e["refill"] = json["refill"];
    p.log.append(e);
    p.summary["recalls"].push_back(std::move(json));
  }
  if (!p.s.recalls.empty()) p.log.sign_head(false);
}

// Refused acts — a stranger voting, a second vote, a question put without quorum — are
// listed with the reason and the sitting goes on, as a chair would rule them out of order.
template <class Act>
void act(Json& refused, Act&& action) {
  try {
    action();
  } catch (const Refusal& refusal) {
    refused.push_back({{"who", refusal.who()},
                       {"refused", to_string(refusal.why())},
                       {"reason", refusal.what()}});
  }
}

void vote_on(Motion& motion, const ScenarioQuestion& q, Json& refused) {
  for (const ScenarioVote& v : q.votes) act(refused, [&] { motion.vote(v.delegate, v.vote); });
  act(refused, [&] { motion.close(); });
}

// Delegates' votes are public: each one, and each question's result, is an event.
Json play_motion(const ScenarioMotion& m, const std::vector<std::string>& seated_at_congress,
                 EventLog& log) {
  const std::vector<std::string>& names = m.seated.empty() ? seated_at_congress : m.seated;
  Motion motion(m.council, std::set<std::string>(names.begin(), names.end()), m.rules);
  Json refused = Json::array();
  act(refused, [&] { motion.move(m.motion.text, m.motion.proposer, m.motion.seconder); });
  // No roll of attendance given: everyone seated is taken to be present.
  for (const std::string& d : m.present.empty() ? names : m.present)
    act(refused, [&] { motion.attend(d); });
  for (const ScenarioQuestion& a : m.amendments) {
    act(refused, [&] {
      std::size_t index = motion.amend(a.text, a.proposer, a.seconder);
      motion.put_amendment(index);
      vote_on(motion, a, refused);
    });
  }
  act(refused, [&] {
    motion.put_motion();
    vote_on(motion, m.motion, refused);
  });
  for (const Json& e : motion_events(motion)) log.append(e);
  Json json = motion_json(motion);
  json["refused"] = std::move(refused);
  return json;
}

void play_motions(Play& p) {
  std::vector<std::string> seated;
  for (const Json& m : p.summary["seated"]) seated.push_back(m["delegate"].get<std::string>());
  for (const ScenarioMotion& m : p.s.motions)
    p.summary["motions"].push_back(play_motion(m, seated, p.log));
  if (!p.s.motions.empty()) p.log.sign_head(false);
}

// The members' initiative, signed by members of the referendum's constituencies: a
// refused signature is listed with its reason, and the petition decides whether it is held.
Json initiative_json(const Organisation& o, const ScenarioReferendum& r) {
  std::vector<CouncilId> constituencies;
  for (const PublicVote& vote : r.votes) constituencies.push_back(*o.find_council(vote.council));
  Petition petition(r.question, std::move(constituencies), r.initiative->deadline);
  Json refused = Json::array();
  for (const ScenarioSignature& signature : r.initiative->signatures) {
    try {
      petition.sign(o, signature.member, signature.at);
    } catch (const Refusal& refusal) {
      refused.push_back({{"member", signature.member}, {"reason", refusal.what()}});
    }
  }
  return {{"deadline", to_string(r.initiative->deadline)},
          {"threshold", to_string(r.rules.initiative)},
          {"signatures", petition.signatures()},
          {"eligible", petition.eligible(o)},
          {"refused_signatures", std::move(refused)},
          {"triggered", initiative_triggered(petition, o, r.rules)}};
}

// Each referendum's constituencies vote into records under out/referendum N/; the
// decision is the recounts', and the event names every record and its manifest. One put by
// an initiative that was not triggered is not held: no records, no referendum event.
void play_referendums(Play& p) {
  for (std::size_t i = 0; i < p.s.referendums.size(); ++i) {
    const ScenarioReferendum& r = p.s.referendums[i];
    Json initiative;
    if (r.initiative) {
      initiative = initiative_json(p.s.organisation, r);
      Json e = event("initiative");
      e.update(Json{{"question", r.question}});
      e.update(initiative);
      p.log.append(e);
      if (!initiative["triggered"].get<bool>()) {
        p.summary["referendums"].push_back(
            {{"question", r.question}, {"held", false}, {"initiative", std::move(initiative)}});
        continue;
      }
    }
    HeldReferendum held = hold_referendum(r.question, r.votes, r.rules, p.records,
                                          fmt::format("referendum {}", i + 1), p.keys);
    const ReferendumResult& result = held.result;
    Json e = event("referendum");
    e.update(Json{{"question", result.question},
                  {"yes", result.yes},
                  {"no", result.no},
                  {"blank", result.blank},
                  {"carried", result.carried},
                  {"rules", referendum_rules_json(r.rules)},
                  {"records", Json::array()}});
    Json json = referendum_json(result);
    json["constituencies"] = Json::array();
    for (const CountedVote& vote : held.constituencies) {
      e["records"].push_back(counted_vote_json(vote, r.votes.front().answers, true));
      json["constituencies"].push_back(counted_vote_json(vote, r.votes.front().answers, false));
    }
    if (r.initiative) json["initiative"] = std::move(initiative);
    p.log.append(e);
    p.summary["referendums"].push_back(std::move(json));
  }
  if (!p.s.referendums.empty()) p.log.sign_head(false);
}

void log_picks(Play& p, const Executive& e, std::size_t from) {
  for (std::size_t i = from; i < e.picks.size(); ++i) {
    Json event_json = event("portfolio taken");
    event_json.update(Json{{"party", e.picks[i].party},
                           {"portfolio", e.picks[i].portfolio},
                           {"pick", e.picks[i].pick}});
    p.log.append(event_json);
  }
}

// Formed, then re-formed after each resignation; every portfolio taken or given up logged.
void play_executive(Play& p) {
  if (!p.s.executive) return;
  const ScenarioExecutive& s = *p.s.executive;
  Executive e = s.by_agreement ? form_executive_by_agreement(s.parties, s.portfolios, s.agreement)
                               : form_executive(s.parties, s.portfolios, s.ties);
  log_picks(p, e, 0);
  for (const ScenarioResignation& r : s.resignations) {
    for (const std::string& portfolio : e.portfolios_of(r.party)) {
      Json given_up = event("portfolio given up");
      given_up.update(Json{{"party", r.party}, {"portfolio", portfolio}});
      p.log.append(given_up);
    }
    std::size_t before = e.picks.size();
    resign_from_executive(e, r.party, s.ties, r.agreement);
    log_picks(p, e, before);
  }
  Json record = executive_json(e);
  p.summary["executive"] = record["parties"];
  p.summary["executive_record"] = std::move(record);
  p.log.sign_head(false);
}

Json empty_summary(const Scenario& s) {
  Json summary;
  summary["organisation"] = s.organisation.name;
  summary["congress"] = s.organisation.council(s.congress).name;
  summary["delegations"] = nullptr;
  summary["elections"] = Json::array();
  summary["seated"] = Json::array();
  summary["refused_mandates"] = Json::array();
  summary["recalls"] = Json::array();
  summary["motions"] = Json::array();
  summary["referendums"] = Json::array();
  summary["executive"] = Json::object();
  summary["executive_record"] = nullptr;
  return summary;
}

Json play_into(const Scenario& s, const fs::path& work) {
  Play p{s,
         work,
         EventLog(s.organisation.name, s.sha256, new_signing_key()),
         empty_summary(s),
         {},
         {},
         {},
         {},
         {},
         {}};
  play_delegations(p);
  play_elections(p);
  play_credentials(p);
  play_recalls(p);
  play_motions(p);
  play_referendums(p);
  play_executive(p);
  p.log.sign_head(true);
  p.log.write(work);
  std::string mandates;
  for (const std::string& line : p.mandate_lines) mandates += line + "\n";
  write_file_durably(work / "mandates.jsonl", mandates);
  p.summary["events"] = p.log.size();
  return std::move(p.summary);
}

// Removes a folder being built unless it was finished and moved into place.
struct Building {
  fs::path path;
  ~Building() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

std::string record_folder(std::string_view council) {
  std::string folder(council);
  for (char& c : folder) {
    if (c == '/' || c == '\\') c = '_';
  }
  if (folder.empty() || folder.front() == '.') folder.insert(0, "_");
  return folder;
}

nlohmann::ordered_json play_scenario(const Scenario& s, const std::optional<fs::path>& out) {
  if (!out) {
    Building work{
        fs::temp_directory_path() /
        fmt::format("veche-scenario-{}", to_hex(new_signing_key().public_key).substr(0, 16))};
    fs::create_directories(work.path);
    DeferredSync removed_at_the_end;  // nothing of it is kept
    return play_into(s, work.path);
  }
  fs::path target = out->lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "DIR/" names DIR
  if (fs::exists(target)) {
    throw UsageError(fmt::format("{}: already exists; give a new folder", out->string()));
  }
  Building work{fs::path(target.string() + ".building")};
  fs::remove_all(work.path);  // what an interrupted run left
  fs::create_directories(work.path);
  Json summary;
  {
    // Nothing in the folder is seen before the rename: it is synced once, not file by file.
    DeferredSync until_renamed;
    summary = play_into(s, work.path);
    write_file_durably(work.path / "summary.json", summary.dump(1) + "\n");
  }
  sync_folder_tree(work.path);
  fs::rename(work.path, target);
  sync_directory(fs::absolute(target).parent_path());
  return summary;
}

}  // namespace veche
