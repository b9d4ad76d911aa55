#include "veche/council/public_vote.hpp"

namespace veche {

nlohmann::ordered_json counted_vote_json(const CountedVote& v,
                                         const std::vector<std::string>& answers,
                                         bool with_manifest) {
  nlohmann::ordered_json json = {
      {"council", v.council},           {"record", v.record},
      {"electorate", v.electorate},     {answers.at(0), v.tally.answer_for},
      {answers.at(1), v.tally.against}, {"blank", v.tally.blank}};
  if (with_manifest) json["manifest_sha256"] = v.manifest_sha256;
  return json;
}

}  // namespace veche
