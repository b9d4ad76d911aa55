#include <fmt/format.h>

#include "veche/report/report.hpp"
#include "veche/report/text_table.hpp"

namespace veche {

namespace {
std::string capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}
}  // namespace

std::string apportionment_text(const Apportionment& a) {
  std::string out = fmt::format("Method: {}   Seats: {}", a.method, a.seats);
  if (a.quota) out += fmt::format("   Quota: {}", *a.quota);
  out += "\n\n";
  TextTable table;
  table.add_row({capitalised(a.name_column), capitalised(a.votes_column), "Seats", ""});
  int total_seats = 0;
  Weight total_votes = 0;
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    bool qualified = a.qualified.empty() || a.qualified[p];
    table.add_row({a.parties[p], std::to_string(a.votes[p]), std::to_string(a.result[p]),
                   qualified ? "" : "below threshold"});
    total_seats += a.result[p];
    total_votes += a.votes[p];
  }
  table.add_row({"Total", std::to_string(total_votes), std::to_string(total_seats), ""});
  out += table.render();
  for (const Tie& tie : a.ties) {
    std::string tied;
    for (CandidateId c : tie.tied) tied += (tied.empty() ? "" : ", ") + a.parties[c];
    out += fmt::format("Tie for {} between {}: {} chosen by {}\n", tie.purpose, tied,
                       a.parties[tie.chosen], tie.resolved_by);
  }
  if (!a.awards.empty()) {
    const SeatAward& last = a.awards.back();
    out += fmt::format("\nLast seat ({}) went to {} at {}\n", last.seat, a.parties[last.party],
                       last.quotient);
  }
  for (const std::string& note : a.notes) out += "Note: " + note + "\n";
  return out;
}

}  // namespace veche
