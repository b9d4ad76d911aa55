#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <numeric>

#include "veche/report/html_escape.hpp"
#include "veche/report/vote_flow.hpp"

namespace veche {

namespace {

constexpr double kHeight = 420.0;  // pixels for all the votes of a round
constexpr double kGap = 6.0;       // between bars in a column
constexpr double kColumn = 170.0;  // from one round's bars to the next
constexpr double kBar = 14.0;      // bar width
constexpr double kLabels = 240.0;  // room for names left of the first column

// Drawing only: a decimal string to a size in votes.
double amount(const std::string& text) {
  if (text.empty()) return 0.0;
  double value = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// One column: where each pile (candidates, then non-transferable) starts and how tall it is.
struct Column {
  std::vector<double> top, size;  // index candidates.size() is the non-transferable pile
  std::vector<double> out_used, in_used;
};

const char* colour(std::size_t pile) {
  static const char* palette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return palette[pile % std::size(palette)];
}

std::vector<Column> lay_out(const Outcome& o, double scale) {
  std::size_t piles = o.candidates.size() + 1;
  std::vector<Column> columns;
  for (const Round& round : o.rounds) {
    Column col;
    col.top.assign(piles, 0.0);
    col.size.assign(piles, 0.0);
    col.out_used.assign(piles, 0.0);
    col.in_used.assign(piles, 0.0);
    double y = 0.0;
    for (std::size_t p = 0; p < piles; ++p) {
      double votes = p < o.candidates.size()
                         ? (p < round.votes.size() ? amount(round.votes[p]) : 0.0)
                         : amount(round.exhausted);
      col.top[p] = y;
      col.size[p] = votes * scale;
      if (votes > 0) y += col.size[p] + kGap;
    }
    columns.push_back(std::move(col));
  }
  return columns;
}

std::string band(double x0, double y0, double x1, double y1, double width, std::size_t pile,
                 const std::string& title) {
  double mid = (x0 + x1) / 2;
  return fmt::format(
      "<path d=\"M{:.1f},{:.1f} C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} L{:.1f},{:.1f} "
      "C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} Z\" fill=\"{}\" fill-opacity=\"0.35\">"
      "<title>{}</title></path>\n",
      x0, y0, mid, y0, mid, y1, x1, y1, x1, y1 + width, mid, y1 + width, mid, y0 + width, x0,
      y0 + width, colour(pile), html_escape(title));
}

double column_x(std::size_t r) {
  return kLabels + static_cast<double>(r) * kColumn;
}

// Bands from round r-1 to round r: first the transfers (so they leave from the top of a
// pile), then what each pile kept.
std::string flows_into(const Outcome& o, std::vector<Column>& cols, std::size_t r, double scale) {
  std::size_t none = o.candidates.size();
  std::string svg;
  Column& from = cols[r - 1];
  Column& to = cols[r];
  double x0 = column_x(r - 1) + kBar, x1 = column_x(r);
  std::vector<double> moved(none + 1, 0.0);
  for (const Transfer& t : o.rounds[r].transfers) {
    std::size_t target = t.to ? *t.to : none;
    double w = amount(t.votes) * scale;
    svg += band(x0, from.top[t.from] + from.out_used[t.from], x1,
                to.top[target] + to.in_used[target], w, t.from,
                fmt::format("{} → {}: {}", o.candidates[t.from],
                            t.to ? o.candidates[*t.to] : std::string("non-transferable"), t.votes));
    from.out_used[t.from] += w;
    to.in_used[target] += w;
    moved[t.from] += w;
  }
  for (std::size_t p = 0; p <= none; ++p) {
    double kept = std::min(from.size[p] - moved[p], to.size[p] - to.in_used[p]);
    if (kept <= 0.05) continue;
    svg += band(x0, from.top[p] + from.out_used[p], x1, to.top[p] + to.in_used[p], kept, p,
                p < none ? o.candidates[p] : "non-transferable");
    to.in_used[p] += kept;
  }
  return svg;
}

std::string bars(const Outcome& o, const std::vector<Column>& cols) {
  std::size_t none = o.candidates.size();
  std::string svg;
  for (std::size_t r = 0; r < cols.size(); ++r) {
    for (std::size_t p = 0; p <= none; ++p) {
      if (cols[r].size[p] <= 0) continue;
      std::string label = p < none ? o.candidates[p] : "non-transferable";
      std::string votes = p < none ? o.rounds[r].votes[p] : o.rounds[r].exhausted;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>{}, round {}: {}</title></rect>\n",
          column_x(r), cols[r].top[p], kBar, std::max(cols[r].size[p], 0.5),
          p < none ? colour(p) : "#999999", html_escape(label), r + 1, votes);
      if (r == 0) {
        svg += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\" "
            "dominant-baseline=\"middle\">{}</text>\n",
            column_x(0) - 6, cols[0].top[p] + cols[0].size[p] / 2, html_escape(label));
      }
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">Round {}</text>\n",
                       column_x(r), kHeight + kGap * static_cast<double>(none) + 24, r + 1);
  }
  return svg;
}

double largest_round_total(const Outcome& o) {
  double largest = 0.0;
  for (const Round& round : o.rounds) {
    double total = amount(round.exhausted);
    for (const std::string& v : round.votes) total += amount(v);
    largest = std::max(largest, total);
  }
  return largest;
}

}  // namespace

std::string vote_flow_svg(const Outcome& o) {
  if (o.rounds.empty()) return "";
  double total = largest_round_total(o);
  double scale = total > 0 ? kHeight / total : 0.0;
  std::vector<Column> cols = lay_out(o, scale);
  double width = column_x(o.rounds.size() - 1) + kBar + 20;
  double height = kHeight + kGap * static_cast<double>(o.candidates.size()) + 34;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"Where the votes went\">\n",
      width, height, width, height);
  for (std::size_t r = 1; r < cols.size(); ++r) svg += flows_into(o, cols, r, scale);
  svg += bars(o, cols);
  return svg + "</svg>\n";
}

}  // namespace veche
