#include <sodium.h>

#include <array>

#include "veche/core/tie_policy.hpp"

namespace veche {

namespace {
std::array<unsigned char, crypto_hash_sha256_BYTES> lot_ticket(const std::string& seed, int round,
                                                                const std::string& name) {
  std::string text = fmt::format("{}:{}:{}", seed, round, name);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  return digest;
}
}  // namespace

CandidateId draw_lot(std::span<const CandidateId> tied, Seek seek, const TiePolicy& policy,
                     int round, std::span<const std::string> names, std::string& resolved_by) {
  if (!policy.order.empty()) {
    // Most favoured first: an election takes the earliest, an exclusion the latest.
    auto rank = [&](CandidateId c) {
      auto it = std::find(policy.order.begin(), policy.order.end(), c);
      return static_cast<std::size_t>(it - policy.order.begin());
    };
    auto by_rank = [&](CandidateId a, CandidateId b) { return rank(a) < rank(b); };
    resolved_by = "tie order";
    return seek == Seek::highest ? *std::min_element(tied.begin(), tied.end(), by_rank)
                                 : *std::max_element(tied.begin(), tied.end(), by_rank);
  }
  resolved_by = fmt::format("lot (seed \"{}\")", policy.seed);
  return *std::min_element(tied.begin(), tied.end(), [&](CandidateId a, CandidateId b) {
    return lot_ticket(policy.seed, round, names[a]) < lot_ticket(policy.seed, round, names[b]);
  });
}

}  // namespace veche
