#include <sodium.h>

#include <cstring>

#include "veche/ledger/merkle.hpp"

namespace veche {

Hash leaf_hash(std::string_view leaf) {
  Hash out{};
  // Ballot lines are short: one contiguous buffer saves the streaming state's overhead.
  unsigned char small[512];
  if (leaf.size() < sizeof small) {
    small[0] = 0x00;
    std::memcpy(small + 1, leaf.data(), leaf.size());
    crypto_hash_sha256(out.data(), small, leaf.size() + 1);
    return out;
  }
  crypto_hash_sha256_state state;
  const unsigned char prefix = 0x00;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, &prefix, 1);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(leaf.data()),
                            leaf.size());
  crypto_hash_sha256_final(&state, out.data());
  return out;
}

Hash node_hash(const Hash& left, const Hash& right) {
  unsigned char joined[1 + 2 * sizeof(Hash)];
  joined[0] = 0x01;
  std::memcpy(joined + 1, left.data(), left.size());
  std::memcpy(joined + 1 + left.size(), right.data(), right.size());
  Hash out{};
  crypto_hash_sha256(out.data(), joined, sizeof joined);
  return out;
}

Hash empty_tree_root() {
  Hash out{};
  crypto_hash_sha256(out.data(), nullptr, 0);
  return out;
}

}  // namespace veche
