#pragma once
// The voters on a roll so far, by their roll hashes (internal to ledger/).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "veche/ledger/merkle.hpp"

namespace veche {

// An open-addressed table of 32-byte hashes. A roll hash is SHA-256 output, already spread
// evenly, so its first bytes place it: no hashing, and no allocation a voter, where a set of
// strings costs two (the line and the node) and most of the time of a cast.
class VoterSet {
 public:
  bool contains(const Hash& voter) const {
    if (is_empty(voter)) return has_zero_;
    if (slots_.empty()) return false;
    for (std::size_t at = place(voter);; at = (at + 1) & (slots_.size() - 1)) {
      if (is_empty(slots_[at])) return false;
      if (same(slots_[at], voter)) return true;
    }
  }
  // Asks for the voter's slot ahead of contains or insert: a roll of millions is a table far
  // larger than the caches, and a batch checks its voters one after another.
  void prefetch(const Hash& voter) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[place(voter)]);
  }
  // False when the voter was there already.
  bool insert(const Hash& voter) {
    if (is_empty(voter)) return !std::exchange(has_zero_, true);
    if (2 * (size_ + 1) > slots_.size()) grow();
    for (std::size_t at = place(voter);; at = (at + 1) & (slots_.size() - 1)) {
      if (is_empty(slots_[at])) {
        slots_[at] = voter;
        ++size_;
        return true;
      }
      if (same(slots_[at], voter)) return false;
    }
  }

 private:
  // The first eight bytes decide almost always, in one load rather than a call to memcmp.
  static std::uint64_t first_bytes(const Hash& h) {
    std::uint64_t bytes;
    std::memcpy(&bytes, h.data(), sizeof bytes);
    return bytes;
  }
  static bool is_empty(const Hash& h) { return first_bytes(h) == 0 && h == Hash{}; }
  static bool same(const Hash& a, const Hash& b) {
    return first_bytes(a) == first_bytes(b) && a == b;
  }
  std::size_t place(const Hash& h) const {
    std::size_t bits;
    std::memcpy(&bits, h.data(), sizeof bits);
    return bits & (slots_.size() - 1);
  }
  void grow() {
    std::vector<Hash> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Hash{});
    for (const Hash& h : old) {
      if (is_empty(h)) continue;
      std::size_t at = place(h);
      while (!is_empty(slots_[at])) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = h;
    }
  }

  std::vector<Hash> slots_;  // all zero: an empty slot
  std::size_t size_ = 0;
  bool has_zero_ = false;  // the all-zero hash, which marks empty slots, is kept aside
};

}  // namespace veche
