#include "veche/council/credentials.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>

#include "veche/council/election.hpp"
#include "veche/council/mandate.hpp"
#include "veche/council/refill.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

using MaybeRefused = std::optional<RefusedMandate>;

MaybeRefused refuse(const Mandate& m, MandateFault fault, std::string reason) {
  return RefusedMandate{m, fault, std::move(reason)};
}

bool attested(const Organisation& o, const RegisterCounts& counts, CouncilId council) {
  if (o.council(council).attested_members) return true;
  return counts.members[council] > 0;
}

// The register's word on a mandate: the council exists, sends delegates here, and its
// member count is attested.
MaybeRefused register_fault(const Mandate& m, const Organisation& o, const RegisterCounts& counts,
                            const DelegationTable& table) {
  std::optional<CouncilId> council = o.find_council(m.council);
  if (!council) {
    return refuse(m, MandateFault::invented_council,
                  fmt::format("{} is sent by {}, which is not a council in the register",
                              m.delegate, m.council));
  }
  if (!table.delegates_of(m.council)) {
    return refuse(m, MandateFault::not_below,
                  fmt::format("{} is sent by {}, which sends no delegates to {}", m.delegate,
                              m.council, table.parent));
  }
  if (!attested(o, counts, *council)) {
    return refuse(m, MandateFault::unattested,
                  fmt::format("{} is sent by {}, whose member count no one has attested",
                              m.delegate, m.council));
  }
  return std::nullopt;
}

// What a record says, checked once however many mandates point at it.
struct RecordFinding {
  std::optional<std::string> fails;  // the first check that does not hold
  std::string council;
  std::set<std::string> elected;
};

RecordFinding examine_record(const std::filesystem::path& record) {
  RecordFinding finding;
  try {
    for (const Check& c : verify_record(record)) {
      if (!c.holds && !finding.fails) finding.fails = c.text;
    }
    if (finding.fails) return finding;
    for (const std::string& name : elected_in_record(record)) finding.elected.insert(name);
    finding.council = read_manifest(record).manifest.council;
  } catch (const std::exception& e) {
    finding.fails = e.what();
  }
  return finding;
}

class RecordChecks {
 public:
  explicit RecordChecks(std::filesystem::path root) : root_(std::move(root)) {}

  MaybeRefused fault(const Mandate& m) {
    if (m.statement.is_null()) {
      return refuse(m, MandateFault::unsigned_mandate,
                    fmt::format("{} of {} brings no mandate signed by a returning officer",
                                m.delegate, m.council));
    }
    if (auto why = mandate_statement_fault(m.statement, root_)) {
      return refuse(m, MandateFault::bad_statement,
                    fmt::format("{} of {}: {}", m.delegate, m.council, *why));
    }
    if (m.statement.value("delegate", "") != m.delegate ||
        m.statement.value("council", "") != m.council) {
      return refuse(m, MandateFault::bad_statement,
                    fmt::format("{} of {} presents a mandate made out to someone else", m.delegate,
                                m.council));
    }
    std::string record = m.statement["record"].get<std::string>();
    const RecordFinding& finding = examined(record);
    if (finding.fails) {
      return refuse(m, MandateFault::record_fails,
                    fmt::format("{} of {}: the record {} does not verify: {}", m.delegate,
                                m.council, record, *finding.fails));
    }
    if (finding.council != m.council) {
      return refuse(m, MandateFault::record_fails,
                    fmt::format("{} of {}: the record {} is the election of {}", m.delegate,
                                m.council, record, finding.council));
    }
    // A refill is not in the record's outcome: it is worked out again from the record.
    if (names_refill(m.statement)) {
      if (auto why = refill_fault(m.statement, root_)) {
        return refuse(m, MandateFault::not_elected,
                      fmt::format("{} of {}: {}", m.delegate, m.council, *why));
      }
    } else if (!finding.elected.contains(m.delegate)) {
      return refuse(m, MandateFault::not_elected,
                    fmt::format("{} of {} is not among those the record {} elected", m.delegate,
                                m.council, record));
    }
    return std::nullopt;
  }

 private:
  const RecordFinding& examined(const std::string& record) {
    auto at = findings_.find(record);
    if (at == findings_.end()) at = findings_.emplace(record, examine_record(root_ / record)).first;
    return at->second;
  }
  std::filesystem::path root_;
  std::map<std::string, RecordFinding> findings_;
};

// How often each delegate and each council appears among the mandates still standing.
struct Tallies {
  std::map<std::string, int> per_council;
  std::map<std::string, std::set<std::string>> councils_of;  // delegate → councils naming them
  std::map<std::string, int> per_delegate;
};

Tallies tally(std::span<const Mandate> mandates, const std::vector<MaybeRefused>& earlier) {
  Tallies t;
  for (std::size_t i = 0; i < mandates.size(); ++i) {
    if (earlier[i]) continue;
    ++t.per_council[mandates[i].council];
    ++t.per_delegate[mandates[i].delegate];
    t.councils_of[mandates[i].delegate].insert(mandates[i].council);
  }
  return t;
}

MaybeRefused count_fault(const Mandate& m, const DelegationTable& table, const Tallies& t,
                         bool with_records) {
  if (int named = t.per_delegate.at(m.delegate); named > 1) {
    // Two councils' records both electing one person is the elections' fault, not a copy.
    if (with_records && t.councils_of.at(m.delegate).size() > 1) {
      return refuse(
          m, MandateFault::elected_twice,
          fmt::format(
              "delegate elected twice: {} is elected by {} councils; a delegate holds one seat",
              m.delegate, t.councils_of.at(m.delegate).size()));
    }
    return refuse(
        m, MandateFault::duplicated,
        fmt::format("{} is named in {} mandates; a delegate holds one seat", m.delegate, named));
  }
  int apportioned = *table.delegates_of(m.council);
  if (int sent = t.per_council.at(m.council); sent > apportioned) {
    return refuse(m, MandateFault::inflated,
                  fmt::format("{} sends {} delegates but was apportioned {}; {} is not seated",
                              m.council, sent, apportioned, m.delegate));
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(MandateFault fault) {
  switch (fault) {
    case MandateFault::invented_council:
      return "invented council";
    case MandateFault::not_below:
      return "not a delegation to this council";
    case MandateFault::unattested:
      return "no attested member count";
    case MandateFault::duplicated:
      return "duplicated delegate";
    case MandateFault::inflated:
      return "inflated delegation";
    case MandateFault::unsigned_mandate:
      return "unsigned mandate";
    case MandateFault::bad_statement:
      return "mandate does not stand";
    case MandateFault::record_fails:
      return "record does not verify";
    case MandateFault::not_elected:
      return "not elected";
    case MandateFault::elected_twice:
      return "delegate elected twice";
  }
  return "?";
}

// Faults are looked for in order: the register, then (with records) the signed mandate
// and its record, then counts among the mandates still standing, so a forged mandate
// naming a real delegate cannot get the genuine one refused as a duplicate.
CredentialsReport check_credentials(const Organisation& organisation, const DelegationTable& table,
                                    std::span<const Mandate> mandates,
                                    const std::optional<std::filesystem::path>& records) {
  CredentialsReport report;
  report.council = table.parent;
  RegisterCounts counts = register_counts(organisation);
  std::optional<RecordChecks> record_checks;
  if (records) record_checks.emplace(*records);
  std::vector<MaybeRefused> faults;
  for (const Mandate& m : mandates) {
    MaybeRefused fault = register_fault(m, organisation, counts, table);
    if (!fault && record_checks) fault = record_checks->fault(m);
    faults.push_back(std::move(fault));
  }
  Tallies tallies = tally(mandates, faults);
  for (std::size_t i = 0; i < mandates.size(); ++i) {
    if (!faults[i]) faults[i] = count_fault(mandates[i], table, tallies, records.has_value());
    if (faults[i]) {
      report.refused.push_back(std::move(*faults[i]));
    } else {
      report.seated.push_back(mandates[i]);
    }
  }
  return report;
}

nlohmann::ordered_json credentials_json(const CredentialsReport& report) {
  nlohmann::ordered_json json;
  json["council"] = report.council;
  json["seated"] = nlohmann::ordered_json::array();
  for (const Mandate& m : report.seated)
    json["seated"].push_back({{"council", m.council}, {"delegate", m.delegate}});
  json["refused_mandates"] = nlohmann::ordered_json::array();
  for (const RefusedMandate& r : report.refused) {
    json["refused_mandates"].push_back({{"council", r.mandate.council},
                                        {"delegate", r.mandate.delegate},
                                        {"to", report.council},
                                        {"fault", to_string(r.fault)},
                                        {"reason", r.reason}});
  }
  return json;
}

}  // namespace veche
