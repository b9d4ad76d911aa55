#pragma once
// The Merkle tree of RFC 9162 §2.1: SHA-256, leaves prefixed 0x00, nodes 0x01.
// A log's leaves are the exact bytes of its lines, without the newline.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veche {

using Hash = std::array<unsigned char, 32>;
using Bytes = std::span<const unsigned char>;

Hash leaf_hash(std::string_view leaf);
Hash node_hash(const Hash& left, const Hash& right);
// The root of a tree with no leaves: SHA-256 of nothing.
Hash empty_tree_root();

std::string to_hex(Bytes bytes);
// Lowercase or uppercase hex of exactly 32 bytes; nullopt for anything else.
std::optional<Hash> hash_from_hex(std::string_view hex);
// Byte strings taken for hashes: nullopt if any is not exactly 32 bytes long.
std::optional<std::vector<Hash>> hashes_from_bytes(std::span<const std::string> items);

// Appends leaves one at a time and keeps only the roots of the largest complete
// subtrees (at most 64 of them), so a log of any length costs a few kilobytes.
class TreeBuilder {
 public:
  struct Subtree {
    std::uint64_t begin = 0, end = 0;  // leaves [begin, end), end - begin a power of two
    Hash root{};
  };

  // `formed`, when given, receives every subtree this leaf completes (the leaf itself
  // first), so a caller can name inner nodes without hashing them again.
  void append(const Hash& leaf, std::vector<Subtree>* formed = nullptr);
  std::uint64_t size() const { return size_; }
  Hash root() const;
  // The complete subtrees, leftmost (largest) first.
  std::span<const Subtree> subtrees() const { return subtrees_; }

 private:
  std::vector<Subtree> subtrees_;
  std::uint64_t size_ = 0;
};

Hash tree_root(std::span<const Hash> leaves);

// The leaves whose subtree roots make up a proof, in the order the proof lists them.
// Each range is a subtree the RFC's recursion names; hashing is left to the caller,
// so a proof over a log of millions of lines can be computed in one pass over a file.
struct LeafRange {
  std::uint64_t begin = 0, end = 0;
  bool operator==(const LeafRange&) const = default;
};
std::vector<LeafRange> inclusion_ranges(std::uint64_t index, std::uint64_t size);
std::vector<LeafRange> consistency_ranges(std::uint64_t size1, std::uint64_t size2);

// Proofs over leaf hashes held in memory (tests, small logs, one batch).
std::vector<Hash> inclusion_proof(std::span<const Hash> leaves, std::uint64_t index);
std::vector<Hash> consistency_proof(std::span<const Hash> leaves, std::uint64_t size1);
// The proof from a tree to the same tree with `added` leaves appended, from the old tree's
// complete subtrees and the new leaves alone: what an appender holds.
std::vector<Hash> consistency_proof(const TreeBuilder& old, std::span<const Hash> added);
// The same from the subtrees the appends formed (TreeBuilder::append's `formed`) and the
// grown tree: no hashing at all.
std::vector<Hash> consistency_proof(const TreeBuilder& old, const TreeBuilder& grown,
                                    std::span<const TreeBuilder::Subtree> formed);

// RFC 9162 §2.1.3.2. Fails unless `leaf` and `root` are 32 bytes and the proof has exactly
// the length the index and size call for.
bool inclusion_holds(std::uint64_t index, std::uint64_t size, Bytes leaf,
                     std::span<const Hash> proof, Bytes root);
// RFC 9162 §2.1.4.2. A proof from the empty tree is meaningless and fails.
bool consistency_holds(std::uint64_t size1, std::uint64_t size2, Bytes root1, Bytes root2,
                       std::span<const Hash> proof);

}  // namespace veche
