#include "veche/count/tally.hpp"

#include "veche/core/error.hpp"

namespace veche {

Outcome begin_outcome(std::string_view method, const Profile& profile,
                      const CountOptions& options) {
  Outcome outcome;
  outcome.method = method;
  outcome.candidates = profile.candidates;
  outcome.seats = seats_for(profile, options);
  outcome.tie_seed = options.ties.seed;
  outcome.arithmetic = "integer";
  return outcome;
}

std::vector<bool> standing_candidates(const Profile& profile, const CountOptions& options) {
  std::vector<bool> standing(profile.candidate_count(), true);
  for (std::size_t c = 0; c < standing.size(); ++c) standing[c] = !profile.withdrawn[c];
  for (CandidateId c : options.withdraw) {
    if (c >= standing.size()) throw UsageError("withdrawn candidate is not on the ballot");
    standing[c] = false;
  }
  return standing;
}

Profile strict_ballots(const Profile& profile, const CountOptions& options) {
  std::vector<bool> standing = standing_candidates(profile, options);
  if (options.withdraw.empty()) return profile.strict(options.overvote);
  Profile withdrawn = profile;
  for (std::size_t c = 0; c < standing.size(); ++c) withdrawn.withdrawn[c] = !standing[c];
  return withdrawn.strict(options.overvote);
}

std::vector<std::string> totals_as_text(const std::vector<Weight>& totals,
                                        const std::vector<bool>& standing) {
  std::vector<std::string> text(totals.size());
  for (std::size_t c = 0; c < totals.size(); ++c) {
    if (standing[c]) text[c] = std::to_string(totals[c]);
  }
  return text;
}

}  // namespace veche
