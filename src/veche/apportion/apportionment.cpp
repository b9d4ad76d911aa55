#include "veche/apportion/apportionment.hpp"

#include <fmt/format.h>

#include "veche/apportion/threshold.hpp"
#include "veche/core/error.hpp"

namespace veche {

namespace {

const mpz_class& scale() {
  static const mpz_class ten_to_places = [] {
    mpz_class s;
    mpz_ui_pow_ui(s.get_mpz_t(), 10, kDecimalPlaces);
    return s;
  }();
  return ten_to_places;
}

// `scaled` is the value times 10^places, already truncated.
std::string with_point(const mpz_class& scaled) {
  std::string digits = scaled.get_str();
  if (digits.size() <= static_cast<std::size_t>(kDecimalPlaces)) {
    digits.insert(0, static_cast<std::size_t>(kDecimalPlaces) + 1 - digits.size(), '0');
  }
  std::string whole = digits.substr(0, digits.size() - kDecimalPlaces);
  std::string fraction = digits.substr(digits.size() - kDecimalPlaces);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? whole : whole + "." + fraction;
}

}  // namespace

std::string decimal_text(const mpq_class& value) {
  mpz_class scaled = value.get_num() * scale() / value.get_den();  // truncates, value ≥ 0
  return with_point(scaled);
}

std::string root_decimal_text(const mpq_class& square) {
  // ⌊√⌊x⌋⌋ = ⌊√x⌋, so one integer square root of the scaled square truncates exactly.
  mpz_class scaled_square = square.get_num() * scale() * scale() / square.get_den();
  mpz_class root;
  mpz_sqrt(root.get_mpz_t(), scaled_square.get_mpz_t());
  return with_point(root);
}

Apportionment begin_apportionment(std::string_view method, const PartyVotes& votes,
                                  const ApportionOptions& options) {
  if (votes.parties.size() != votes.votes.size()) {
    throw UsageError(fmt::format("{} party names but {} vote totals", votes.parties.size(), votes.votes.size()));
  }
  if (votes.parties.empty()) throw UsageError("no parties to share seats among");
  if (options.seats < 1) {
    throw UsageError(fmt::format("the house must have at least one seat, not {}", options.seats));
  }
  if (options.seats > kLargestHouse) {
    throw UsageError(fmt::format("{} seats is more than veche hands out one by one (at most {})", options.seats,
                                 kLargestHouse));
  }
  Apportionment a;
  a.method = std::string(method);
  a.name_column = votes.name_column;
  a.votes_column = votes.votes_column;
  a.parties = votes.parties;
  a.votes = votes.votes;
  a.seats = options.seats;
  a.result.assign(votes.parties.size(), 0);
  a.tie_seed = options.ties.seed;
  a.qualified = qualified_parties(votes, options.threshold, a.notes);
  if (qualified_votes(a) == 0) {
    bool threshold = options.threshold.share || options.threshold.seats_elsewhere;
    throw UsageError(threshold ? "no party with votes passes the threshold; no seat can be handed out"
                               : "no party has any votes; no seat can be handed out");
  }
  return a;
}

mpz_class qualified_votes(const Apportionment& a) {
  mpz_class total = 0;
  for (std::size_t p = 0; p < a.parties.size(); ++p) {
    if (a.qualified[p]) total += mpz_class(a.votes[p]);
  }
  return total;
}

Tie break_apportionment_tie(std::vector<CandidateId> tied, std::string purpose, int seat,
                            const Apportionment& a, const TiePolicy& policy) {
  const std::vector<std::vector<Weight>> votes_as_history = {a.votes};
  Tie tie = break_tie(std::move(tied), Seek::highest, std::move(purpose), votes_as_history, policy,
                      seat, a.parties);
  if (tie.resolved_by.starts_with("earlier rounds")) tie.resolved_by = "more votes";
  return tie;
}

}  // namespace veche
