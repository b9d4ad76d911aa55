#include "veche/ledger/merkle.hpp"

namespace veche {

std::string to_hex(Bytes bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = digits[bytes[i] >> 4];
    out[2 * i + 1] = digits[bytes[i] & 0xf];
  }
  return out;
}

namespace {
int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<Hash> hash_from_hex(std::string_view hex) {
  Hash out{};
  if (hex.size() != 2 * out.size()) return std::nullopt;
  for (std::size_t i = 0; i < out.size(); ++i) {
    int high = nibble(hex[2 * i]), low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(high << 4 | low);
  }
  return out;
}

std::optional<std::vector<Hash>> hashes_from_bytes(std::span<const std::string> items) {
  std::vector<Hash> out;
  out.reserve(items.size());
  for (const std::string& item : items) {
    Hash h{};
    if (item.size() != h.size()) return std::nullopt;
    std::copy(item.begin(), item.end(), h.begin());
    out.push_back(h);
  }
  return out;
}

}  // namespace veche
