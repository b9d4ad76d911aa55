#pragma once
// A petition members sign: to recall a delegate, or to bring an initiative to referendum.
// Only members of the constituencies concerned may sign, each once, before the deadline.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "veche/council/majority.hpp"
#include "veche/council/organisation.hpp"

namespace veche {

using Moment = std::chrono::sys_seconds;
// "2026-03-01T12:00:00Z" (UTC, RFC 3339, whole seconds); nullopt for anything else.
std::optional<Moment> parse_moment(std::string_view text);
std::string to_string(Moment moment);

class Petition {
 public:
  // `constituencies`: the councils whose members may sign (a member signs when their local
  // council is one of them or lies below one). Signing closes at `deadline`.
  Petition(std::string subject, std::vector<CouncilId> constituencies, Moment deadline);

  // Refusal: not_a_member (no such member, or outside the constituencies), voted_twice
  // (signed already), vote_closed (at or after the deadline).
  void sign(const Organisation& organisation, std::string_view member, Moment at);

  const std::string& subject() const { return subject_; }
  const std::vector<CouncilId>& constituencies() const { return constituencies_; }
  Moment deadline() const { return deadline_; }
  std::uint64_t signatures() const { return signers_.size(); }
  // The members of the constituencies, from the register.
  std::uint64_t eligible(const Organisation& organisation) const;
  // signatures ÷ eligible reaches `threshold`.
  bool reaches(const Organisation& organisation, Share threshold) const;

 private:
  std::string subject_;
  std::vector<CouncilId> constituencies_;
  Moment deadline_;
  std::unordered_set<MemberId> signers_;
};

}  // namespace veche
