#include <fmt/format.h>

#include <algorithm>

#include "veche/council/scenario.hpp"

namespace veche {

namespace {

using Json = nlohmann::ordered_json;

std::string names(const Json& list, std::string_view none = "no one") {
  std::string out;
  for (const Json& name : list) out += (out.empty() ? "" : ", ") + name.get<std::string>();
  return out.empty() ? std::string(none) : out;
}

void delegations_to(const Json& d, std::string& out) {
  out += fmt::format("\n== Delegations to {}: {} in all ({})\n", d["parent"].get<std::string>(),
                     d["total"].get<int>(), d["rule"].get<std::string>());
  for (const Json& c : d["councils"]) {
    out +=
        fmt::format("  {:<28} {:>4}\n", c["council"].get<std::string>(), c["delegates"].get<int>());
  }
}

// The congress's table, then each lower council's.
void delegations(const Json& s, std::string& out) {
  if (!s["delegations"].is_null()) delegations_to(s["delegations"], out);
  if (!s.contains("level_delegations")) return;
  for (const Json& d : s["level_delegations"]) delegations_to(d, out);
}

void elections(const Json& s, std::string& out) {
  if (s["elections"].empty()) return;
  out += "\n== Elections of delegates\n";
  for (const Json& e : s["elections"]) {
    out += fmt::format("  {} ({}, {} seat(s), {} ballots) elected {}; record {}/\n",
                       e["council"].get<std::string>(), e["method"].get<std::string>(),
                       e["seats"].get<int>(), e["ballots"].get<std::uint64_t>(),
                       names(e["elected"]), e["record"].get<std::string>());
  }
}

// One council's check: its seated count, and the refusals addressed to it.
void credentials_at(const Json& s, const std::string& council, std::size_t seated,
                    std::string& out) {
  std::size_t refused = std::ranges::count_if(s["refused_mandates"],
                                              [&](const Json& r) { return r["to"] == council; });
  out += fmt::format("\n== Credentials at {}: {} seated, {} refused\n", council, seated, refused);
  for (const Json& r : s["refused_mandates"]) {
    if (r["to"] != council) continue;
    out += fmt::format("  refused {} of {} ({}): {}\n", r["delegate"].get<std::string>(),
                       r["council"].get<std::string>(), r["fault"].get<std::string>(),
                       r["reason"].get<std::string>());
  }
}

void credentials(const Json& s, std::string& out) {
  if (!s["delegations"].is_null())
    credentials_at(s, s["congress"].get<std::string>(), s["seated"].size(), out);
  if (!s.contains("level_delegations")) return;
  for (const Json& d : s["level_delegations"])
    credentials_at(s, d["parent"].get<std::string>(), d["seated"].size(), out);
}

void recalls(const Json& s, std::string& out) {
  if (s["recalls"].empty()) return;
  out += "\n== Recalls\n";
  for (const Json& r : s["recalls"]) {
    out +=
        fmt::format("  {} of {}: {} of {} signed, {} refused; ", r["delegate"].get<std::string>(),
                    r["constituency"].get<std::string>(), r["signatures"].get<std::uint64_t>(),
                    r["eligible"].get<std::uint64_t>(), r["refused_signatures"].size());
    if (r.contains("vote")) {
      const Json& v = r["vote"];
      out += fmt::format("vote {} recall, {} keep, {} blank (record {}/); ",
                         v["recall"].get<std::uint64_t>(), v["keep"].get<std::uint64_t>(),
                         v["blank"].get<std::uint64_t>(), v["record"].get<std::string>());
    }
    out += !r["triggered"].get<bool>() ? "no vote"
           : r["recalled"].get<bool>() ? "recalled"
                                       : "kept";
    if (r.contains("refill")) out += fmt::format("; refill by {}", r["refill"].get<std::string>());
    if (r.contains("by_election"))
      out += fmt::format("; by-election elected {}", names(r["by_election"]["elected"]));
    if (r.contains("next_on_list"))
      out += fmt::format("; next on the list: {}", r["next_on_list"]["elected"].get<std::string>());
    if (r.contains("countback"))
      out += fmt::format("; countback elected {} ({}/{})",
                         r["countback"]["elected"].get<std::string>(),
                         r["countback"]["record"].get<std::string>(),
                         r["countback"]["statement"].get<std::string>());
    out += "\n";
    if (r.contains("refill_note"))
      out += fmt::format("    note: {}\n", r["refill_note"].get<std::string>());
  }
}

void motions(const Json& s, std::string& out) {
  if (s["motions"].empty()) return;
  out += "\n== Motions\n";
  for (const Json& m : s["motions"]) {
    const Json& d = m["motion"];
    out += fmt::format(
        "  {}: \"{}\" {} ({} ayes, {} noes, {} abstentions); {} act(s) ruled out of order\n",
        m["council"].get<std::string>(), d["question"].get<std::string>(),
        d["carried"].get<bool>() ? "carried" : "not carried", d["ayes"].get<int>(),
        d["noes"].get<int>(), d["abstentions"].get<int>(), m["refused"].size());
  }
}

void referendums(const Json& s, std::string& out) {
  if (s["referendums"].empty()) return;
  out += "\n== Referendums\n";
  for (const Json& r : s["referendums"]) {
    if (r.contains("initiative")) {
      const Json& i = r["initiative"];
      out += fmt::format("  \"{}\": initiative {} ({} signatures of {} eligible, {} refused)\n",
                         r["question"].get<std::string>(),
                         i["triggered"].get<bool>() ? "triggered" : "not triggered: not held",
                         i["signatures"].get<std::uint64_t>(), i["eligible"].get<std::uint64_t>(),
                         i["refused_signatures"].size());
      if (!i["triggered"].get<bool>()) continue;
    }
    out += fmt::format("  \"{}\": {} (yes {}, no {}): {}\n", r["question"].get<std::string>(),
                       r["carried"].get<bool>() ? "carried" : "not carried",
                       r["yes"].get<std::uint64_t>(), r["no"].get<std::uint64_t>(),
                       r["reason"].get<std::string>());
    for (const Json& c : r["constituencies"]) {
      out += fmt::format("    {}: yes {}, no {}, blank {} of {}; record {}/\n",
                         c["council"].get<std::string>(), c["yes"].get<std::uint64_t>(),
                         c["no"].get<std::uint64_t>(), c["blank"].get<std::uint64_t>(),
                         c["electorate"].get<std::uint64_t>(), c["record"].get<std::string>());
    }
  }
}

void executive(const Json& s, std::string& out) {
  if (s["executive_record"].is_null()) return;
  out += "\n== Executive\n";
  for (const auto& [party, portfolios] : s["executive"].items())
    out += fmt::format("  {}: {}\n", party, names(portfolios, "none"));
  const Json& resigned = s["executive_record"]["resigned"];
  if (!resigned.empty())
    out +=
        fmt::format("  resigned: {} (portfolios shared again among the others)\n", names(resigned));
}

}  // namespace

std::string scenario_text(const nlohmann::ordered_json& s) {
  std::string out =
      fmt::format("Scenario: {} (congress: {})\n", s["organisation"].get<std::string>(),
                  s["congress"].get<std::string>());
  delegations(s, out);
  elections(s, out);
  credentials(s, out);
  recalls(s, out);
  motions(s, out);
  referendums(s, out);
  executive(s, out);
  if (s.contains("events"))
    out += fmt::format("\nEvent log: {} events, signed\n", s["events"].get<std::size_t>());
  return out;
}

}  // namespace veche
