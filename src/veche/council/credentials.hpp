#pragma once
// The credentials check at a congress (or any council receiving delegates): which of the
// mandates presented are seated, and which are refused and why.
//
// This first slice checks delegations against the register and the apportionment table.
// The record checks (the mandate's signature, the election record verifying, the delegate
// among its elected) come with the record layer's final interface.
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "veche/council/delegations.hpp"
#include "veche/council/organisation.hpp"

namespace veche {

struct Mandate {
  std::string council;   // the council that elected the delegate
  std::string delegate;
};

enum class MandateFault {
  invented_council,  // no such council in the register
  not_below,         // a council that sends no delegates to this one
  unattested,        // a council with no attested member count
  duplicated,        // a delegate named in more than one mandate
  inflated,          // more mandates from a council than it was apportioned
};
std::string_view to_string(MandateFault fault);

struct RefusedMandate {
  Mandate mandate;
  MandateFault fault;
  std::string reason;  // one sentence naming the council and the delegate
};

struct CredentialsReport {
  std::string council;  // the council checking
  std::vector<Mandate> seated;
  std::vector<RefusedMandate> refused;
};

// A council's whole delegation is refused when it is inflated: the check cannot tell the
// genuine delegates from the extra ones, so none of them is seated on its say-so.
CredentialsReport check_credentials(const Organisation& organisation, const DelegationTable& table,
                                    std::span<const Mandate> mandates);

// {"council":…, "seated":[{council, delegate}], "refused_mandates":[{council, delegate, reason}]}
nlohmann::ordered_json credentials_json(const CredentialsReport& report);

}  // namespace veche
