#include <algorithm>

#include "veche/report/report.hpp"

namespace veche {

namespace {

// Whole numbers are JSON numbers; exact decimals stay strings so no digit is lost.
Json figure(const std::string& text) {
  bool whole = !text.empty() && text.size() < 19 &&
               std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (whole) return std::stoull(text);
  return text;
}

Json names(const std::vector<CandidateId>& ids, const std::vector<std::string>& candidates) {
  Json list = Json::array();
  for (CandidateId c : ids) list.push_back(candidates[c]);
  return list;
}

Json tie_json(const Tie& tie, const std::vector<std::string>& candidates) {
  return Json{{"purpose", tie.purpose},
              {"tied", names(tie.tied, candidates)},
              {"chosen", candidates[tie.chosen]},
              {"resolved_by", tie.resolved_by}};
}

Json round_json(const Round& round, std::size_t number, const std::vector<std::string>& candidates) {
  Json votes = Json::object();
  for (std::size_t c = 0; c < round.votes.size(); ++c) {
    if (!round.votes[c].empty()) votes[candidates[c]] = figure(round.votes[c]);
  }
  Json out{{"round", number}, {"action", round.action}, {"votes", votes}};
  if (!round.exhausted.empty()) out["exhausted"] = figure(round.exhausted);
  out["elected"] = names(round.elected, candidates);
  out["excluded"] = names(round.excluded, candidates);
  Json transfers = Json::array();
  for (const Transfer& t : round.transfers) {
    transfers.push_back(Json{{"from", candidates[t.from]},
                             {"to", t.to ? Json(candidates[*t.to]) : Json(nullptr)},
                             {"votes", figure(t.votes)}});
  }
  out["transfers"] = transfers;
  Json ties = Json::array();
  for (const Tie& tie : round.ties) ties.push_back(tie_json(tie, candidates));
  out["ties"] = ties;
  return out;
}

}  // namespace

Json outcome_json(const Outcome& outcome) {
  const auto& candidates = outcome.candidates;
  Json out{{"method", outcome.method},
           {"seats", outcome.seats},
           {"candidates", candidates},
           {"elected", names(outcome.elected, candidates)}};
  if (outcome.quota) out["quota"] = figure(*outcome.quota);
  out["arithmetic"] = outcome.arithmetic;
  out["tie_seed"] = outcome.tie_seed;
  Json rounds = Json::array();
  for (std::size_t r = 0; r < outcome.rounds.size(); ++r) {
    rounds.push_back(round_json(outcome.rounds[r], r + 1, candidates));
  }
  out["rounds"] = rounds;
  if (!outcome.pairwise.empty()) {
    Json matrix = Json::object();
    for (std::size_t a = 0; a < outcome.pairwise.size(); ++a) {
      Json row = Json::object();
      for (std::size_t b = 0; b < outcome.pairwise[a].size(); ++b) {
        if (a != b) row[candidates[b]] = outcome.pairwise[a][b];
      }
      matrix[candidates[a]] = row;
    }
    out["pairwise"] = matrix;
    out["smith_set"] = names(outcome.smith_set, candidates);
  }
  out["notes"] = outcome.notes;
  return out;
}

}  // namespace veche
