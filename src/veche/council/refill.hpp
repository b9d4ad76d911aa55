#pragma once
// A recalled delegate's seat refilled from the election's own record, in a form anyone can
// check later:
//   - an STV seat by countback (count/countback.hpp): the returning officer publishes the
//     countback beside the record as a signed statement, <record>/countback-N.json, and the
//     refilled delegate's mandate binds it by its SHA-256;
//   - a party-list seat by the next on the list: the mandate names the seats vacated so far
//     ("vacated", in order), and lists.json and the parties' votes give the rest.
// The play and the checks call the same functions below, so what the returning officer
// decided is what any checker recomputes from the record.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "veche/ledger/signing.hpp"

namespace veche {

// The seat a countback refills.
struct CountbackSeat {
  std::string recalled;  // the delegate whose recall vacates it
  std::string vacating;  // who won it at the election: their papers are counted back
  // Everyone seated by an earlier countback of the same record, in order: they hold a
  // seat (or held one and were recalled), so they do not stand again.
  std::vector<std::string> not_standing;
};

// "countback-N.json": the N-th countback on one record.
std::string countback_file(int number);

// Whom the countback of `seat` elects, counted from the record's ballots by its manifest's
// method and options. UsageError when no one is left to stand.
std::string countback_elects(const std::filesystem::path& record, const CountbackSeat& seat);

// Works out the seat `recalled` holds from the record's elected and the countbacks already
// published beside it, counts it back, and writes the next countback-N.json, signed by the
// returning officer (the record manifest's key). Returns the statement. UsageError when
// `recalled` holds no seat of the record or no one is left to stand (nothing is written).
nlohmann::ordered_json publish_countback(const std::filesystem::path& record,
                                         const std::string& recalled,
                                         const SigningKey& returning_officer);

// The exact bytes signed: "veche-countback-v1\n" and the statement without its signature,
// keys sorted, no spaces.
std::string countback_signed_bytes(const nlohmann::json& statement);

// Why countback-1.json … `file` beside the record do not stand as one chain, or nullopt:
// each is signed under the record's returning officer's key, names the record's manifest,
// outcome and closing heads and the count's options, links the one before by its SHA-256,
// and names the seat (recalled, vacating, not_standing) the record and the earlier
// countbacks give. The count itself is redone by refill_fault.
std::optional<std::string> countback_statement_fault(const std::filesystem::path& record,
                                                     const std::string& file);

// Who takes the seats of `vacated` (recalled in this order) in a party-list record: each in
// turn, the next on their list who is not seated and was not recalled. std::nullopt and
// `why` when one was not seated when recalled or their list has no one left.
std::optional<std::string> next_on_list_after(const std::filesystem::path& record,
                                              const std::vector<std::string>& vacated,
                                              std::string& why);

// Whether a mandate names a refill: "countback" (a statement's file) or "vacated".
bool names_refill(const nlohmann::json& mandate);

// Why the refill a mandate names did not put its delegate in the seat, or nullopt: every
// countback of the chain counted again from the record, or the next on the list worked out
// again from lists.json and the vacated seats. The statements' signatures and hashes are
// mandate_statement_fault's (council/mandate.hpp).
std::optional<std::string> refill_fault(const nlohmann::json& mandate,
                                        const std::filesystem::path& records_root);

}  // namespace veche
