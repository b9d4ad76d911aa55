#include <fmt/format.h>

#include "veche/council/public_vote.hpp"
#include "veche/council/scenario.hpp"

namespace veche {

HeldReferendum hold_referendum(std::string question, const std::vector<PublicVote>& votes,
                               const ReferendumRules& rules, const fs::path& out,
                               const std::string& folder, std::map<std::string, RecordKeys>& keys) {
  fs::create_directories(out / folder);
  HeldReferendum held;
  std::vector<ConstituencyCount> counts;
  for (const PublicVote& vote : votes) {
    auto [council_keys, fresh] =
        keys.emplace(vote.council, RecordKeys{new_signing_key(), new_signing_key()});
    std::string record = fmt::format("{}/{}", folder, record_folder(vote.council));
    held.constituencies.push_back(hold_public_vote(vote, out, record, council_keys->second));
    counts.push_back(constituency_count(held.constituencies.back()));
  }
  held.result = decide_referendum(std::move(question), counts, rules);
  return held;
}

}  // namespace veche
