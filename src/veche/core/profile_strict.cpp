#include "veche/core/profile.hpp"

namespace veche {

Profile Profile::strict(Remedy overvote) const {
  BallotRules rules;
  rules.overvote = overvote;
  ProfileBuilder builder(candidates, rules);
  Profile& out = builder.profile();
  out.title = title;
  out.withdrawn = withdrawn;
  out.seats = seats;
  out.rejected = rejected;

  std::vector<CandidateId> ranking;
  for (std::size_t i = 0; i < size(); ++i) {
    ranking.clear();
    auto marks = ballot(i);
    bool rejected_ballot = false;
    for (std::size_t k = 0; k < marks.size();) {
      std::size_t end = k + 1;
      while (end < marks.size() && equal_to_previous(marks[end])) ++end;
      std::size_t standing = 0;
      CandidateId chosen = 0;
      for (std::size_t j = k; j < end; ++j) {
        if (!withdrawn[candidate_of(marks[j])]) { ++standing; chosen = candidate_of(marks[j]); }
      }
      if (standing == 1) {
        ranking.push_back(chosen);
      } else if (standing > 1 && overvote == Remedy::exhaust) {
        break;
      } else if (standing > 1 && (overvote == Remedy::reject || overvote == Remedy::error)) {
        rejected_ballot = true;
        break;
      }
      k = end;
    }
    if (rejected_ballot) {
      out.rejected += weight(i);
      continue;
    }
    builder.add_strict(ranking, weight(i));
  }
  return std::move(builder).finish();
}

}  // namespace veche
