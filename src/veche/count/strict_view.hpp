#pragma once
// The one-candidate-a-rank ballots a ranked method reads, without a copy when none is
// needed.
#include "veche/count/tally.hpp"

namespace veche {

// strict_ballots rebuilds and re-merges every distinct ballot, which costs as much as
// reading the file again. A profile with no equal ranks and no one withdrawn is already
// strict, so it is returned as it is; otherwise the strict copy is made in `storage`.
inline const Profile& strict_view(const Profile& profile, const CountOptions& options,
                                  Profile& storage) {
  std::vector<bool> standing = standing_candidates(profile, options);
  bool all_standing = std::all_of(standing.begin(), standing.end(), [](bool s) { return s; });
  if (all_standing && !profile.has_equal_ranks()) return profile;
  storage = strict_ballots(profile, options);
  return storage;
}

}  // namespace veche
