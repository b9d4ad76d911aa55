#include "veche/council/scenario.hpp"

#include <set>

#include "veche/council/refusal.hpp"

namespace veche {

namespace {

using Json = nlohmann::ordered_json;

Executive formed_executive(const ScenarioExecutive& s) {
  Executive e = s.by_agreement ? form_executive_by_agreement(s.parties, s.portfolios, s.agreement)
                               : form_executive(s.parties, s.portfolios, s.ties);
  for (const ScenarioResignation& r : s.resignations) resign_from_executive(e, r.party, s.ties, r.agreement);
  return e;
}

void play_delegations(const Scenario& s, Json& summary) {
  if (!s.delegations) return;
  DelegationTable table = apportion_delegations(s.organisation, s.congress, *s.delegations);
  summary["delegations"] = delegation_json(table);
  CredentialsReport report = check_credentials(s.organisation, table, s.mandates);
  Json credentials = credentials_json(report);
  summary["seated"] = credentials["seated"];
  summary["refused_mandates"] = credentials["refused_mandates"];
}

// Signatures the petition refuses are listed with the reason, not thrown: a petition
// carries on when a stranger tries to sign it.
Json play_recall(const Scenario& s, const ScenarioRecall& r) {
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
    RecallResult result = decide_recall(*r.vote, r.rules);
    json["recalled"] = result.recalled;
    json["reason"] = result.reason;
    if (result.recalled) json["refill"] = to_string(refill_rule_for(r.method));
  }
  return json;
}

// Refused acts — a stranger voting, a second vote, a question put without quorum — are
// listed with the reason and the sitting goes on, as a chair would rule them out of order.
template <class Act>
void act(Json& refused, Act&& action) {
  try {
    action();
  } catch (const Refusal& refusal) {
    refused.push_back({{"who", refusal.who()}, {"refused", to_string(refusal.why())}, {"reason", refusal.what()}});
  }
}

void vote_on(Motion& motion, const ScenarioQuestion& q, Json& refused) {
  for (const ScenarioVote& v : q.votes) act(refused, [&] { motion.vote(v.delegate, v.vote); });
  act(refused, [&] { motion.close(); });
}

Json play_motion(const ScenarioMotion& m, const std::vector<std::string>& seated_at_congress) {
  const std::vector<std::string>& names = m.seated.empty() ? seated_at_congress : m.seated;
  Motion motion(m.council, std::set<std::string>(names.begin(), names.end()), m.rules);
  Json refused = Json::array();
  act(refused, [&] { motion.move(m.motion.text, m.motion.proposer, m.motion.seconder); });
  // No roll of attendance given: everyone seated is taken to be present.
  for (const std::string& d : m.present.empty() ? names : m.present) act(refused, [&] { motion.attend(d); });
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
  Json json = motion_json(motion);
  json["refused"] = std::move(refused);
  return json;
}

}  // namespace

nlohmann::ordered_json play_scenario(const Scenario& s) {
  Json summary;
  summary["organisation"] = s.organisation.name;
  summary["congress"] = s.organisation.council(s.congress).name;
  summary["delegations"] = nullptr;
  summary["seated"] = Json::array();
  summary["refused_mandates"] = Json::array();
  summary["elections"] = Json::array();  // elections of delegates come with the record layer
  summary["recalls"] = Json::array();
  for (const ScenarioRecall& r : s.recalls) summary["recalls"].push_back(play_recall(s, r));
  play_delegations(s, summary);
  std::vector<std::string> seated;
  for (const Json& m : summary["seated"]) seated.push_back(m["delegate"].get<std::string>());
  summary["motions"] = Json::array();
  for (const ScenarioMotion& m : s.motions) summary["motions"].push_back(play_motion(m, seated));
  summary["referendums"] = Json::array();
  for (const ScenarioReferendum& r : s.referendums) {
    summary["referendums"].push_back(referendum_json(decide_referendum(r.question, r.counts, r.rules)));
  }
  summary["executive"] = Json::object();
  summary["executive_record"] = nullptr;
  if (s.executive) {
    Executive e = formed_executive(*s.executive);
    Json record = executive_json(e);
    summary["executive"] = record["parties"];
    summary["executive_record"] = std::move(record);
  }
  return summary;
}

}  // namespace veche
