#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

std::vector<Hash> leaf_hashes(const LineBlock& lines) {
  std::vector<Hash> out;
  out.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) out.push_back(leaf_hash(lines.line(i)));
  return out;
}

// The voter a roll line names; nullopt for a line that is not one (verify reports it).
std::optional<Hash> voter_of(std::string_view roll_line) {
  constexpr std::string_view head = "{\"voter\":\"";
  if (!roll_line.starts_with(head)) return std::nullopt;
  return hash_from_hex(roll_line.substr(head.size(), 64));
}

// A defect the manifest's rules call an error (the ballot would make the count fail) is
// refused at the ballot box, before it is cast.
std::optional<std::string> refused_defect(const CastBatch& batch, std::size_t ballot,
                                          const BallotRules& rules,
                                          const std::vector<std::string>& candidates,
                                          std::vector<bool>& seen) {
  if (rules.skipped_rank != Remedy::error && rules.repeated != Remedy::error) return std::nullopt;
  bool skipped = false;
  seen.assign(candidates.size(), false);
  for (std::size_t r = 0; r < batch.ranks(ballot); ++r) {
    auto rank = batch.rank(ballot, r);
    if (rank.empty()) {
      skipped = true;
      continue;
    }
    if (skipped && rules.skipped_rank == Remedy::error) return "a rank is skipped";
    for (CandidateId id : rank) {
      if (!seen[id]) {
        seen[id] = true;
      } else if (rules.repeated == Remedy::error) {
        return fmt::format("\"{}\" is ranked twice", candidates[id]);
      }
    }
  }
  return std::nullopt;
}

// The first eight bytes of a hash as one number that orders as the bytes do.
std::uint64_t leading_bytes(const Hash& hash) {
  std::uint64_t bytes;
  std::memcpy(&bytes, hash.data(), sizeof bytes);
  if constexpr (std::endian::native == std::endian::little) bytes = __builtin_bswap64(bytes);
  return bytes;
}

[[noreturn]] void damaged(const fs::path& record, const std::string& why) {
  throw UsageError(
      fmt::format("{}: {}; `veche verify {}` says more", record.string(), why, record.string()));
}

}  // namespace

Ledger::Ledger(const fs::path& record, const RecordKeys& keys)
    : record_(record), keys_(keys), ballot_lines_({}) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  ManifestFile file = read_manifest(record);
  manifest_ = std::move(file.manifest);
  election_ = std::move(file.sha256);
  ballot_lines_ = BallotLines(manifest_.candidates);
  rules_ = ballot_rules(manifest_);
  if (keys.log.public_key != manifest_.log_key) {
    throw UsageError("the log key given is not the one manifest.json names");
  }
  ballots_.name = "ballots";
  ballots_.path = record / kBallots;
  roll_.name = "roll";
  roll_.path = record / kRoll;
  recover();
  ballots_.fd = open_for_append(ballots_.path);
  if (manifest_.roll_included) roll_.fd = open_for_append(roll_.path);
  heads_fd_ = open_for_append(record / kHeads);
}

Ledger::~Ledger() {
  for (int fd : {ballots_.fd, roll_.fd, heads_fd_}) {
    if (fd >= 0) ::close(fd);
  }
}

// Rebuilds a log's tree up to its last head, checks the root, and cuts off any line no
// head covers: such a line was written by a cast that never returned its receipt.
void Ledger::reopen(Log& log, std::uint64_t size, bool cut_tail) {
  std::size_t keep = 0, length = 0;
  // The tail is cut once the reading is done: a file cut short during a read is refused.
  MappedFile(log.path).read([&](std::string_view text) {
    LogText lines = split_torn(text);
    std::uint64_t count =
        for_each_line(lines.complete, [&](std::uint64_t n, std::string_view line) {
          if (n > size) return false;
          log.tree.append(leaf_hash(line));
          if (&log == &roll_) {
            if (auto voter = voter_of(line)) voters_.insert(*voter);
          }
          return true;
        });
    if (log.tree.size() < size) {
      damaged(record_, fmt::format("{} holds {} lines but its head says {}",
                                   log.path.filename().string(), count, size));
    }
    if (log.tree.root() != log.head->root) {
      damaged(record_,
              fmt::format("{} does not rebuild its last head", log.path.filename().string()));
    }
    keep = offset_after(lines.complete, size);
    length = text.size();
  });
  // A closed record is never touched: whatever follows its closing head is for verify to report.
  if (cut_tail && keep < length && !closed_) truncate_file(log.path, keep);
}

void Ledger::recover() {
  HeadsFile heads = read_heads(record_ / kHeads);
  if (!heads.torn.empty()) {
    std::size_t complete = 0;
    for (const auto& line : heads.lines) complete += line.bytes.size() + 1;
    truncate_file(record_ / kHeads, complete);
  }
  for (const auto& line : heads.lines) {
    if (!line.head) damaged(record_, fmt::format("heads.jsonl line {}: {}", line.line, line.error));
    Log& log = line.head->log == "ballots" ? ballots_ : roll_;
    log.head = *line.head;
  }
  if (!ballots_.head || (manifest_.roll_included && !roll_.head)) {
    damaged(record_, "heads.jsonl lacks the first heads");
  }
  closed_ = ballots_.head->closed;
  std::uint64_t ballots_size = ballots_.head->size;
  // A batch whose roll head was written but not its ballots head: its ballot lines were
  // synced before either head, so the batch stands and gets its ballots head now.
  bool unfinished = manifest_.roll_included && roll_.head->size > ballots_size && !closed_;
  if (unfinished) ballots_size = roll_.head->size;
  // An unfinished batch's lines stay: they get their head below.
  reopen(ballots_, ballots_.head->size, !unfinished);
  if (manifest_.roll_included) reopen(roll_, roll_.head->size, true);
  if (unfinished) {
    LineBlock lines;
    MappedFile(ballots_.path).read([&](std::string_view text) {
      for_each_line(split_torn(text).complete, [&](std::uint64_t n, std::string_view line) {
        if (n > ballots_size) return false;
        if (n > ballots_.tree.size()) lines.add(line);
        return true;
      });
    });
    if (ballots_.tree.size() + lines.size() != ballots_size) {
      damaged(record_, "the roll's last head covers ballots that are not in ballots.jsonl");
    }
    TreeBuilder old = ballots_.tree;
    auto added = leaf_hashes(lines);
    for (const Hash& h : added) ballots_.tree.append(h);
    TreeHead head{election_, "ballots", ballots_.tree.size(),          ballots_.tree.root(),
                  utc_now(), false,     consistency_proof(old, added), ""};
    sign_head(head, keys_.log);
    heads_fd_ = open_for_append(record_ / kHeads);
    write_heads(std::span<const TreeHead>(&head, 1));
    ::close(heads_fd_);
    heads_fd_ = -1;
    ballots_.head = head;
    auto [keep, length] = MappedFile(ballots_.path).read([&](std::string_view text) {
      return std::pair{offset_after(split_torn(text).complete, ballots_size), text.size()};
    });
    if (keep < length) truncate_file(ballots_.path, keep);
  }
}

TreeHead Ledger::grow(Log& log, const LineBlock& lines, bool closing) {
  TreeBuilder old = log.tree;
  auto added = leaf_hashes(lines);
  std::vector<TreeBuilder::Subtree> formed;
  formed.reserve(2 * added.size());
  for (const Hash& h : added) log.tree.append(h, &formed);
  if (&log == &ballots_) last_leaves_ = std::move(added);
  TreeHead head{election_,
                log.name,
                log.tree.size(),
                log.tree.root(),
                utc_now(),
                closing,
                log.head && log.head->size > 0 ? consistency_proof(old, log.tree, formed)
                                               : std::vector<Hash>{},
                ""};
  sign_head(head, keys_.log);
  return head;
}

void Ledger::write_heads(std::span<const TreeHead> heads) {
  std::string text;
  for (const TreeHead& head : heads) text += head_line(head) + "\n";
  // One write, then a sync: the receipts go out only once their head is on disk.
  append_all(heads_fd_, text, record_ / kHeads);
  sync_file(heads_fd_, record_ / kHeads);
}

TreeHead Ledger::append(std::span<const std::string> ballot_lines,
                        std::vector<std::string> roll_lines) {
  std::sort(roll_lines.begin(), roll_lines.end());
  LineBlock ballots, roll;
  std::vector<Hash> voters;
  for (const auto& line : ballot_lines) ballots.add(line);
  for (const auto& line : roll_lines) {
    roll.add(line);
    if (auto voter = voter_of(line)) voters.push_back(*voter);
  }
  return append_block(ballots, roll, voters);
}

// Both logs are written and synced before any head names them; the roll head goes first,
// so that if the ballots head is lost, reopening re-signs it.
// `voters`: the roll hashes the roll lines show, taken as voted once the lines are on disk.
TreeHead Ledger::append_block(const LineBlock& ballot_lines, const LineBlock& roll_lines,
                              std::span<const Hash> voters) {
  if (closed_) throw UsageError(fmt::format("{}: the record is closed", record_.string()));
  if (!manifest_.roll_included && !roll_lines.empty()) {
    throw UsageError("this record has no roll");
  }
  if (!ballot_lines.empty()) append_all(ballots_.fd, ballot_lines.text(), ballots_.path);
  if (!roll_lines.empty()) append_all(roll_.fd, roll_lines.text(), roll_.path);
  if (!ballot_lines.empty()) sync_file(ballots_.fd, ballots_.path);
  if (!roll_lines.empty()) sync_file(roll_.fd, roll_.path);
  std::vector<TreeHead> heads;
  if (!roll_lines.empty()) heads.push_back(grow(roll_, roll_lines, false));
  if (!ballot_lines.empty()) heads.push_back(grow(ballots_, ballot_lines, false));
  write_heads(heads);
  for (auto& head : heads) (head.log == "roll" ? roll_ : ballots_).head = head;
  constexpr std::size_t kAhead = 16;  // slots asked for ahead of the insert that needs them
  for (std::size_t i = 0; i < voters.size(); ++i) {
    if (i + kAhead < voters.size()) voters_.prefetch(voters[i + kAhead]);
    voters_.insert(voters[i]);
  }
  return *ballots_.head;
}

// Names become ids first, so a batch given by names is cast as one read straight into ids.
std::vector<Receipt> Ledger::cast(std::span<const CastBallot> batch) {
  CastBatch ids;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    ids.begin_ballot();
    for (const auto& rank : batch[i].ranks) {
      ids.begin_rank();
      for (const auto& name : rank) {
        auto id = ballot_lines_.id_of(name);
        if (!id) throw UsageError(fmt::format("ballot {}: \"{}\" is not a candidate", i + 1, name));
        ids.add(*id);
      }
    }
    ids.voter(batch[i].voter);
  }
  return cast(ids);
}

std::vector<Receipt> Ledger::cast(const CastBatch& batch) {
  if (closed_) throw UsageError(fmt::format("{}: the record is closed", record_.string()));
  std::vector<bool> seen;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    for (std::size_t r = 0; r < batch.ranks(i); ++r) {
      for (CandidateId id : batch.rank(i, r)) {
        if (id >= manifest_.candidates.size()) {
          throw UsageError(fmt::format("ballot {}: candidate {} does not exist", i + 1, id));
        }
      }
    }
    if (auto defect = refused_defect(batch, i, rules_, manifest_.candidates, seen)) {
      throw UsageError(
          fmt::format("ballot {}: {}, which the rules of manifest.json refuse", i + 1, *defect));
    }
  }
  // The shuffle first, so each line is written once, straight into its place in the batch.
  // One call to the system's generator a batch, not one a ballot: 64 random bits per swap,
  // reduced by multiply-shift, so the bias is below i / 2^64.
  std::vector<std::size_t> order(batch.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::uint64_t> random(order.size());
  randombytes_buf(random.data(), random.size() * sizeof(std::uint64_t));
  for (std::size_t i = order.size(); i > 1; --i) {
    __extension__ using Wide = unsigned __int128;
    auto pick = static_cast<std::size_t>((static_cast<Wide>(random[i - 1]) * i) >> 64);
    std::swap(order[i - 1], order[pick]);
  }
  LineBlock lines;
  lines.reserve(batch.size(), batch.size() * 128);
  for (std::size_t i : order) {
    ballot_lines_.append_line(batch, i, lines.text());
    lines.end_line();
  }
  LineBlock roll;
  std::vector<Hash> voters;
  if (manifest_.roll_included) {
    voters.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (batch.voter(i).empty()) throw UsageError(fmt::format("ballot {}: no voter id", i + 1));
      voters.push_back(roll_hash(manifest_.roll_salt, batch.voter(i)));
      voters_.prefetch(voters.back());
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (voters_.contains(voters[i])) {
        throw UsageError(
            fmt::format("ballot {}: voter \"{}\" has already voted", i + 1, batch.voter(i)));
      }
    }
    // Sorted, the roll says nothing of the order of the ballots. Bytes sort as their hex
    // does; the first eight, read as one big-endian number, almost always decide, without a
    // call to memcmp for each of a sort's comparisons.
    std::sort(voters.begin(), voters.end(), [](const Hash& a, const Hash& b) {
      std::uint64_t x = leading_bytes(a), y = leading_bytes(b);
      return x != y ? x < y : a < b;
    });
    if (std::adjacent_find(voters.begin(), voters.end()) != voters.end()) {
      throw UsageError("a voter appears twice in one batch");
    }
    roll.reserve(voters.size(), voters.size() * 78);
    for (const Hash& voter : voters) {
      append_roll_line(voter, roll.text());
      roll.end_line();
    }
  }

  std::uint64_t first = ballots_.tree.size();
  auto head = std::make_shared<const TreeHead>(append_block(lines, roll, voters));
  std::vector<Receipt> receipts(batch.size());
  for (std::size_t position = 0; position < order.size(); ++position) {
    Receipt& r = receipts[order[position]];
    r.leaf_index = first + position;
    r.leaf_hash = last_leaves_[position];
    r.head = head;
  }
  return receipts;
}

void Ledger::close() {
  if (closed_) throw UsageError(fmt::format("{}: the record is already closed", record_.string()));
  std::vector<TreeHead> heads;
  if (manifest_.roll_included) heads.push_back(grow(roll_, LineBlock(), true));
  heads.push_back(grow(ballots_, LineBlock(), true));
  write_heads(heads);
  for (auto& head : heads) (head.log == "roll" ? roll_ : ballots_).head = head;
  closed_ = true;
}

}  // namespace veche
