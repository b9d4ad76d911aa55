// BLT, the ballot format of the ERS, OpenSTV and Droop (docs/formats.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "veche/core/error.hpp"
#include "veche/io/ballot_sink.hpp"
#include "veche/io/read.hpp"
#include "veche/io/read_mapped.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using io::BallotSink;
using io::Lines;
using io::next_token;
using io::parse_whole;
using io::trim;

bool is_comment(std::string_view line) {
  return line.starts_with('#');
}

// Skips blank lines and comments; false at the end of the file.
bool next_significant(Lines& lines, std::string_view& line) {
  while (lines.next(line)) {
    line = trim(line);
    if (!line.empty() && !is_comment(line)) return true;
  }
  return false;
}

// `-2 -5` names withdrawn candidates; a ballot line never starts with `-` unless its weight
// is negative, which read_ballot reports as such.
bool is_withdrawn_line(std::string_view line) {
  for (std::string_view token = next_token(line); !token.empty(); token = next_token(line)) {
    if (!token.starts_with('-')) return false;
  }
  return true;
}

// The line `0` (perhaps with a comment) that closes the ballots.
bool is_end_of_ballots(std::string_view line) {
  std::string_view first = next_token(line);
  std::string_view after = next_token(line);
  return first == "0" && (after.empty() || after.starts_with('#'));
}

struct Header {
  std::size_t candidates = 0;
  int seats = 0;
};

class BltReader {
 public:
  BltReader(std::string_view text, const std::string& path, const BallotRules& rules,
            io::MappedFile* file = nullptr)
      : text_(text), lines_(text, file), path_(path), rules_(rules) {}

  Profile read() &&;

 private:
  Header read_header();
  void read_withdrawn(std::string_view line);
  void read_ballots(std::string_view line);
  bool read_plain_ballot(std::string_view line);
  void read_ballot(std::string_view line);
  bool read_rank(std::string_view token, std::size_t rank);
  void read_names();
  std::string_view next_item(bool& found);

  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw InputError(path_, lines_.number(), field, why);
  }

  std::string_view text_;
  Lines lines_;
  const std::string& path_;
  BallotRules rules_;
  std::unique_ptr<BallotSink> sink_;
  io::Ranks ranks_;
  std::vector<CandidateId> ranking_;
  std::vector<std::uint32_t> seen_in_;  // per candidate: the last ballot that ranked it
  std::uint32_t ballot_ = 0;
  bool ballot_ended_ = false;              // an unknown candidate exhausted this ballot
  bool ballot_rejected_ = false;           // an unknown candidate set this ballot aside
  std::vector<std::string_view> pending_;  // names (and title) read but not yet placed
  std::size_t next_pending_ = 0;
};

Header BltReader::read_header() {
  std::string_view line;
  if (!next_significant(lines_, line)) {
    fail("header", "the file has no `candidates seats` line (is it empty?)");
  }
  std::string_view rest = line;
  std::string_view candidates = next_token(rest);
  std::string_view seats = next_token(rest);
  Header header;
  if (!parse_whole(candidates, header.candidates) || header.candidates == 0) {
    fail("number of candidates",
         "expected a whole number of at least 1 in the first line "
         "`candidates seats`, got \"" +
             std::string(candidates.substr(0, 40)) + "\"");
  }
  if (seats.empty()) fail("number of seats", "the first line must be `candidates seats`");
  if (!parse_whole(seats, header.seats) || header.seats == 0) {
    fail("number of seats",
         "expected a whole number of at least 1, got \"" + std::string(seats.substr(0, 40)) + "\"");
  }
  if (!trim(rest).empty()) fail("header", "expected only `candidates seats` on the first line");
  // Each candidate needs a name line after the ballots: a larger count cannot be right, and
  // refusing it early keeps a corrupt header from allocating without bound.
  if (header.candidates > text_.size() || header.candidates >= kEqual) {
    fail("number of candidates",
         fmt::format("{} candidates cannot all be named in a file of {} bytes", header.candidates,
                     text_.size()));
  }
  return header;
}

// `-2 -5`: candidates 2 and 5 withdrew before the count.
void BltReader::read_withdrawn(std::string_view line) {
  Profile& profile = sink_->profile();
  for (std::string_view token = next_token(line); !token.empty(); token = next_token(line)) {
    std::size_t c = 0;
    if (!token.starts_with('-') || !parse_whole(token.substr(1), c) || c == 0 ||
        c > profile.candidates.size()) {
      fail("withdrawn candidates",
           fmt::format("expected negative candidate numbers -1 to -{}, got \"{}\"",
                       profile.candidates.size(), token.substr(0, 40)));
    }
    profile.withdrawn[c - 1] = true;
  }
}

// A whole number of at most `most` digits at `p`, then a blank; `p` moves past the digits.
// The caller knows a blank comes before the line ends, so no bound is checked. Anything
// else (a longer number among them) is for read_ballot to judge.
template <class Int>
bool whole_before_blank(const char*& p, Int& value, std::ptrdiff_t most) {
  const char* start = p;
  Int v = 0;
  while (static_cast<unsigned char>(*p - '0') <= 9) {
    v = v * 10 + static_cast<Int>(*p - '0');
    ++p;
  }
  if (p == start || p - start > most || (*p != ' ' && *p != '\t')) return false;
  value = v;
  return true;
}

// A candidate number at `p`, then a blank, as whole_before_blank. Numbers of one and of two
// digits come mixed in any order, so a loop that stops after either is a branch the
// processor guesses wrong half the time; these are read without one.
inline bool candidate_before_blank(const char*& p, std::size_t& value) {
  const unsigned first = static_cast<unsigned char>(p[0]) - unsigned{'0'};
  if (first > 9) return false;
  // p[0] is a digit before the blank that precedes the closing 0, so p[1] is on the line.
  const unsigned second = static_cast<unsigned char>(p[1]) - unsigned{'0'};
  const unsigned two = second <= 9 ? 1 : 0;
  const char* after = p + 1 + two;
  if (*after == ' ' || *after == '\t') {
    value = first * (1 + 9 * two) + second * two;
    p = after;
    return true;
  }
  return whole_before_blank(p, value, 9);  // three digits or more, or not a number
}

// The common ballot `weight c1 c2 ... 0`: one candidate per rank, none twice, all on the
// list. Anything else (or any mistake) goes to read_ballot, which handles and reports it.
// Most of a file is lines like these, so this is the reader's inner loop: the blank before
// the closing 0 ends every number before it, which spares a bounds check a byte.
bool BltReader::read_plain_ballot(std::string_view line) {
  const std::size_t n = line.size();
  if (n < 3 || line[n - 1] != '0' || (line[n - 2] != ' ' && line[n - 2] != '\t')) return false;
  const char* p = line.data();
  const char* const closing = p + n - 1;
  Weight weight = 0;
  if (!whole_before_blank(p, weight, 18)) return false;  // 18 digits never overflow 64 bits
  if (++ballot_ == 0) {  // the marks wrapped after 2^32 ballots: start afresh
    std::fill(seen_in_.begin(), seen_in_.end(), 0);
    ballot_ = 1;
  }
  const std::size_t candidates = seen_in_.size();
  std::size_t ranked = 0;  // ranking_ has room for every candidate, each at most once
  for (;;) {
    while (*p == ' ' || *p == '\t') ++p;
    if (p == closing) break;
    std::size_t c = 0;
    if (!candidate_before_blank(p, c) || c == 0 || c > candidates || seen_in_[c - 1] == ballot_) {
      return false;
    }
    seen_in_[c - 1] = ballot_;
    ranking_[ranked++] = static_cast<CandidateId>(c - 1);
  }
  sink_->add_strict({ranking_.data(), ranked}, weight, lines_.number());
  return true;
}

// One rank of a ballot: `c`, `a=b` (equal ranking) or `-` (a skipped rank).
// Returns false when the ballot ends here because an unknown candidate exhausts it.
bool BltReader::read_rank(std::string_view token, std::size_t rank) {
  ranks_.open_rank();
  if (token == "-") return true;
  const std::string field = fmt::format("rank {}", rank);
  const std::size_t candidates = sink_->candidate_count();
  while (!token.empty()) {
    std::size_t eq = token.find('=');
    std::string_view part = token.substr(0, eq);
    token = eq == std::string_view::npos ? std::string_view{} : token.substr(eq + 1);
    std::size_t c = 0;
    if (!parse_whole(part, c) || c == 0 || (eq != std::string_view::npos && token.empty())) {
      fail(field, fmt::format("expected a candidate number 1 to {}, `a=b` or `-`, got \"{}\"",
                              candidates, part.substr(0, 40)));
    }
    if (c <= candidates) {
      ranks_.mark(static_cast<CandidateId>(c - 1));
      continue;
    }
    switch (
        sink_->unknown_mark(lines_.number(), field,
                            fmt::format("candidate {} is not on the list of {}", c, candidates))) {
      case io::UnknownMark::pass_over:
        break;
      case io::UnknownMark::end_ballot:
        ranks_.drop_after(ranks_.size() - 1);
        return false;
      case io::UnknownMark::reject_ballot:
        ballot_rejected_ = true;
        break;
    }
  }
  // A rank whose only candidates were passed over is gone, not skipped.
  if (ranks_.groups().back().empty()) ranks_.drop_after(ranks_.size() - 1);
  return true;
}

void BltReader::read_ballot(std::string_view line) {
  if (line.starts_with('(')) {  // OpenSTV's ballot id: `(id) weight ...`
    std::size_t close = line.find(')');
    if (close == std::string_view::npos) fail("ballot id", "expected `)` after `(`");
    line.remove_prefix(close + 1);
  }
  std::string_view token = next_token(line);
  Weight weight = 0;
  if (!parse_whole(token, weight)) fail("weight", io::not_a_whole_number(token));

  ranks_.clear();
  ballot_ended_ = false;
  ballot_rejected_ = false;
  for (std::size_t rank = 1;; ++rank) {
    token = next_token(line);
    if (token.empty() || token.starts_with('#')) {
      fail("ballot", "expected 0 at the end of the ballot");
    }
    if (token == "0") break;
    if (ballot_ended_) continue;
    if (!read_rank(token, rank)) ballot_ended_ = true;
  }
  token = next_token(line);
  if (!token.empty() && !token.starts_with('#')) {
    fail("ballot",
         fmt::format("unexpected \"{}\" after the 0 that ends the ballot", token.substr(0, 40)));
  }
  if (ballot_rejected_) {
    sink_->reject(weight, lines_.number());
  } else {
    sink_->add(ranks_, weight, lines_.number());
  }
}

// Ballot lines up to the `0` line that closes them.
void BltReader::read_ballots(std::string_view line) {
  seen_in_.assign(sink_->candidate_count(), 0);
  ranking_.assign(sink_->candidate_count(), 0);
  for (;;) {
    // The plain reader never takes the closing `0` line (a ballot ends in a 0 after its
    // weight), so the common line is tried first.
    if (!read_plain_ballot(line)) {
      if (is_end_of_ballots(line)) return;
      read_ballot(line);
    }
    if (!next_significant(lines_, line)) {
      fail("ballots", "the file ends before the `0` line that closes the ballots");
    }
  }
}

// The next name or title: a quoted string (several may share a line) or a whole line.
std::string_view BltReader::next_item(bool& found) {
  found = true;
  if (next_pending_ < pending_.size()) return pending_[next_pending_++];
  pending_.clear();
  next_pending_ = 0;
  std::string_view line;
  if (!next_significant(lines_, line)) {
    found = false;
    return {};
  }
  if (!line.starts_with('"')) return line;
  while (!line.empty()) {
    if (!line.starts_with('"')) {
      fail("name", fmt::format("expected a quoted name, got \"{}\"", line.substr(0, 40)));
    }
    std::size_t close = line.find('"', 1);
    if (close == std::string_view::npos) fail("name", "a quoted name has no closing quote");
    pending_.push_back(line.substr(1, close - 1));
    line = trim(line.substr(close + 1));
  }
  return next_item(found);
}

void BltReader::read_names() {
  Profile& profile = sink_->profile();
  bool found = false;
  for (std::size_t i = 0; i < profile.candidates.size(); ++i) {
    std::string_view name = next_item(found);
    if (!found) {
      fail("candidate names", fmt::format("expected {} names after the ballots, the file ends "
                                          "after {}",
                                          profile.candidates.size(), i));
    }
    profile.candidates[i] = std::string(name);
  }
  std::string_view title = next_item(found);
  profile.title = std::string(title);
  // What follows the title (another contest, in some files) is not read: see docs/formats.md.
}

Profile BltReader::read() && {
  Header header = read_header();
  sink_ = std::make_unique<BallotSink>(path_, std::vector<std::string>(header.candidates), rules_);
  sink_->profile().seats = header.seats;
  // A ballot takes at least four bytes (`1 0` and its line end), a mark two (`3 `): bounds
  // that let the profile reserve its arena instead of doubling it, which would hold two
  // copies at once, without a pass over the file to count its lines.
  sink_->reserve(text_.size() / 4 + 1, text_.size() / 2);
  std::string_view line;
  if (!next_significant(lines_, line)) fail("ballots", "the file ends after the first line");
  if (is_withdrawn_line(line)) {
    read_withdrawn(line);
    if (!next_significant(lines_, line)) fail("ballots", "the file ends before the ballots");
  }
  read_ballots(line);
  read_names();
  return std::move(*sink_).finish();
}

}  // namespace

Profile parse_blt(std::string_view text, const std::string& path, const BallotRules& rules) {
  return BltReader(text, path, rules).read();
}

Profile io::read_blt(MappedFile& file, const std::string& path, const BallotRules& rules) {
  return file.read([&] { return BltReader(file.text(), path, rules, &file).read(); });
}

}  // namespace veche
