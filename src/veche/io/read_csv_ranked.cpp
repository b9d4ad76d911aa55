// Ranked ballots in CSV, one row a ballot, in either of two layouts (docs/formats.md):
// one column per rank (cells name candidates) or one column per candidate (cells are ranks).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_set>

#include "veche/core/error.hpp"
#include "veche/io/ballot_sink.hpp"
#include "veche/io/csv_records.hpp"
#include "veche/io/read.hpp"
#include "veche/io/read_mapped.hpp"
#include "veche/io/text.hpp"

namespace veche {

namespace {

using io::CsvRecords;
using io::equals_ci;
using io::parse_whole;

using Cells = std::vector<std::string_view>;

// In a row's ranking: an empty cell; from a lookup: a name not on the given list.
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

// Candidates by name. A large file looks a name up for nearly every cell, so this is an
// open-addressed table hashed eight bytes a step, looked up by view without copying the cell.
class NameIndex {
 public:
  // kNoCandidate when the name is not in it.
  CandidateId find(std::string_view name) const {
    if (slots_.empty()) return kNoCandidate;
    const std::uint64_t h = hash(name);
    for (std::size_t at = h & mask();; at = (at + 1) & mask()) {
      const Slot& slot = slots_[at];
      if (slot.id == kNoCandidate) return kNoCandidate;
      if (slot.hash == h && slot.name == name) return slot.id;
    }
  }

  // False when the name is in it already.
  bool insert(std::string_view name, CandidateId id) {
    if (find(name) != kNoCandidate) return false;
    if (2 * (used_ + 1) > slots_.size()) grow();
    place(Slot{hash(name), std::string(name), id});
    ++used_;
    return true;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string name;
    CandidateId id = kNoCandidate;
  };

  static std::uint64_t hash(std::string_view s) {
    constexpr std::uint64_t kMul = 0x9E37'79B9'7F4A'7C15u;
    std::uint64_t h = s.size() * kMul;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, 8);
      h = (h ^ word) * kMul;
      h ^= h >> 29;
    }
    // The last bytes: a whole word ending at the name's end when there is one (a fixed-size
    // load is a single instruction), else byte by byte.
    std::uint64_t tail = 0;
    if (i < s.size() && s.size() >= 8) {
      std::memcpy(&tail, s.data() + s.size() - 8, 8);
    } else {
      for (; i < s.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(s[i]);
    }
    h = (h ^ tail) * kMul;
    return h ^ (h >> 32);
  }

  std::size_t mask() const { return slots_.size() - 1; }

  void place(Slot slot) {
    std::size_t at = slot.hash & mask();
    while (slots_[at].id != kNoCandidate) at = (at + 1) & mask();
    slots_[at] = std::move(slot);
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(old.empty() ? 16 : old.size() * 2);
    for (Slot& slot : old) {
      if (slot.id != kNoCandidate) place(std::move(slot));
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

struct Header {
  Cells labels;         // every column, the weight column included
  bool weight = false;  // the first column is a weight
  std::size_t first() const { return weight ? 1 : 0; }
};

class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& path, const BallotRules& rules,
            std::span<const std::string> candidates, io::MappedFile* file = nullptr)
      : records_(text, path, file),
        size_(text.size()),
        path_(path),
        rules_(rules),
        given_(candidates) {}

  Profile read() &&;

 private:
  bool ranks_in_columns();
  bool next_row();
  Weight row_weight();
  Profile read_rank_columns();
  Profile read_candidate_columns();
  CandidateId candidate_named(io::BallotSink& sink, std::string_view name);
  void reserve(io::BallotSink& sink) const;

  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw InputError(path_, records_.line(), field, why);
  }

  CsvRecords records_;
  std::size_t size_;
  const std::string& path_;
  BallotRules rules_;
  std::span<const std::string> given_;
  Header header_;
  Cells cells_;

  // Candidates by name: the given list, or every name in order of first appearance.
  std::vector<std::string> names_;  // the given list, each name once
  NameIndex ids_;
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
  CsvRecords ahead = records_.ahead();
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

CandidateId CsvReader::candidate_named(io::BallotSink& sink, std::string_view name) {
  CandidateId id = ids_.find(name);
  if (id != kNoCandidate || !given_.empty()) return id;
  if (sink.candidate_count() >= kEqual) fail("candidate", "too many different names");
  id = sink.add_candidate(std::string(name));
  ids_.insert(name, id);
  return id;
}

// A row takes at least a byte a column (the commas and the line end), a mark two bytes
// (a name and a comma): bounds that let the profile reserve its arena once.
void CsvReader::reserve(io::BallotSink& sink) const {
  const std::size_t rows = size_ / header_.labels.size() + 1;
  sink.reserve(rows, std::min(size_ / 2 + 1, rows * header_.labels.size()));
}

// One column per rank. Without a given list the candidates are the names in order of first
// appearance; each row goes to the builder as it is read, so only distinct ballots are kept.
Profile CsvReader::read_rank_columns() {
  io::BallotSink sink(path_, std::move(names_), rules_);
  reserve(sink);
  std::vector<CandidateId> ranking;  // this row's ranks, kNoCandidate for an empty cell
  std::vector<std::uint32_t> seen_in(sink.candidate_count(), 0);
  std::uint32_t ballot = 0;
  io::Ranks ranks;

  const Cells& labels = header_.labels;
  while (next_row()) {
    const Weight weight = row_weight();
    const std::size_t line = records_.line();
    ranking.clear();
    bool rejected = false;
    for (std::size_t k = header_.first(); k < cells_.size(); ++k) {
      if (cells_[k].empty()) {
        ranking.push_back(kNoCandidate);
        continue;
      }
      CandidateId c = candidate_named(sink, cells_[k]);
      if (c != kNoCandidate) {
        ranking.push_back(c);
        continue;
      }
      io::UnknownMark what =
          sink.unknown_mark(line, column_field(k, labels[k]),
                            fmt::format("\"{}\" is not a candidate", cells_[k].substr(0, 60)));
      if (what == io::UnknownMark::pass_over) continue;
      rejected = what == io::UnknownMark::reject_ballot;
      break;
    }
    if (rejected) {
      sink.reject(weight, line);
      continue;
    }
    while (!ranking.empty() && ranking.back() == kNoCandidate) ranking.pop_back();
    if (seen_in.size() < sink.candidate_count()) seen_in.resize(sink.candidate_count(), 0);
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
      sink.add_strict(ranking, weight, line);
      continue;
    }
    ranks.clear();
    for (CandidateId c : ranking) {
      ranks.open_rank();
      if (c != kNoCandidate) ranks.mark(c);
    }
    sink.add(ranks, weight, line);
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
  reserve(sink);
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
  // reuses: keep copies of them first.
  header_copy_.assign(labels.begin(), labels.end());
  labels.assign(header_copy_.begin(), header_copy_.end());

  if (!ranks_in_columns()) return read_candidate_columns();
  for (const std::string& name : given_) {
    if (ids_.insert(name, static_cast<CandidateId>(names_.size()))) names_.push_back(name);
  }
  return read_rank_columns();
}

}  // namespace

Profile parse_csv_ranked(std::string_view text, const std::string& path, const BallotRules& rules,
                         std::span<const std::string> candidates) {
  return CsvReader(text, path, rules, candidates).read();
}

Profile io::read_csv_ranked(MappedFile& file, const std::string& path, const BallotRules& rules,
                            std::span<const std::string> candidates) {
  return file.read([&] { return CsvReader(file.text(), path, rules, candidates, &file).read(); });
}

}  // namespace veche
