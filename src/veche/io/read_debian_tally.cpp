// The tally sheet Debian's secretary publishes for every vote (docs/formats.md).
#include <fmt/format.h>

#include <optional>

#include "veche/core/error.hpp"
#include "veche/io/ballot_sink.hpp"
#include "veche/io/read.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using io::Lines;
using io::trim;

// The sheet draws lines from each option down to its column (`|||/`); the art that ends
// a title line is not part of the title.
std::string_view without_column_art(std::string_view title) {
  title = trim(title);
  std::size_t art = title.find_last_not_of("|/");
  if (art != std::string_view::npos && art + 1 < title.size() && io::is_blank(title[art])) {
    title = trim(title.substr(0, art + 1));
  }
  return title;
}

struct OptionLine {
  std::size_t number = 0;
  std::string_view title;
};

// `   |/  Option 3---->: Steve McIntyre`
std::optional<OptionLine> option_line(std::string_view line) {
  std::size_t at = line.find("Option ");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(at + 7);
  std::size_t digits = rest.find_first_not_of("0123456789");
  OptionLine option;
  if (digits == 0 || digits == std::string_view::npos ||
      !io::parse_whole(rest.substr(0, digits), option.number)) {
    return std::nullopt;
  }
  rest.remove_prefix(digits);
  std::size_t arrow = rest.find_first_not_of('-');
  if (arrow == std::string_view::npos || !rest.substr(arrow).starts_with(">:")) return std::nullopt;
  option.title = without_column_art(rest.substr(arrow + 2));
  return option;
}

class TallyReader {
 public:
  TallyReader(std::string_view text, const std::string& path, const BallotRules& rules)
      : lines_(text), path_(path), rules_(rules) {}

  Profile read() &&;

 private:
  void read_ballot(std::string_view vote);

  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw InputError(path_, lines_.number(), field, why);
  }

  Lines lines_;
  const std::string& path_;
  BallotRules rules_;
  std::vector<std::string> options_;
  std::optional<io::BallotSink> sink_;
  io::Ranks ranks_;
};

// `V: 21-23  voter`: character i is the rank of option i; `-` leaves it unranked. Only the
// order of the digits counts (a number not used is no skipped rank), as the constitution says.
void TallyReader::read_ballot(std::string_view vote) {
  std::string_view marks = io::next_token(vote);
  if (marks.size() != options_.size()) {
    fail("vote", fmt::format("expected {} characters, one per option, got \"{}\"", options_.size(),
                             marks.substr(0, 40)));
  }
  bool used[10] = {};
  for (char c : marks) {
    if (c == '-') continue;
    if (c < '1' || c > '9') {
      fail("vote", fmt::format("expected ranks 1 to 9 or `-`, got \"{}\"", marks));
    }
    used[c - '0'] = true;
  }
  ranks_.clear();
  for (char rank = '1'; rank <= '9'; ++rank) {
    if (!used[rank - '0']) continue;
    ranks_.open_rank();
    for (std::size_t option = 0; option < marks.size(); ++option) {
      if (marks[option] == rank) ranks_.mark(static_cast<CandidateId>(option));
    }
  }
  sink_->add(ranks_, 1, lines_.number());
}

Profile TallyReader::read() && {
  std::string_view line;
  while (lines_.next(line)) {
    if (line.starts_with("V:")) {
      if (!sink_) {
        if (options_.empty()) fail("options", "no `Option N: title` lines before the first ballot");
        sink_.emplace(path_, options_, rules_);
      }
      read_ballot(line.substr(2));
      continue;
    }
    if (sink_) {
      // Free text is only the sheet's preamble; among the ballots it is a damaged line.
      if (!trim(line).empty()) fail("ballot", "expected `V: vote voter` after the first ballot");
      continue;
    }
    if (auto option = option_line(line)) {
      if (option->number != options_.size() + 1) {
        fail("options",
             fmt::format("expected Option {}, got Option {}", options_.size() + 1, option->number));
      }
      options_.emplace_back(option->title);
    }
  }
  if (!sink_) {
    if (options_.empty()) fail("options", "no `Option N: title` lines: is this a tally sheet?");
    sink_.emplace(path_, options_, rules_);
  }
  return std::move(*sink_).finish();
}

}  // namespace

Profile parse_debian_tally(std::string_view text, const std::string& path,
                           const BallotRules& rules) {
  return TallyReader(text, path, rules).read();
}

}  // namespace veche
