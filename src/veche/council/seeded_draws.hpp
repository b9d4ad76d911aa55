#pragma once
// Draws made up from a seed for a scenario's ballots: the same on every machine, which a
// library random engine's distributions are not.
#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>

#include "veche/council/majority.hpp"

namespace veche {

// 32-bit draws, eight at a time from SHA-256(seed ":" label ":" n).
class SeededDraws {
 public:
  SeededDraws(std::string seed, std::string label)
      : seed_(std::move(seed)), label_(std::move(label)) {}
  std::uint32_t next() {
    if (used_ == words_.size()) refill();
    return words_[used_++];
  }
  // True with probability `share`, exactly: the draw is compared as a fraction of 2^32.
  bool chance(Share share) {
    __extension__ using Wide = unsigned __int128;
    return Wide{next()} * share.den < Wide{share.num} << 32;
  }
  // A number in [0, bound), bound > 0, without modulo bias: 64 bits a draw, and a draw past
  // the last whole multiple of `bound` is drawn again.
  std::uint64_t below(std::uint64_t bound) {
    std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound + 1) % bound;
    while (true) {
      std::uint64_t value = std::uint64_t{next()} << 32 | next();
      if (value <= limit) return value % bound;
    }
  }

 private:
  void refill() {
    std::string input = fmt::format("{}:{}:{}", seed_, label_, block_++);
    std::array<unsigned char, 32> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(input.data()),
                       input.size());
    for (std::size_t i = 0; i < words_.size(); ++i) {
      words_[i] = std::uint32_t(digest[4 * i]) << 24 | std::uint32_t(digest[4 * i + 1]) << 16 |
                  std::uint32_t(digest[4 * i + 2]) << 8 | std::uint32_t(digest[4 * i + 3]);
    }
    used_ = 0;
  }
  std::string seed_, label_;
  std::uint64_t block_ = 0;
  std::array<std::uint32_t, 8> words_{};
  std::size_t used_ = 8;
};

}  // namespace veche
