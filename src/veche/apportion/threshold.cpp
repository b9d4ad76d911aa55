#include "veche/apportion/threshold.hpp"

#include <fmt/format.h>

#include "veche/apportion/apportionment.hpp"
#include "veche/core/error.hpp"

namespace veche {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

[[noreturn]] void bad_share(std::string_view text, std::string_view why) {
  throw UsageError(fmt::format("--threshold \"{}\": {}; write a share such as 5% or 0.05", text, why));
}

// "12.345" → 12345/1000, by hand so that no locale or float ever touches it.
mpq_class decimal_value(std::string_view digits, std::string_view text) {
  mpz_class numerator = 0;
  mpz_class denominator = 1;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : digits) {
    if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c >= '0' && c <= '9') {
      numerator = numerator * 10 + (c - '0');
      if (seen_point) denominator *= 10;
      seen_digit = true;
    } else {
      bad_share(text, "not a number");
    }
  }
  if (!seen_digit) bad_share(text, "not a number");
  mpq_class value(numerator, denominator);
  value.canonicalize();
  return value;
}

mpz_class total_of(const std::vector<Weight>& votes) {
  mpz_class total = 0;
  for (Weight v : votes) total += mpz_class(v);
  return total;
}

}  // namespace

mpq_class parse_share(std::string_view text) {
  std::string_view s = trimmed(text);
  bool percent = !s.empty() && s.back() == '%';
  if (percent) s = trimmed(s.substr(0, s.size() - 1));
  mpq_class share = decimal_value(s, text);
  if (percent) share /= 100;
  if (share > 1) bad_share(text, percent ? "more than 100%" : "more than all votes (did you mean a percentage?)");
  return share;
}

namespace {

// "At least" the share, as § 4 BWahlG says ("mindestens 5 Prozent"): votes ≥ share × total.
void apply_share(const PartyVotes& votes, const std::string& text, std::vector<bool>& qualified,
                 std::vector<std::string>& notes) {
  mpq_class needed = parse_share(text) * mpq_class(total_of(votes.votes));
  for (std::size_t p = 0; p < votes.votes.size(); ++p) {
    if (mpq_class(mpz_class(votes.votes[p])) >= needed) qualified[p] = true;
  }
  notes.push_back(fmt::format("threshold: at least {} of all {} votes, that is {} votes", text,
                              total_of(votes.votes).get_str(), decimal_text(needed)));
}

void apply_seats_elsewhere(const Threshold& threshold, std::vector<bool>& qualified,
                           std::vector<std::string>& notes) {
  int needed = *threshold.seats_elsewhere;
  if (needed < 1) {
    throw UsageError(fmt::format("seats won elsewhere: the threshold must be at least 1, not {}", needed));
  }
  const std::vector<int>& won = threshold.seats_won_elsewhere;
  if (!won.empty() && won.size() != qualified.size()) {
    throw UsageError(fmt::format("seats won elsewhere: given for {} parties, the file has {}", won.size(),
                                 qualified.size()));
  }
  for (std::size_t p = 0; p < won.size(); ++p) {
    if (won[p] >= needed) qualified[p] = true;
  }
  notes.push_back(fmt::format("threshold: {} or more seats won elsewhere also qualify", needed));
}

void apply_exemptions(const PartyVotes& votes, const Threshold& threshold, std::vector<bool>& qualified,
                      std::vector<std::string>& notes) {
  std::vector<std::string> names;
  for (CandidateId c : threshold.exempt) {
    qualified[c] = true;
    names.push_back(votes.parties[c]);
  }
  if (!names.empty()) notes.push_back(fmt::format("exempt from the threshold: {}", fmt::join(names, ", ")));
}

}  // namespace

std::vector<bool> qualified_parties(const PartyVotes& votes, const Threshold& threshold,
                                    std::vector<std::string>& notes) {
  for (CandidateId c : threshold.exempt) {
    if (c >= votes.parties.size()) throw UsageError(fmt::format("exempt party {} is not in the file", c));
  }
  bool any_rule = threshold.share || threshold.seats_elsewhere;
  std::vector<bool> qualified(votes.parties.size(), !any_rule);
  if (!any_rule) return qualified;
  if (threshold.share) apply_share(votes, *threshold.share, qualified, notes);
  if (threshold.seats_elsewhere) apply_seats_elsewhere(threshold, qualified, notes);
  apply_exemptions(votes, threshold, qualified, notes);
  return qualified;
}

}  // namespace veche
