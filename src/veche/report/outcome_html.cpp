#include <fmt/format.h>

#include <algorithm>

#include "veche/report/html_escape.hpp"
#include "veche/report/report.hpp"
#include "veche/report/vote_flow.hpp"

namespace veche {

namespace {

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; }
th { background: #f3f3f3; vertical-align: bottom; font-weight: 600; font-size: 0.85rem; }
td.n { text-align: right; }
tr.elected td:first-child { font-weight: 700; }
tr.elected td:first-child::after { content: " ✔"; color: #2a7; }
.figure { overflow-x: auto; margin: 1rem 0; }
)";

// What happened to a candidate at a stage, for the cell beside the figure.
std::string event_at(const Round& round, CandidateId c) {
  if (std::find(round.elected.begin(), round.elected.end(), c) != round.elected.end()) {
    return " <strong>elected</strong>";
  }
  if (std::find(round.excluded.begin(), round.excluded.end(), c) != round.excluded.end()) {
    return " <em>excluded</em>";
  }
  return "";
}

std::string sheet(const Outcome& o) {
  std::string html = "<table>\n<tr><th>Candidate</th>";
  for (std::size_t r = 0; r < o.rounds.size(); ++r) {
    html += fmt::format("<th>Stage {}<br>{}</th>", r + 1, html_escape(o.rounds[r].action));
  }
  html += "</tr>\n";
  for (CandidateId c = 0; c < o.candidates.size(); ++c) {
    bool elected = std::find(o.elected.begin(), o.elected.end(), c) != o.elected.end();
    html += fmt::format("<tr{}><td>{}</td>", elected ? " class=\"elected\"" : "",
                        html_escape(o.candidates[c]));
    for (const Round& round : o.rounds) {
      std::string votes = c < round.votes.size() ? round.votes[c] : "";
      html += fmt::format("<td class=\"n\">{}{}</td>", html_escape(votes), event_at(round, c));
    }
    html += "</tr>\n";
  }
  html += "<tr><td>Non-transferable</td>";
  for (const Round& round : o.rounds)
    html += fmt::format("<td class=\"n\">{}</td>", html_escape(round.exhausted));
  return html + "</tr>\n</table>\n";
}

std::string ties_and_notes(const Outcome& o) {
  std::string html;
  for (std::size_t r = 0; r < o.rounds.size(); ++r) {
    for (const Tie& tie : o.rounds[r].ties) {
      std::string tied;
      for (CandidateId c : tie.tied) tied += (tied.empty() ? "" : ", ") + o.candidates[c];
      html += fmt::format("<li>Stage {}: tie for {} between {}; {} chosen by {}</li>\n", r + 1,
                          html_escape(tie.purpose), html_escape(tied),
                          html_escape(o.candidates[tie.chosen]), html_escape(tie.resolved_by));
    }
  }
  for (const std::string& note : o.notes) html += "<li>" + html_escape(note) + "</li>\n";
  return html.empty() ? "" : "<ul>\n" + html + "</ul>\n";
}

}  // namespace

std::string outcome_html(const Outcome& o, const std::string& title) {
  std::string elected;
  for (CandidateId c : o.elected) elected += (elected.empty() ? "" : ", ") + o.candidates[c];
  std::string heading = title.empty() ? "Result of the count" : title;
  std::string facts = fmt::format("Method: {} · Seats: {}", o.method, o.seats);
  if (o.quota) facts += " · Quota: " + *o.quota;
  facts += " · Arithmetic: " + o.arithmetic + " · Tie seed: " + o.tie_seed;
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>{0}</h1>\n<p>{2}</p>\n"
      "<p><strong>Elected:</strong> {3}</p>\n<h2>Result sheet</h2>\n{4}{5}"
      "<h2>Where the votes went</h2>\n<div class=\"figure\">\n{6}</div>\n</body>\n</html>\n",
      html_escape(heading), kStyle, html_escape(facts), html_escape(elected), sheet(o),
      ties_and_notes(o), vote_flow_svg(o));
}

}  // namespace veche
