#include "veche/council/public_vote.hpp"

namespace veche {

nlohmann::ordered_json recall_rules_json(const RecallRules& rules) {
  return {{"majority", to_string(rules.majority)}, {"turnout", to_string(rules.turnout)}};
}

nlohmann::ordered_json referendum_rules_json(const ReferendumRules& rules) {
  return {{"quorum", to_string(rules.quorum)},
          {"quorum_share", to_string(rules.quorum_share)},
          {"majority", to_string(rules.majority)}};
}

}  // namespace veche
