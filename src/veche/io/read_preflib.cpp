// PrefLib orders: SOI, SOC, TOI, TOC with `#` metadata, and PrefLib's older format whose
// first line is the number of alternatives (docs/formats.md).
#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "veche/core/error.hpp"
#include "veche/io/ballot_sink.hpp"
#include "veche/io/read.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using io::Lines;
using io::parse_whole;
using io::trim;

class PreflibReader {
 public:
  PreflibReader(std::string_view text, const std::string& path, const BallotRules& rules)
      : text_(text), lines_(text), path_(path), rules_(rules) {}

  Profile read() &&;

 private:
  void read_metadata(std::string_view line);
  void read_old_header(std::size_t alternatives);
  void open_ballots();
  void read_ballot(std::string_view count, std::string_view order);
  void read_order(std::string_view order);
  void mark(std::string_view number, bool grouped);

  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw InputError(path_, lines_.number(), field, why);
  }

  std::string_view text_;
  Lines lines_;
  const std::string& path_;
  BallotRules rules_;
  std::optional<std::size_t> alternatives_;  // as `# NUMBER ALTERNATIVES` says
  std::vector<std::string> names_;
  std::vector<bool> named_;
  std::string title_;
  std::unique_ptr<io::BallotSink> sink_;

  // The ballot being read.
  io::Ranks ranks_;
  std::vector<CandidateId> ranking_;
  std::vector<std::uint32_t> seen_in_;
  std::uint32_t ballot_ = 0;
  bool plain_ = true;         // one alternative per rank, none twice, all known: add_strict
  bool ended_ = false;        // an unknown alternative exhausted the ballot
  bool rejected_ = false;     // an unknown alternative set the ballot aside
  bool passed_over_ = false;  // an unknown alternative was passed over in this rank
};

// Every alternative needs a name line, so a number larger than the file cannot be right;
// refusing it keeps a corrupt header from allocating without bound.
bool nameable(std::size_t alternatives, std::string_view text) {
  return alternatives <= text.size() && alternatives < kEqual;
}

void PreflibReader::read_metadata(std::string_view line) {
  line = trim(line.substr(1));
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;  // a comment
  std::string_view key = trim(line.substr(0, colon));
  std::string_view value = trim(line.substr(colon + 1));
  if (key == "NUMBER ALTERNATIVES") {
    std::size_t m = 0;
    if (!parse_whole(value, m) || m == 0 || !nameable(m, text_)) {
      fail("NUMBER ALTERNATIVES",
           "expected a whole number of at least 1 that the file can "
           "name, got \"" +
               std::string(value.substr(0, 40)) + "\"");
    }
    alternatives_ = m;
  } else if (key.starts_with("ALTERNATIVE NAME ")) {
    std::size_t i = 0;
    if (!parse_whole(key.substr(17), i) || i == 0 || !nameable(i, text_)) {
      fail("ALTERNATIVE NAME", "expected `ALTERNATIVE NAME i: name` with i from 1");
    }
    if (names_.size() < i) {
      names_.resize(i);
      named_.resize(i);
    }
    names_[i - 1] = std::string(value);
    named_[i - 1] = true;
  } else if (key == "TITLE") {
    title_ = std::string(value);
  }
}

// The older format: `m`, then `i,name` for each alternative, then `voters,sum,unique`.
void PreflibReader::read_old_header(std::size_t alternatives) {
  if (alternatives == 0 || !nameable(alternatives, text_)) {
    fail("number of alternatives", "expected a whole number of at least 1 that the file can name");
  }
  alternatives_ = alternatives;
  names_.resize(alternatives);
  named_.resize(alternatives);
  std::string_view line;
  for (std::size_t k = 0; k < alternatives; ++k) {
    if (!lines_.next(line)) fail("alternatives", "the file ends before every alternative is named");
    std::size_t comma = line.find(',');
    std::size_t i = 0;
    if (comma == std::string_view::npos || !parse_whole(trim(line.substr(0, comma)), i) || i == 0 ||
        i > alternatives) {
      fail("alternative", fmt::format("expected `i,name` with i from 1 to {}", alternatives));
    }
    names_[i - 1] = std::string(trim(line.substr(comma + 1)));
    named_[i - 1] = true;
  }
  if (!lines_.next(line)) fail("voters", "the file ends before the `voters,sum,unique` line");
  std::size_t commas = 0;
  for (char ch : line) commas += ch == ',';
  if (commas != 2) fail("voters", "expected the line `voters,sum of counts,unique orders`");
}

void PreflibReader::open_ballots() {
  std::size_t m = alternatives_.value_or(names_.size());
  if (m == 0) {
    fail("alternatives",
         "no alternatives before the first ballot: expected "
         "`# NUMBER ALTERNATIVES: m` and `# ALTERNATIVE NAME i: name` lines");
  }
  if (names_.size() > m) {
    fail("alternatives",
         fmt::format("ALTERNATIVE NAME {} but NUMBER ALTERNATIVES is {}", names_.size(), m));
  }
  names_.resize(m);
  named_.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    if (!named_[i]) fail("alternatives", fmt::format("alternative {} has no name", i + 1));
  }
  sink_ = std::make_unique<io::BallotSink>(path_, std::move(names_), rules_);
  sink_->profile().title = title_;
  seen_in_.assign(m, 0);
}

void PreflibReader::mark(std::string_view number, bool grouped) {
  number = trim(number);
  std::size_t c = 0;
  if (!parse_whole(number, c)) {
    fail("order", fmt::format("expected an alternative number, got \"{}\"", number.substr(0, 40)));
  }
  if (ended_) return;
  const std::size_t m = seen_in_.size();
  if (c == 0 || c > m) {
    plain_ = false;
    switch (sink_->unknown_mark(lines_.number(), "order",
                                fmt::format("alternative {} is not one of 1 to {}", c, m))) {
      case io::UnknownMark::pass_over:
        passed_over_ = true;
        return;
      case io::UnknownMark::end_ballot:
        ended_ = true;
        return;
      case io::UnknownMark::reject_ballot:
        rejected_ = true;
        return;
    }
  }
  if (grouped || seen_in_[c - 1] == ballot_) plain_ = false;
  seen_in_[c - 1] = ballot_;
  ranks_.mark(static_cast<CandidateId>(c - 1));
  ranking_.push_back(static_cast<CandidateId>(c - 1));
}

// `3,4,{1,2}`: best first; braces hold alternatives ranked equal.
void PreflibReader::read_order(std::string_view order) {
  ranks_.clear();
  ranking_.clear();
  plain_ = true;
  ended_ = false;
  rejected_ = false;
  if (++ballot_ == 0) {
    std::fill(seen_in_.begin(), seen_in_.end(), 0);
    ballot_ = 1;
  }
  order = trim(order);
  while (!order.empty()) {
    // After an exhausting mark the rest is still read, so a malformed line is reported
    // whatever the rules say, but nothing more is ranked.
    const bool ranking = !ended_;
    if (ranking) ranks_.open_rank();
    passed_over_ = false;
    std::string_view rest;
    if (order.front() == '{') {
      std::size_t close = order.find('}');
      if (close == std::string_view::npos) fail("order", "a `{` has no closing `}`");
      std::string_view group = trim(order.substr(1, close - 1));
      if (group.empty()) plain_ = false;  // `{}`: a rank left empty
      while (!group.empty()) {
        std::size_t comma = group.find(',');
        mark(group.substr(0, comma), true);
        if (comma == std::string_view::npos) break;
        group = trim(group.substr(comma + 1));
        if (group.empty()) fail("order", "a `,` before `}`");
      }
      rest = trim(order.substr(close + 1));
    } else {
      std::size_t comma = order.find(',');
      mark(order.substr(0, comma), false);
      rest = comma == std::string_view::npos ? std::string_view{} : order.substr(comma);
    }
    if (ranking && (ended_ || (passed_over_ && ranks_.groups().back().empty()))) {
      ranks_.drop_after(ranks_.size() - 1);  // a rank of passed-over marks is gone, not skipped
    }
    if (rest.empty()) break;
    if (rest.front() != ',') fail("order", "expected `,` between ranks");
    order = trim(rest.substr(1));
    if (order.empty()) fail("order", "the order ends with `,`");
  }
}

void PreflibReader::read_ballot(std::string_view count, std::string_view order) {
  Weight weight = 0;
  count = trim(count);
  if (!parse_whole(count, weight)) fail("count", io::not_a_whole_number(count));
  read_order(order);
  if (rejected_) {
    sink_->reject(weight, lines_.number());
  } else if (plain_) {
    sink_->add_strict(ranking_, weight, lines_.number());
  } else {
    sink_->add(ranks_, weight, lines_.number());
  }
}

Profile PreflibReader::read() && {
  std::string_view line;
  bool old_format = false;
  while (lines_.next(line)) {
    std::string_view t = trim(line);
    if (t.empty()) continue;
    if (t.starts_with('#')) {
      if (sink_ == nullptr) read_metadata(t);
      continue;
    }
    std::size_t m = 0;
    if (sink_ == nullptr && !old_format && names_.empty() && !alternatives_ && parse_whole(t, m)) {
      read_old_header(m);
      old_format = true;
      continue;
    }
    if (sink_ == nullptr) open_ballots();
    std::size_t split = t.find(old_format ? ',' : ':');
    if (split == std::string_view::npos) {
      fail("ballot", old_format ? "expected `count,order`" : "expected `count: order`");
    }
    read_ballot(t.substr(0, split), t.substr(split + 1));
  }
  if (sink_ == nullptr) open_ballots();
  return std::move(*sink_).finish();
}

}  // namespace

Profile parse_preflib(std::string_view text, const std::string& path, const BallotRules& rules) {
  return PreflibReader(text, path, rules).read();
}

}  // namespace veche
