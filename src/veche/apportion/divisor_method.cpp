#include "veche/apportion/divisor_method.hpp"

#include <fmt/format.h>

#include "veche/apportion/apportionment.hpp"
#include "veche/core/error.hpp"

namespace veche {

namespace {

// A party's bid for its next seat: votes² ÷ divisor², or a seat by right.
struct Bid {
  bool by_right = false;
  mpq_class squared;  // meaningful when !by_right

  friend bool operator<(const Bid& a, const Bid& b) {
    if (a.by_right != b.by_right) return b.by_right;
    return !a.by_right && a.squared < b.squared;
  }
  friend bool operator==(const Bid& a, const Bid& b) {
    return a.by_right == b.by_right && (a.by_right || a.squared == b.squared);
  }
};

Bid bid_for(Weight votes, int held, SquaredDivisor divisor) {
  mpq_class d = divisor(held);
  if (d == 0) return {true, 0};
  mpz_class v(votes);
  return {false, mpq_class(v * v) / d};
}

std::string quotient_text(const Bid& bid) {
  return bid.by_right ? "∞" : root_decimal_text(bid.squared);
}

// Those who bid for seats at all: qualified and with votes. A party with no votes has
// nothing to divide and wins nothing, not even a seat "by right".
std::vector<CandidateId> bidders(const Apportionment& a) {
  std::vector<CandidateId> out;
  for (CandidateId p = 0; p < a.parties.size(); ++p) {
    if (a.qualified[p] && a.votes[p] > 0) out.push_back(p);
  }
  return out;
}

void check_seats_by_right(const Apportionment& a, std::size_t bidder_count, SquaredDivisor divisor) {
  if (divisor(0) != 0 || static_cast<std::size_t>(a.seats) >= bidder_count) return;
  throw UsageError(fmt::format(
      "{} gives every party (or state) with votes one seat first, so {} seats cannot go round {} of them",
      a.method, a.seats, bidder_count));
}

// The bidders level at the top. When all of them fit in the seats left, no tie needs
// breaking; the first in file order goes first and the others follow at once.
std::vector<CandidateId> highest_bidders(const std::vector<CandidateId>& candidates,
                                         const std::vector<Bid>& bids) {
  std::vector<CandidateId> top;
  for (CandidateId p : candidates) {
    if (top.empty() || bids[top.front()] < bids[p]) {
      top.assign(1, p);
    } else if (bids[p] == bids[top.front()]) {
      top.push_back(p);
    }
  }
  return top;
}

}  // namespace

Apportionment apportion_by_divisors(std::string_view method, SquaredDivisor divisor,
                                    const PartyVotes& votes, const ApportionOptions& options) {
  Apportionment a = begin_apportionment(method, votes, options);
  const std::vector<CandidateId> candidates = bidders(a);
  check_seats_by_right(a, candidates.size(), divisor);
  if (divisor(0) == 0) {
    a.notes.push_back(fmt::format("every {} with {} first receives one seat (divisor 0)", a.name_column, a.votes_column));
  }

  std::vector<Bid> bids(a.parties.size());
  for (CandidateId p : candidates) bids[p] = bid_for(a.votes[p], 0, divisor);

  for (int seat = 1; seat <= a.seats; ++seat) {
    std::vector<CandidateId> top = highest_bidders(candidates, bids);
    CandidateId winner = top.front();
    int seats_left = a.seats - seat + 1;
    if (top.size() > static_cast<std::size_t>(seats_left)) {
      Tie tie = break_apportionment_tie(top, fmt::format("seat {}", seat), seat, a, options.ties);
      winner = tie.chosen;
      a.ties.push_back(std::move(tie));
    }
    a.awards.push_back({seat, winner, quotient_text(bids[winner])});
    ++a.result[winner];
    bids[winner] = bid_for(a.votes[winner], a.result[winner], divisor);
  }
  a.notes.push_back(fmt::format("quotients are truncated to {} decimal places; seats are decided on exact values",
                                kDecimalPlaces));
  return a;
}

}  // namespace veche
