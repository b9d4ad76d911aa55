#include "veche/council/scenario.hpp"

namespace veche {

// The congress keeps the rule [delegations] gives; a council below it takes its level's,
// whatever level the congress itself is written at.
const DelegationRule* Scenario::delegation_rule_for(CouncilId receiving) const {
  if (receiving == congress) return delegations ? &*delegations : nullptr;
  auto rule = level_delegations.find(organisation.council(receiving).level);
  return rule == level_delegations.end() ? nullptr : &rule->second;
}

}  // namespace veche
