#include "veche/report/report.hpp"

namespace veche {

Json apportionment_json(const Apportionment& a) {
  Json seats = Json::object();
  Json votes = Json::object();
  Json qualified = Json::array();
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    seats[a.parties[p]] = a.result[p];
    votes[a.parties[p]] = a.votes[p];
    if (a.qualified.empty() || a.qualified[p]) qualified.push_back(a.parties[p]);
  }
  Json out{{"method", a.method}, {"house", a.seats}, {"seats", seats}, {"votes", votes},
           {"qualified", qualified}};
  if (a.quota) out["quota"] = *a.quota;
  Json awards = Json::array();
  for (const SeatAward& s : a.awards) {
    awards.push_back(Json{{"seat", s.seat}, {"party", a.parties[s.party]}, {"quotient", s.quotient}});
  }
  out["awards"] = awards;
  Json ties = Json::array();
  for (const Tie& t : a.ties) {
    Json tied = Json::array();
    for (CandidateId c : t.tied) tied.push_back(a.parties[c]);
    ties.push_back(Json{{"purpose", t.purpose}, {"tied", tied}, {"chosen", a.parties[t.chosen]},
                        {"resolved_by", t.resolved_by}});
  }
  out["ties"] = ties;
  out["tie_seed"] = a.tie_seed;
  out["notes"] = a.notes;
  return out;
}

}  // namespace veche
