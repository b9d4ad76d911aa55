#include "veche/council/petition.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "veche/core/error.hpp"
#include "veche/council/refusal.hpp"

namespace veche {

namespace {

bool in_constituencies(const Organisation& o, const std::vector<CouncilId>& constituencies,
                       MemberId member) {
  CouncilId home = o.constituency_of(member);
  return std::any_of(constituencies.begin(), constituencies.end(),
                     [&](CouncilId c) { return o.is_within(home, c); });
}

}  // namespace

std::optional<Moment> parse_moment(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail = 0;
  std::string copy(text);
  if (text.size() != 20 ||
      std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) !=
          7 ||
      tail != 'Z') {
    return std::nullopt;
  }
  std::chrono::year_month_day date{std::chrono::year(y),
                                   std::chrono::month(static_cast<unsigned>(mo)),
                                   std::chrono::day(static_cast<unsigned>(d))};
  if (!date.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(h) + std::chrono::minutes(mi) +
         std::chrono::seconds(s);
}

std::string to_string(Moment moment) {
  auto days = std::chrono::floor<std::chrono::days>(moment);
  std::chrono::year_month_day date(days);
  std::chrono::hh_mm_ss time(moment - days);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

Petition::Petition(std::string subject, std::vector<CouncilId> constituencies, Moment deadline)
    : subject_(std::move(subject)),
      constituencies_(std::move(constituencies)),
      deadline_(deadline) {
  if (constituencies_.empty()) throw UsageError("a petition needs at least one constituency");
  std::sort(constituencies_.begin(), constituencies_.end());
  constituencies_.erase(std::unique(constituencies_.begin(), constituencies_.end()),
                        constituencies_.end());
}

void Petition::sign(const Organisation& o, std::string_view member, Moment at) {
  std::string who(member);
  std::optional<MemberId> id = o.find_member(member);
  if (!id)
    throw Refusal(Refused::not_a_member, who, fmt::format("{} is not a member of {}", who, o.name));
  if (!in_constituencies(o, constituencies_, *id)) {
    throw Refusal(Refused::not_a_member, who,
                  fmt::format("{} belongs to {}, outside the constituency of the petition \"{}\"",
                              who, o.council(o.constituency_of(*id)).name, subject_));
  }
  if (at >= deadline_) {
    throw Refusal(Refused::vote_closed, who,
                  fmt::format("{} signed at {}, after the petition closed at {}", who,
                              to_string(at), to_string(deadline_)));
  }
  if (!signers_.insert(*id).second) {
    throw Refusal(Refused::voted_twice, who,
                  fmt::format("{} has already signed \"{}\"", who, subject_));
  }
}

std::uint64_t Petition::eligible(const Organisation& o) const {
  RegisterCounts counts = register_counts(o);
  std::uint64_t total = 0;
  for (CouncilId c : constituencies_) {
    // A constituency inside another one listed is counted once, through the outer one.
    bool nested = std::any_of(constituencies_.begin(), constituencies_.end(),
                              [&](CouncilId other) { return other != c && o.is_within(c, other); });
    if (!nested) total += counts.members[c];
  }
  return total;
}

bool Petition::reaches(const Organisation& o, Share threshold) const {
  std::uint64_t whole = eligible(o);
  return whole > 0 && veche::reaches(signatures(), whole, threshold);
}

}  // namespace veche
