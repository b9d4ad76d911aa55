#include <fmt/format.h>

#include <algorithm>

#include "veche/report/report.hpp"
#include "veche/report/text_table.hpp"

namespace veche {

namespace {

std::string name_list(const std::vector<CandidateId>& ids, const std::vector<std::string>& names) {
  std::string out;
  for (CandidateId c : ids) out += (out.empty() ? "" : ", ") + names[c];
  return out;
}

// Where a candidate ended: "elected (round 2)", "excluded (round 1)", or "".
std::string fate(const Outcome& outcome, CandidateId c) {
  for (std::size_t r = 0; r < outcome.rounds.size(); ++r) {
    const Round& round = outcome.rounds[r];
    if (std::find(round.elected.begin(), round.elected.end(), c) != round.elected.end()) {
      return fmt::format("* elected (round {})", r + 1);
    }
    if (std::find(round.excluded.begin(), round.excluded.end(), c) != round.excluded.end()) {
      return fmt::format("excluded (round {})", r + 1);
    }
  }
  bool elected = std::find(outcome.elected.begin(), outcome.elected.end(), c) != outcome.elected.end();
  return elected ? "* elected" : "";
}

TextTable tally_table(const Outcome& outcome) {
  TextTable table;
  std::vector<std::string> header{"Candidate"};
  for (std::size_t r = 0; r < outcome.rounds.size(); ++r) header.push_back(fmt::format("Round {}", r + 1));
  header.push_back("");
  table.add_row(header);
  for (CandidateId c = 0; c < outcome.candidates.size(); ++c) {
    std::vector<std::string> row{outcome.candidates[c]};
    for (const Round& round : outcome.rounds) row.push_back(c < round.votes.size() ? round.votes[c] : "");
    row.push_back(fate(outcome, c));
    table.add_row(row);
  }
  bool any_exhausted = std::any_of(outcome.rounds.begin(), outcome.rounds.end(),
                                   [](const Round& r) { return !r.exhausted.empty(); });
  if (any_exhausted) {
    std::vector<std::string> row{"Non-transferable"};
    for (const Round& round : outcome.rounds) row.push_back(round.exhausted);
    table.add_row(row);
  }
  return table;
}

}  // namespace

std::string outcome_text(const Outcome& o) {
  std::string out = fmt::format("Method: {}   Seats: {}", o.method, o.seats);
  if (o.quota) out += fmt::format("   Quota: {}", *o.quota);
  out += "\n\n" + tally_table(o).render() + "\n";
  for (std::size_t r = 0; r < o.rounds.size(); ++r) {
    out += fmt::format("Round {}: {}\n", r + 1, o.rounds[r].action);
    for (const Tie& tie : o.rounds[r].ties) {
      out += fmt::format("  Tie for {} between {}: {} chosen by {}\n", tie.purpose,
                         name_list(tie.tied, o.candidates), o.candidates[tie.chosen], tie.resolved_by);
    }
  }
  for (const std::string& note : o.notes) out += "Note: " + note + "\n";
  out += fmt::format("\nElected: {}\n", name_list(o.elected, o.candidates));
  return out;
}

}  // namespace veche
