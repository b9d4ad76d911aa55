#pragma once
// The credentials check at a congress (or any council receiving delegates): which of the
// mandates presented are seated, and which are refused and why.
//
// Without records it checks delegations against the register and the apportionment table.
// With the folder of the lower councils' election records it also checks each mandate's
// signed statement (council/mandate.hpp): its signature, the record verifying, the
// delegate among its elected, and no delegate elected by two councils.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "veche/council/delegations.hpp"
#include "veche/council/organisation.hpp"

namespace veche {

struct Mandate {
  std::string council;  // the council that elected the delegate
  std::string delegate;
  // The signed statement (council/mandate.hpp); null when the delegate brings none.
  nlohmann::json statement = nullptr;
};

enum class MandateFault {
  invented_council,  // no such council in the register
  not_below,         // a council that sends no delegates to this one
  unattested,        // a council with no attested member count
  duplicated,        // a delegate named in more than one mandate
  inflated,          // more mandates from a council than it was apportioned
  // With records only:
  unsigned_mandate,  // no signed statement
  bad_statement,     // a statement that does not stand (signature, hashes, unreadable record)
  record_fails,      // the election's record does not verify, or is another council's
  not_elected,       // the delegate is not among the record's elected
  elected_twice,     // the delegate is elected by two councils' records
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
// `records`: the folder holding the lower councils' election records; given, every mandate
// must bring a signed statement that stands, and each record is verified once.
CredentialsReport check_credentials(
    const Organisation& organisation, const DelegationTable& table,
    std::span<const Mandate> mandates,
    const std::optional<std::filesystem::path>& records = std::nullopt);

// {"council":…, "seated":[{council, delegate}],
//  "refused_mandates":[{council, delegate, to, fault, reason}]}
nlohmann::ordered_json credentials_json(const CredentialsReport& report);

}  // namespace veche
