#pragma once
// The public record of one election: a folder of plain files (docs/record.md).
//   manifest.json  the election and every option of its count
//   ballots.jsonl  one canonical ballot a line, a Merkle log
//   roll.jsonl     who voted (salted hashes), a separate Merkle log
//   heads.jsonl    signed tree heads of both logs, joined by consistency proofs
//   outcome.json   the count, signed by the returning officer
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "veche/core/profile.hpp"
#include "veche/count/method.hpp"
#include "veche/ledger/merkle.hpp"
#include "veche/ledger/name_index.hpp"
#include "veche/ledger/signing.hpp"
#include "veche/ledger/tree_head.hpp"
#include "veche/ledger/voter_set.hpp"

namespace veche {

namespace fs = std::filesystem;

// What manifest.json says. Names are as the returning officer spells them.
struct Manifest {
  std::string election;                 // the election's title
  std::string run_by;                   // who runs it
  std::string council;                  // the council (or body) being elected
  std::vector<std::string> candidates;  // candidates or options, in ballot-paper order
  int seats = 1;
  std::string method;  // a name `veche methods` lists
  std::string tie_seed = "0";
  std::string look_back = "backward";  // none | backward | forward
  std::vector<std::string> tie_order;  // replaces the lot when given
  bool batch_elimination = false;
  std::vector<std::string> withdrawn;
  std::string quota;        // stv-wigm's quota; empty: the method's own
  int decimal_places = -1;  // stv-wigm's places; -1: the method's own
  bool exact = false;       // stv-wigm, stv-meek: exact rationals
  // The ballot rules (core/ballot_rules.hpp), each a remedy's name. overvote applies when a
  // method reads a ballot; skipped_rank and repeated when the ballot lines become a
  // Profile; unknown_name when `import` read its ballot file.
  std::string overvote = "exhaust";
  std::string skipped_rank = "skip";
  std::string repeated = "skip";
  std::string unknown_name = "error";
  std::string opens, closes;        // UTC, RFC 3339
  bool roll_included = true;        // false: the roll is not part of this record
  std::string roll_salt;            // hex; roll lines are salted hashes of voter ids
  PublicKey log_key;                // signs tree heads
  PublicKey returning_officer_key;  // signs outcome.json
};

nlohmann::ordered_json manifest_json(const Manifest& manifest);
// Throws std::invalid_argument naming the field that is missing or wrong.
Manifest manifest_from_json(const nlohmann::json& json);
// The count options the manifest fixes; UsageError for an unknown name or option.
CountOptions count_options(const Manifest& manifest);
// The ballot rules the manifest fixes; UsageError for a name that is no remedy.
BallotRules ballot_rules(const Manifest& manifest);

class CastBatch;

// The canonical byte form of ballots (docs/record.md), e.g. {"ranks":[["Alice"],["Bob","Carol"]]}
class BallotLines {
 public:
  explicit BallotLines(std::vector<std::string> candidates);
  std::string line(std::span<const std::vector<CandidateId>> ranks) const;
  // A Profile ballot: marks flagged kEqual join the rank before them.
  std::string line(std::span<const Mark> marks) const;
  // The ranks of a line, or nullopt with `why` set when it is not a canonical ballot.
  std::optional<std::vector<std::vector<CandidateId>>> read(std::string_view line,
                                                            std::string& why) const;
  // The same for a line already in canonical form, into storage reused from line to line
  // (verify reads millions): ranks[0, used). False, with nothing said, for any other line.
  bool read_canonical(std::string_view line, std::vector<std::vector<CandidateId>>& ranks,
                      std::size_t& used) const;
  std::optional<CandidateId> id_of(std::string_view name) const;
  // A ballot the ballot rules set aside while its ballot file was read (import), where
  // only the rules that may have done it are known: {"rejected":["skipped_rank",...]}
  static std::string rejected_line(std::span<const std::string> rules);
  // The rules a rejected line names, or nullopt with `why` set when the line is not one.
  static std::optional<std::vector<std::string>> read_rejected(std::string_view line,
                                                               std::string& why);
  static bool is_rejected_line(std::string_view line) { return line.starts_with("{\"rejected\":"); }
  // Ballot `ballot` of a cast batch, written at the end of `out` (a batch's lines share one
  // buffer).
  void append_line(const CastBatch& batch, std::size_t ballot, std::string& out) const;

 private:
  // The candidate whose name, as a JSON string, starts `text`.
  std::optional<CandidateId> quoted_at(std::string_view text) const;

  std::vector<std::string> candidates_;
  std::vector<std::string> quoted_;  // each name as a JSON string, quotes included
  NameIndex by_name_, by_quoted_;
};

// One roll line: {"voter":"<hex SHA-256 of "veche-roll-v1\n" salt "\n" voter id>"}
std::string roll_line(std::string_view salt, std::string_view voter);
// The hash a roll line shows, and the line that shows it, appended to `out`.
Hash roll_hash(std::string_view salt, std::string_view voter);
void append_roll_line(const Hash& voter, std::string& out);

// The lines of one batch in one buffer, each followed by its newline: what is written to a
// log in one write, without a string a line.
class LineBlock {
 public:
  std::string& text() { return text_; }
  const std::string& text() const { return text_; }
  // Ends the line written at the end of text().
  void end_line() {
    text_ += '\n';
    ends_.push_back(text_.size());
  }
  void add(std::string_view line) {
    text_ += line;
    end_line();
  }
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view line(std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - 1 - begin);
  }
  void reserve(std::size_t lines, std::size_t bytes) {
    ends_.reserve(lines);
    text_.reserve(bytes);
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// The keys of a record live outside it, in a folder of their own.
struct RecordKeys {
  SigningKey log;
  SigningKey returning_officer;
};
// Loads log.key and returning_officer.key from `folder`, creating any that is missing.
RecordKeys open_keys(const fs::path& folder);

// Creates the record folder: manifest.json, empty logs, and the first heads (size 0).
// The keys in `manifest` are replaced by those of `keys`. Refuses an existing record.
void init_record(const fs::path& record, Manifest manifest, const RecordKeys& keys);

struct CastBallot {
  std::vector<std::vector<std::string>> ranks;  // best first; two names in a rank = equal
  std::string voter;                            // voter id (hashed into the roll)
};

// The ballots of one cast batch held flat: every rank's candidate ids in one buffer, the
// voter ids in another. A bulk cast reads millions of ballots, and a CastBallot costs an
// allocation a rank and a search a name. A ballot is built by begin_ballot, then
// begin_rank and add for each rank (a rank with no name is a skipped rank), and voter.
class CastBatch {
 public:
  void begin_ballot() { ballots_.push_back({rank_ends_.size(), voters_.size(), voters_.size()}); }
  void begin_rank() { rank_ends_.push_back(marks_.size()); }
  void add(CandidateId candidate) {
    marks_.push_back(candidate);
    ++rank_ends_.back();
  }
  void voter(std::string_view voter) {
    ballots_.back().voter_begin = voters_.size();
    voters_ += voter;
    ballots_.back().voter_end = voters_.size();
  }

  std::size_t size() const { return ballots_.size(); }
  bool empty() const { return ballots_.empty(); }
  void clear();
  std::size_t ranks(std::size_t ballot) const {
    std::size_t end =
        ballot + 1 < ballots_.size() ? ballots_[ballot + 1].first_rank : rank_ends_.size();
    return end - ballots_[ballot].first_rank;
  }
  std::span<const CandidateId> rank(std::size_t ballot, std::size_t r) const {
    std::size_t at = ballots_[ballot].first_rank + r;
    std::size_t begin = at == 0 ? 0 : rank_ends_[at - 1];
    return std::span<const CandidateId>(marks_).subspan(begin, rank_ends_[at] - begin);
  }
  std::string_view voter(std::size_t ballot) const {
    const Ballot& b = ballots_[ballot];
    return std::string_view(voters_).substr(b.voter_begin, b.voter_end - b.voter_begin);
  }

 private:
  struct Ballot {
    std::size_t first_rank;  // into rank_ends_
    std::size_t voter_begin, voter_end;
  };
  std::vector<Ballot> ballots_;
  std::vector<std::size_t> rank_ends_;  // where each rank ends in marks_
  std::vector<CandidateId> marks_;
  std::string voters_;
};

// What the voter keeps: proof that their ballot is leaf `leaf_index` of the log.
struct Receipt {
  std::uint64_t leaf_index = 0;
  Hash leaf_hash{};
  // The ballots head the leaf is in; shared, as every receipt of a batch has the same one.
  std::shared_ptr<const TreeHead> head;
};
// The receipt's head is the signed head without its consistency proof: that proof joins the
// head to the one before it, which the voter never holds, and it would be most of every
// receipt's bytes (verify --receipt computes the proofs it needs from the record).
nlohmann::ordered_json receipt_json(const Receipt& receipt);
// receipt_json(r).dump() for each receipt, a line each. Receipts of one batch share their
// head, which is written out once for all of them, not once a receipt.
std::string receipt_lines(std::span<const Receipt> receipts);
Receipt receipt_from_json(const nlohmann::json& json);

// A record open for casting. Opening repairs an interrupted cast: lines no signed head
// covers are dropped (no receipt was given for them), and a batch whose roll head was
// written but not its ballots head gets its ballots head.
class Ledger {
 public:
  Ledger(const fs::path& record, const RecordKeys& keys);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  const Manifest& manifest() const { return manifest_; }
  const std::string& election() const { return election_; }
  std::uint64_t ballots_cast() const { return ballots_.tree.size(); }
  bool closed() const { return closed_; }

  // Appends a batch durably (data and heads synced) and only then returns the receipts,
  // in the order of `batch`. The batch's ballots go into the log in a random order and
  // its roll lines sorted, so a position in one log says nothing of the other.
  std::vector<Receipt> cast(std::span<const CastBallot> batch);
  // The same for a batch read straight into ids; UsageError naming a ballot by its place in
  // the batch, counted from 1.
  std::vector<Receipt> cast(const CastBatch& batch);
  // The same for lines already in canonical form (import); no shuffling, no receipts kept.
  TreeHead append(std::span<const std::string> ballot_lines, std::vector<std::string> roll_lines);
  // Signs the closing heads; nothing can be cast after.
  void close();

 private:
  // One of the two logs, with its open file and the compact range of its tree.
  struct Log {
    const char* name = "";
    fs::path path;
    int fd = -1;
    TreeBuilder tree;
    std::optional<TreeHead> head;  // the latest signed head
  };
  TreeHead grow(Log& log, const LineBlock& lines, bool closing);
  TreeHead append_block(const LineBlock& ballot_lines, const LineBlock& roll_lines,
                        std::span<const Hash> voters);
  void write_heads(std::span<const TreeHead> heads);
  void recover();
  void reopen(Log& log, std::uint64_t size, bool cut_tail);

  fs::path record_;
  RecordKeys keys_;
  Manifest manifest_;
  std::string election_;
  BallotLines ballot_lines_;
  BallotRules rules_;
  Log ballots_, roll_;
  int heads_fd_ = -1;
  VoterSet voters_;                // roll hashes so far, to refuse a second vote
  std::vector<Hash> last_leaves_;  // leaf hashes of the last ballots appended
  bool closed_ = false;
};

// Counts a closed record by its manifest and writes outcome.json, signed.
Outcome count_record(const fs::path& record, const RecordKeys& keys);

// A complete, closed and counted record from ballots already read (any format `veche count`
// reads). A ballot of weight k becomes k lines. `roll`: voter ids, or nullopt when the roll
// is not part of this record. Built beside `record` and renamed into place when whole.
void import_record(const fs::path& record, const Profile& profile, Manifest manifest,
                   const std::optional<std::vector<std::string>>& roll, const RecordKeys& keys);

// The Profile the ballots of a record make, up to `size` lines (the closing head's size).
Profile record_profile(const fs::path& record, const Manifest& manifest);

// One check `veche verify` makes. `text` starts with the file (and line) it is about.
struct Check {
  bool holds = true;
  std::string text;
};
std::vector<Check> verify_record(const fs::path& record);
// The receipt's ballot is in the record's latest ballots tree, and that tree grew from the
// receipt's head.
std::vector<Check> verify_receipt(const fs::path& record, const Receipt& receipt);
// The ballots (or roll) log only grew between two heads someone saved.
std::vector<Check> verify_growth(const fs::path& record, const TreeHead& from, const TreeHead& to);

}  // namespace veche
