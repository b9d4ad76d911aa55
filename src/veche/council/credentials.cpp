#include "veche/council/credentials.hpp"

#include <map>
#include <optional>

#include <fmt/format.h>

namespace veche {

namespace {

struct Tallies {
  std::map<std::string, int> per_council;
  std::map<std::string, int> per_delegate;
};

Tallies tally(std::span<const Mandate> mandates) {
  Tallies t;
  for (const Mandate& m : mandates) {
    ++t.per_council[m.council];
    ++t.per_delegate[m.delegate];
  }
  return t;
}

bool attested(const Organisation& o, const RegisterCounts& counts, CouncilId council) {
  if (o.council(council).attested_members) return true;
  return counts.members[council] > 0;
}

std::optional<RefusedMandate> fault_of(const Mandate& m, const Organisation& o, const RegisterCounts& counts,
                                       const DelegationTable& table, const Tallies& tallies) {
  auto refuse = [&](MandateFault fault, std::string reason) {
    return RefusedMandate{m, fault, std::move(reason)};
  };
  std::optional<CouncilId> council = o.find_council(m.council);
  if (!council) {
    return refuse(MandateFault::invented_council,
                  fmt::format("{} is sent by {}, which is not a council in the register", m.delegate, m.council));
  }
  std::optional<int> apportioned = table.delegates_of(m.council);
  if (!apportioned) {
    return refuse(MandateFault::not_below,
                  fmt::format("{} is sent by {}, which sends no delegates to {}", m.delegate, m.council, table.parent));
  }
  if (!attested(o, counts, *council)) {
    return refuse(MandateFault::unattested,
                  fmt::format("{} is sent by {}, whose member count no one has attested", m.delegate, m.council));
  }
  if (int named = tallies.per_delegate.at(m.delegate); named > 1) {
    return refuse(MandateFault::duplicated,
                  fmt::format("{} is named in {} mandates; a delegate holds one seat", m.delegate, named));
  }
  if (int sent = tallies.per_council.at(m.council); sent > *apportioned) {
    return refuse(MandateFault::inflated,
                  fmt::format("{} sends {} delegates but was apportioned {}; {} is not seated", m.council, sent,
                              *apportioned, m.delegate));
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(MandateFault fault) {
  switch (fault) {
    case MandateFault::invented_council: return "invented council";
    case MandateFault::not_below: return "not a delegation to this council";
    case MandateFault::unattested: return "no attested member count";
    case MandateFault::duplicated: return "duplicated delegate";
    case MandateFault::inflated: return "inflated delegation";
  }
  return "?";
}

CredentialsReport check_credentials(const Organisation& organisation, const DelegationTable& table,
                                    std::span<const Mandate> mandates) {
  CredentialsReport report;
  report.council = table.parent;
  RegisterCounts counts = register_counts(organisation);
  Tallies tallies = tally(mandates);
  for (const Mandate& m : mandates) {
    if (auto refused = fault_of(m, organisation, counts, table, tallies)) {
      report.refused.push_back(std::move(*refused));
    } else {
      report.seated.push_back(m);
    }
  }
  return report;
}

nlohmann::ordered_json credentials_json(const CredentialsReport& report) {
  nlohmann::ordered_json json;
  json["council"] = report.council;
  json["seated"] = nlohmann::ordered_json::array();
  for (const Mandate& m : report.seated) json["seated"].push_back({{"council", m.council}, {"delegate", m.delegate}});
  json["refused_mandates"] = nlohmann::ordered_json::array();
  for (const RefusedMandate& r : report.refused) {
    json["refused_mandates"].push_back({{"council", r.mandate.council},
                                        {"delegate", r.mandate.delegate},
                                        {"fault", to_string(r.fault)},
                                        {"reason", r.reason}});
  }
  return json;
}

}  // namespace veche
