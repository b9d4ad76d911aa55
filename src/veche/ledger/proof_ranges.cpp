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
  const std::uint64_t m = old.size();
  std::vector<Hash> proof;
  for (LeafRange r : consistency_ranges(m, m + added.size())) {
    if (r.begin >= m) {
      proof.push_back(tree_root(added.subspan(r.begin - m, r.end - r.begin)));
      continue;
    }
    // Every node left of the old size that a proof names is one of the old tree's
    // complete subtrees (RFC 9162 §2.1.4.1), so the appender already holds it.
    auto subtrees = old.subtrees();
    auto it = std::find_if(subtrees.begin(), subtrees.end(), [&](const TreeBuilder::Subtree& s) {
      return s.begin == r.begin && s.end == r.end;
    });
    if (it == subtrees.end()) throw std::logic_error("consistency proof: subtree not held");
    proof.push_back(it->root);
  }
  return proof;
}

}  // namespace veche
