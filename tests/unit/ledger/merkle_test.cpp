// Proofs we build always verify, for every pair of sizes and every leaf of small trees.
#include <gtest/gtest.h>

#include <string>

#include "veche/ledger/merkle.hpp"

namespace veche {
namespace {

std::vector<Hash> leaves(std::size_t n) {
  std::vector<Hash> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(leaf_hash("ballot " + std::to_string(i)));
  return out;
}

// The recursive definition of RFC 9162 §2.1.1, written the slow way to check the stack one.
Hash reference_root(std::span<const Hash> d) {
  if (d.empty()) return empty_tree_root();
  if (d.size() == 1) return d[0];
  std::size_t k = 1;
  while (k * 2 < d.size()) k *= 2;
  return node_hash(reference_root(d.first(k)), reference_root(d.subspan(k)));
}

TEST(Merkle, StackRootIsTheRecursiveRoot) {
  auto all = leaves(130);
  for (std::size_t n = 0; n <= all.size(); ++n) {
    auto d = std::span<const Hash>(all).first(n);
    EXPECT_EQ(tree_root(d), reference_root(d)) << n;
  }
}

TEST(Merkle, EveryInclusionProofHoldsAndOnlyForItsLeaf) {
  auto all = leaves(40);
  for (std::size_t n = 1; n <= all.size(); ++n) {
    auto d = std::span<const Hash>(all).first(n);
    Hash root = tree_root(d);
    for (std::size_t i = 0; i < n; ++i) {
      auto proof = inclusion_proof(d, i);
      EXPECT_TRUE(inclusion_holds(i, n, d[i], proof, root)) << i << "/" << n;
      EXPECT_FALSE(inclusion_holds(i, n, leaf_hash("forged"), proof, root));
      if (n > 1) {
        EXPECT_FALSE(inclusion_holds((i + 1) % n, n, d[i], proof, root));
      }
    }
  }
}

TEST(Merkle, EveryConsistencyProofHoldsAndCatchesARewrite) {
  auto all = leaves(40);
  for (std::size_t n = 1; n <= all.size(); ++n) {
    auto d = std::span<const Hash>(all).first(n);
    Hash root2 = tree_root(d);
    for (std::size_t m = 1; m <= n; ++m) {
      Hash root1 = tree_root(d.first(m));
      auto proof = consistency_proof(d, m);
      EXPECT_TRUE(consistency_holds(m, n, root1, root2, proof)) << m << "->" << n;
      auto rewritten = all;
      rewritten[m - 1] = leaf_hash("rewritten");
      Hash other = tree_root(std::span<const Hash>(rewritten).first(n));
      EXPECT_FALSE(consistency_holds(m, n, root1, other, proof)) << m << "->" << n;
    }
  }
}

TEST(Merkle, SubtreesOfTheBuilderAreTheCompactRange) {
  TreeBuilder tree;
  for (const Hash& h : leaves(13)) tree.append(h);
  ASSERT_EQ(tree.subtrees().size(), 3u);  // 13 = 8 + 4 + 1
  EXPECT_EQ(tree.subtrees()[0].end, 8u);
  EXPECT_EQ(tree.subtrees()[1].end, 12u);
  EXPECT_EQ(tree.subtrees()[2].end, 13u);
}

TEST(Merkle, HexRoundTrip) {
  Hash h = leaf_hash("x");
  EXPECT_EQ(hash_from_hex(to_hex(h)), h);
  EXPECT_FALSE(hash_from_hex("abc"));
  EXPECT_FALSE(hash_from_hex(std::string(64, 'g')));
}

}  // namespace
}  // namespace veche
