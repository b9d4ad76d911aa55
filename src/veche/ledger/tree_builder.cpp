#include "veche/ledger/merkle.hpp"

namespace veche {

void TreeBuilder::append(const Hash& leaf, std::vector<Subtree>* formed) {
  subtrees_.push_back({size_, size_ + 1, leaf});
  ++size_;
  if (formed) formed->push_back(subtrees_.back());
  // Two neighbours of equal width are the two halves of one complete subtree.
  while (subtrees_.size() >= 2) {
    Subtree& left = subtrees_[subtrees_.size() - 2];
    const Subtree& right = subtrees_.back();
    if (left.end - left.begin != right.end - right.begin) break;
    left.root = node_hash(left.root, right.root);
    left.end = right.end;
    subtrees_.pop_back();
    if (formed) formed->push_back(subtrees_.back());
  }
}

Hash TreeBuilder::root() const {
  if (subtrees_.empty()) return empty_tree_root();
  // RFC 9162 splits at the largest power of two, so the smaller subtrees on the right
  // join first.
  Hash root = subtrees_.back().root;
  for (std::size_t i = subtrees_.size() - 1; i-- > 0;) root = node_hash(subtrees_[i].root, root);
  return root;
}

Hash tree_root(std::span<const Hash> leaves) {
  TreeBuilder tree;
  for (const Hash& leaf : leaves) tree.append(leaf);
  return tree.root();
}

}  // namespace veche
