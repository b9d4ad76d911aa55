#include "veche/council/public_vote.hpp"

namespace veche {

ConstituencyCount constituency_count(const CountedVote& v) {
  return {v.council, v.electorate, v.tally.answer_for, v.tally.against, v.tally.blank};
}

RecallBallots recall_ballots(const CountedVote& v) {
  return {v.electorate, v.tally.answer_for, v.tally.against, v.tally.blank};
}

}  // namespace veche
