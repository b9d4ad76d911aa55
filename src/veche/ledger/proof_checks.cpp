#include <algorithm>

#include "veche/ledger/merkle.hpp"

namespace veche {

namespace {

bool same_bytes(Bytes a, Bytes b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

std::optional<Hash> as_hash(Bytes bytes) {
  Hash h{};
  if (bytes.size() != h.size()) return std::nullopt;
  std::copy(bytes.begin(), bytes.end(), h.begin());
  return h;
}

bool last_bit(std::uint64_t n) { return (n & 1) != 0; }

}  // namespace

bool inclusion_holds(std::uint64_t index, std::uint64_t size, Bytes leaf,
                     std::span<const Hash> proof, Bytes root) {
  auto start = as_hash(leaf);
  if (index >= size || !start) return false;
  std::uint64_t fn = index, sn = size - 1;
  Hash r = *start;
  for (const Hash& p : proof) {
    if (sn == 0) return false;  // the proof is longer than the path
    if (last_bit(fn) || fn == sn) {
      r = node_hash(p, r);
      // A right edge with no sibling: climb until this node is a right child again.
      while (!last_bit(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && same_bytes(r, root);
}

bool consistency_holds(std::uint64_t size1, std::uint64_t size2, Bytes root1, Bytes root2,
                       std::span<const Hash> proof) {
  if (size2 < size1 || size1 == 0) return false;
  if (size1 == size2) return proof.empty() && same_bytes(root1, root2);
  if (proof.empty()) return false;
  auto first = as_hash(root1);
  if (!first) return false;

  // When the old tree is a complete subtree its root is the proof's implicit first node.
  std::vector<Hash> path;
  if ((size1 & (size1 - 1)) == 0) path.push_back(*first);
  path.insert(path.end(), proof.begin(), proof.end());

  std::uint64_t fn = size1 - 1, sn = size2 - 1;
  while (last_bit(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return false;
    if (last_bit(fn) || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      while (!last_bit(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && same_bytes(fr, root1) && same_bytes(sr, root2);
}

}  // namespace veche
