// Ranked ballots in CSV, one row a ballot, in either of two layouts (docs/formats.md):
// one column per rank (cells name candidates) or one column per candidate (cells are ranks).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "veche/core/error.hpp"
#include "veche/io/ballot_sink.hpp"
#include "veche/io/csv_records.hpp"
#include "veche/io/read.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using io::CsvRecords;
using io::equals_ci;
using io::parse_whole;

using Cells = std::vector<std::string_view>;

// In a row kept for later: an empty cell; from a lookup: a name not on the given list.
constexpr CandidateId kNoCandidate = static_cast<CandidateId>(-1);

// `weight`, `count`, ... as the first header cell: how many voters cast the row's ballot.
bool is_weight_label(std::string_view cell) {
  for (std::string_view label : {"weight", "count", "votes", "ballots"}) {
    if (equals_ci(cell, label)) return true;
  }
  return false;
}

// Whether `rest` is a run of the words rank labels are made of (`1st choice`, `rank 2`).
bool made_of_label_words(std::string_view rest) {
  if (rest.empty()) return true;
  for (std::string_view word : {"rank", "choice", "preference", "pref", "st", "nd", "rd", "th"}) {
    if (rest.starts_with(word) && made_of_label_words(rest.substr(word.size()))) return true;
  }
  return false;
}

// `rank1`, `Rank 2`, `3rd choice`, `preference_4`, `5`: a column that holds the n-th choice.
bool is_rank_label(std::string_view cell) {
  std::string letters;
  bool digit = false;
  for (char c : cell) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c >= 'A' && c <= 'Z') {
      letters += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      letters += c;
    } else if (c != ' ' && c != '_' && c != '-' && c != '.' && c != '#') {
      return false;
    }
  }
  return digit && made_of_label_words(letters);
}

std::string column_field(std::size_t column, std::string_view label) {
  return fmt::format("column {} ({})", column + 1, label.substr(0, 60));
}

// Looks names up by view, so a cell is not copied to be found.
struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Header {
  Cells labels;         // every column, the weight column included
  bool weight = false;  // the first column is a weight
  std::size_t first() const { return weight ? 1 : 0; }
};

class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& path, const BallotRules& rules,
            std::span<const std::string> candidates)
      : records_(text, path), path_(path), rules_(rules), given_(candidates) {}

  Profile read() &&;

 private:
  bool ranks_in_columns();
  bool next_row();
  Weight row_weight();
  Profile read_rank_columns();
  Profile read_candidate_columns();
  CandidateId candidate_named(std::string_view name);

  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw InputError(path_, records_.line(), field, why);
  }

  CsvRecords records_;
  const std::string& path_;
  BallotRules rules_;
  std::span<const std::string> given_;
  Header header_;
  Cells cells_;

  // Candidates by name: the given list, or every name in order of first appearance.
  std::vector<std::string> names_;
  std::unordered_map<std::string, CandidateId, NameHash, std::equal_to<>> ids_;
  std::vector<std::string> header_copy_;
};

// The next ballot row, checked against the header: a missing column is an error, surplus
// empty cells (trailing commas) are not.
bool CsvReader::next_row() {
  if (!records_.next(cells_)) return false;
  const Cells& labels = header_.labels;
  if (cells_.size() < labels.size()) {
    fail(column_field(cells_.size(), labels[cells_.size()]),
         fmt::format("missing: the row has {} cells and the header {} columns", cells_.size(),
                     labels.size()));
  }
  for (std::size_t k = labels.size(); k < cells_.size(); ++k) {
    if (!cells_[k].empty()) {
      fail(fmt::format("column {}", k + 1),
           fmt::format("the header has only {} columns, this row has \"{}\" beyond them",
                       labels.size(), cells_[k].substr(0, 40)));
    }
  }
  cells_.resize(labels.size());
  return true;
}

Weight CsvReader::row_weight() {
  if (!header_.weight) return 1;
  Weight weight = 0;
  if (!parse_whole(cells_[0], weight)) {
    fail(column_field(0, header_.labels[0]), io::not_a_whole_number(cells_[0]));
  }
  return weight;
}

// Rank labels in the header say so; otherwise whole numbers in the first ballot row mean
// one column per candidate, and names mean one column per rank under any header.
bool CsvReader::ranks_in_columns() {
  const Cells& labels = header_.labels;
  if (std::all_of(labels.begin() + header_.first(), labels.end(), is_rank_label)) return true;
  CsvRecords ahead = records_;
  Cells row;
  while (ahead.next(row)) {
    bool any = false;
    for (std::size_t k = header_.first(); k < row.size() && k < labels.size(); ++k) {
      if (row[k].empty()) continue;
      unsigned rank = 0;
      if (!parse_whole(row[k], rank)) return true;
      any = true;
    }
    if (any) return false;
  }
  return false;
}

CandidateId CsvReader::candidate_named(std::string_view name) {
  auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  if (!given_.empty()) return kNoCandidate;
  auto id = static_cast<CandidateId>(names_.size());
  if (id >= kEqual) fail("candidate", "too many different names");
  names_.emplace_back(name);
  ids_.emplace(std::string(name), id);
  return id;
}

// One column per rank. The candidate list may only be known at the end (names in order of
// first appearance), so the ballots are kept compactly and given to the builder after.
Profile CsvReader::read_rank_columns() {
  struct Row {
    std::size_t start;
    Weight weight;
    std::size_t line;
    bool rejected;
  };
  std::vector<CandidateId> marks;  // every row's ranks, kNoCandidate for an empty cell
  std::vector<Row> rows;

  const Cells& labels = header_.labels;
  while (next_row()) {
    Row row{marks.size(), row_weight(), records_.line(), false};
    for (std::size_t k = header_.first(); k < cells_.size(); ++k) {
      if (cells_[k].empty()) {
        marks.push_back(kNoCandidate);
        continue;
      }
      CandidateId c = candidate_named(cells_[k]);
      if (c != kNoCandidate) {
        marks.push_back(c);
        continue;
      }
      io::UnknownMark what =
          io::unknown_mark(rules_.unknown_name, path_, row.line, column_field(k, labels[k]),
                           fmt::format("\"{}\" is not a candidate", cells_[k].substr(0, 60)));
      if (what == io::UnknownMark::pass_over) continue;
      row.rejected = what == io::UnknownMark::reject_ballot;
      break;
    }
    rows.push_back(row);
  }

  io::BallotSink sink(path_, std::move(names_), rules_);
  io::Ranks ranks;
  std::vector<std::uint32_t> seen_in(sink.candidate_count(), 0);
  std::uint32_t ballot = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.rejected) {
      sink.reject(row.weight, row.line);
      continue;
    }
    std::span<const CandidateId> ranking(
        marks.data() + row.start,
        (r + 1 < rows.size() ? rows[r + 1].start : marks.size()) - row.start);
    while (!ranking.empty() && ranking.back() == kNoCandidate)
      ranking = ranking.first(ranking.size() - 1);
    if (++ballot == 0) {
      std::fill(seen_in.begin(), seen_in.end(), 0);
      ballot = 1;
    }
    bool plain = true;
    for (CandidateId c : ranking) {
      if (c == kNoCandidate || seen_in[c] == ballot) {
        plain = false;
        break;
      }
      seen_in[c] = ballot;
    }
    if (plain) {
      sink.add_strict(ranking, row.weight, row.line);
      continue;
    }
    ranks.clear();
    for (CandidateId c : ranking) {
      ranks.open_rank();
      if (c != kNoCandidate) ranks.mark(c);
    }
    sink.add(ranks, row.weight, row.line);
  }
  return std::move(sink).finish();
}

// One column per candidate, cells the ranks: equal numbers are equal ranks, a number not
// used is a skipped rank, an empty cell leaves the candidate unranked.
Profile CsvReader::read_candidate_columns() {
  const Cells& labels = header_.labels;
  std::vector<std::string> names(labels.begin() + header_.first(), labels.end());
  std::unordered_set<std::string_view> named;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (names[k].empty())
      fail(column_field(k + header_.first(), ""), "a candidate column has no name");
    if (!named.insert(names[k]).second) {
      fail(column_field(k + header_.first(), names[k]), "the name is in the header twice");
    }
  }
  const std::size_t m = names.size();
  io::BallotSink sink(path_, std::move(names), rules_);
  io::Ranks ranks;
  std::vector<std::pair<std::size_t, CandidateId>> marked;  // (rank, candidate), this row
  while (next_row()) {
    Weight weight = row_weight();
    marked.clear();
    for (std::size_t k = header_.first(); k < cells_.size(); ++k) {
      if (cells_[k].empty()) continue;
      std::size_t rank = 0;
      if (!parse_whole(cells_[k], rank) || rank == 0 || rank > m) {
        fail(column_field(k, labels[k]),
             fmt::format("expected a rank from 1 to {} or an empty cell, got \"{}\"", m,
                         cells_[k].substr(0, 40)));
      }
      marked.emplace_back(rank, static_cast<CandidateId>(k - header_.first()));
    }
    std::sort(marked.begin(), marked.end());
    ranks.clear();
    for (const auto& [rank, candidate] : marked) {
      while (ranks.size() < rank) ranks.open_rank();  // ranks no one has stay empty
      ranks.mark(candidate);
    }
    sink.add(ranks, weight, records_.line());
  }
  return std::move(sink).finish();
}

Profile CsvReader::read() && {
  if (!records_.next(header_.labels)) throw InputError(path_, 1, "header", "the file is empty");
  Cells& labels = header_.labels;
  while (labels.size() > 1 && labels.back().empty()) labels.pop_back();  // trailing commas
  header_.weight = is_weight_label(labels[0]);
  if (labels.size() == header_.first()) {
    fail("header", "expected a header row naming the ranks or the candidates");
  }
  // The header's views point into the file or into records_' copies, which the next record
  // reuses: keep them in names_ storage first.
  header_copy_.assign(labels.begin(), labels.end());
  labels.assign(header_copy_.begin(), header_copy_.end());

  if (!ranks_in_columns()) return read_candidate_columns();
  for (const std::string& name : given_) {
    if (ids_.emplace(name, static_cast<CandidateId>(names_.size())).second) names_.push_back(name);
  }
  return read_rank_columns();
}

}  // namespace

Profile parse_csv_ranked(std::string_view text, const std::string& path, const BallotRules& rules,
                         std::span<const std::string> candidates) {
  return CsvReader(text, path, rules, candidates).read();
}

}  // namespace veche
