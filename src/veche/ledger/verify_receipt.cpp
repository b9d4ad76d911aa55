#include <fmt/format.h>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

// The roots of the given leaf ranges of a log, in one pass over its lines; ranges may
// overlap (an inclusion and a consistency proof over the same log).
std::vector<Hash> subtree_roots(std::string_view complete, std::span<const LeafRange> ranges) {
  std::vector<TreeBuilder> trees(ranges.size());
  std::uint64_t end = 0;
  for (const LeafRange& r : ranges) end = std::max(end, r.end);
  for_each_line(complete, [&](std::uint64_t n, std::string_view line) {
    std::uint64_t index = n - 1;
    if (index >= end) return false;
    Hash leaf = leaf_hash(line);
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      if (ranges[i].begin <= index && index < ranges[i].end) trees[i].append(leaf);
    }
    return true;
  });
  std::vector<Hash> roots;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (trees[i].size() != ranges[i].end - ranges[i].begin) {
      throw UsageError(fmt::format("the log holds fewer than {} lines", ranges[i].end));
    }
    roots.push_back(trees[i].root());
  }
  return roots;
}

std::string proof_text(std::span<const Hash> proof) {
  std::vector<std::string> hex;
  for (const Hash& h : proof) hex.push_back(to_hex(h));
  return hex.empty() ? "(empty)" : fmt::format("{}", fmt::join(hex, " "));
}

Check head_check(const TreeHead& head, const ManifestFile& manifest, const char* name) {
  if (head.election != manifest.sha256) {
    return {false, fmt::format("{}: names election {}, not this record's manifest.json ({})", name,
                               head.election.substr(0, 16), manifest.sha256.substr(0, 16))};
  }
  if (!head_signature_holds(head, manifest.manifest.log_key)) {
    return {false, fmt::format("{}: the signature does not hold under the log key of manifest.json",
                               name)};
  }
  return {true,
          fmt::format("{}: {} head of size {}, signed by the log key", name, head.log, head.size)};
}

const TreeHead* latest_head(const HeadsFile& heads, const std::string& log) {
  const TreeHead* last = nullptr;
  for (const auto& line : heads.lines) {
    if (line.head && line.head->log == log) last = &*line.head;
  }
  return last;
}

// `from` grew into `to`: the proof comes from the log's own lines.
Check growth_check(std::string_view complete, const TreeHead& from, const TreeHead& to,
                   const std::string& what) {
  if (from.size > to.size) {
    return {false,
            fmt::format("{}: the later head is smaller ({} > {})", what, from.size, to.size)};
  }
  if (from.size == 0) {
    return {true,
            fmt::format("{}: the log was empty at size 0; any later tree grew from it", what)};
  }
  auto ranges = consistency_ranges(from.size, to.size);
  std::vector<Hash> proof = subtree_roots(complete, ranges);
  bool holds = consistency_holds(from.size, to.size, from.root, to.root, proof);
  return {holds,
          fmt::format("{}: consistency proof from size {} to size {} {}; proof: {}", what,
                      from.size, to.size, holds ? "holds" : "does NOT hold (the log was rewritten)",
                      proof_text(proof))};
}

}  // namespace

std::vector<Check> verify_receipt(const fs::path& record, const Receipt& receipt) {
  std::vector<Check> checks;
  ManifestFile manifest = read_manifest(record);
  checks.push_back(head_check(*receipt.head, manifest, "receipt"));
  if (receipt.head->log != "ballots") {
    checks.push_back({false, "receipt: its head is not a ballots head"});
    return checks;
  }
  HeadsFile heads = read_heads(record / kHeads);
  const TreeHead* latest = latest_head(heads, "ballots");
  if (!latest) {
    checks.push_back({false, "heads.jsonl: no ballots head"});
    return checks;
  }
  checks.push_back(head_check(*latest, manifest, "heads.jsonl latest ballots head"));
  MappedFile ballots(record / kBallots);
  std::vector<Check> proofs = ballots.read([&](std::string_view text) {
    std::vector<Check> found;
    std::string_view complete = split_torn(text).complete;
    try {
      auto ranges = inclusion_ranges(receipt.leaf_index, latest->size);
      ranges.push_back({receipt.leaf_index, receipt.leaf_index + 1});
      auto roots = subtree_roots(complete, ranges);
      Hash line_hash = roots.back();
      roots.pop_back();
      found.push_back(
          {line_hash == receipt.leaf_hash,
           fmt::format("ballots.jsonl line {}: {} the receipt's leaf hash", receipt.leaf_index + 1,
                       line_hash == receipt.leaf_hash ? "hashes to" : "does NOT hash to")});
      bool in =
          inclusion_holds(receipt.leaf_index, latest->size, receipt.leaf_hash, roots, latest->root);
      found.push_back(
          {in, fmt::format("inclusion: leaf {} {} the tree of size {} (root {}); proof: {}",
                           receipt.leaf_index, in ? "is in" : "is NOT in", latest->size,
                           to_hex(latest->root), proof_text(roots))});
      found.push_back(growth_check(complete, *receipt.head, *latest,
                                   "consistency: receipt's head to the latest head"));
    } catch (const UsageError& e) {
      found.push_back({false, fmt::format("ballots.jsonl: {}", e.what())});
    }
    return found;
  });
  checks.insert(checks.end(), proofs.begin(), proofs.end());
  return checks;
}

std::vector<Check> verify_growth(const fs::path& record, const TreeHead& from, const TreeHead& to) {
  std::vector<Check> checks;
  ManifestFile manifest = read_manifest(record);
  checks.push_back(head_check(from, manifest, "--from"));
  checks.push_back(head_check(to, manifest, "--to"));
  if (from.log != to.log) {
    checks.push_back({false, fmt::format("--from is a {} head, --to a {} head", from.log, to.log)});
    return checks;
  }
  MappedFile log(record / (from.log == "ballots" ? kBallots : kRoll));
  try {
    checks.push_back(log.read([&](std::string_view text) {
      return growth_check(split_torn(text).complete, from, to, fmt::format("{} log", from.log));
    }));
  } catch (const UsageError& e) {
    checks.push_back({false, fmt::format("{}.jsonl: {}", from.log, e.what())});
  }
  return checks;
}

}  // namespace veche
