#include <algorithm>
#include <stdexcept>

#include "veche/ledger/merkle.hpp"

namespace veche {

namespace {

// The k of RFC 9162: the largest power of two smaller than n (n > 1).
std::uint64_t split_point(std::uint64_t n) {
  std::uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// PATH(m, D[begin:end]), bottom-up.
void path(std::uint64_t m, std::uint64_t begin, std::uint64_t end, std::vector<LeafRange>& out) {
  std::uint64_t n = end - begin;
  if (n <= 1) return;
  std::uint64_t k = split_point(n);
  if (m < k) {
    path(m, begin, begin + k, out);
    out.push_back({begin + k, end});
  } else {
    path(m - k, begin + k, end, out);
    out.push_back({begin, begin + k});
  }
}

// SUBPROOF(m, D[begin:end], whole), where `whole` says the old tree is this very subtree.
void subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
              std::vector<LeafRange>& out) {
  std::uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out.push_back({begin, end});
    return;
  }
  std::uint64_t k = split_point(n);
  if (m <= k) {
    subproof(m, begin, begin + k, whole, out);
    out.push_back({begin + k, end});
  } else {
    subproof(m - k, begin + k, end, false, out);
    out.push_back({begin, begin + k});
  }
}

}  // namespace

std::vector<LeafRange> inclusion_ranges(std::uint64_t index, std::uint64_t size) {
  std::vector<LeafRange> out;
  if (index < size) path(index, 0, size, out);
  return out;
}

std::vector<LeafRange> consistency_ranges(std::uint64_t size1, std::uint64_t size2) {
  std::vector<LeafRange> out;
  if (size1 > 0 && size1 < size2) subproof(size1, 0, size2, true, out);
  return out;
}

std::vector<Hash> inclusion_proof(std::span<const Hash> leaves, std::uint64_t index) {
  std::vector<Hash> proof;
  for (LeafRange r : inclusion_ranges(index, leaves.size())) {
    proof.push_back(tree_root(leaves.subspan(r.begin, r.end - r.begin)));
  }
  return proof;
}

std::vector<Hash> consistency_proof(std::span<const Hash> leaves, std::uint64_t size1) {
  std::vector<Hash> proof;
  for (LeafRange r : consistency_ranges(size1, leaves.size())) {
    proof.push_back(tree_root(leaves.subspan(r.begin, r.end - r.begin)));
  }
  return proof;
}

}  // namespace veche

namespace veche {

std::vector<Hash> consistency_proof(const TreeBuilder& old, std::span<const Hash> added) {
  TreeBuilder grown = old;
  std::vector<TreeBuilder::Subtree> formed;
  for (const Hash& h : added) grown.append(h, &formed);
  return consistency_proof(old, grown, formed);
}

std::vector<Hash> consistency_proof(const TreeBuilder& old, const TreeBuilder& grown,
                                    std::span<const TreeBuilder::Subtree> formed) {
  const std::uint64_t m = old.size();
  auto ranges = consistency_ranges(m, grown.size());
  std::vector<std::optional<Hash>> found(ranges.size());
  auto take = [&](std::span<const TreeBuilder::Subtree> subtrees) {
    for (const auto& s : subtrees) {
      for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (!found[i] && s.begin == ranges[i].begin && s.end == ranges[i].end) found[i] = s.root;
      }
    }
  };
  // Left of the old size every node a proof names is one of the old tree's complete
  // subtrees (RFC 9162 §2.1.4.1); right of it, a complete subtree the appends formed, or
  // the right edge [begin, new size), which is the grown tree's last subtrees joined.
  take(old.subtrees());
  take(formed);
  std::vector<Hash> proof;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (!found[i]) {
      auto tail = grown.subtrees();
      std::size_t first = 0;
      while (first < tail.size() && tail[first].begin < ranges[i].begin) ++first;
      if (first == tail.size() || tail[first].begin != ranges[i].begin ||
          ranges[i].end != grown.size()) {
        throw std::logic_error("consistency proof: subtree not held");
      }
      Hash root = tail.back().root;
      for (std::size_t k = tail.size() - 1; k-- > first;) root = node_hash(tail[k].root, root);
      found[i] = root;
    }
    proof.push_back(*found[i]);
  }
  return proof;
}

}  // namespace veche
