#pragma once
// The voters on a roll so far, by their roll hashes (internal to ledger/).
#include <cstddef>
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
      if (slots_[at] == voter) return true;
    }
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
      if (slots_[at] == voter) return false;
    }
  }

 private:
  static bool is_empty(const Hash& h) { return h == Hash{}; }
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
