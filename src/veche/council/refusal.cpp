#include "veche/council/refusal.hpp"

namespace veche {

std::string_view to_string(Refused why) {
  switch (why) {
    case Refused::not_seated:
      return "not seated";
    case Refused::same_seconder:
      return "seconder is the proposer";
    case Refused::voted_twice:
      return "twice";
    case Refused::vote_closed:
      return "closed";
    case Refused::not_open:
      return "not open";
    case Refused::no_quorum:
      return "no quorum";
    case Refused::amendments_pending:
      return "amendments pending";
    case Refused::not_a_member:
      return "not a member";
    case Refused::no_question:
      return "no question";
  }
  return "?";
}

}  // namespace veche
