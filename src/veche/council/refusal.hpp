#pragma once
// An act the rules refuse: a vote, a signature, a motion. The congress secretary's
// words for why, as a kind tests and the scenario can tell apart, and a message naming who.
#include <stdexcept>
#include <string>
#include <string_view>

namespace veche {

enum class Refused {
  not_seated,          // a delegate acting in a council they do not sit in
  same_seconder,       // the seconder is the proposer
  voted_twice,         // a second vote (or a second signature) by the same person
  vote_closed,         // a vote after the vote (or the petition) closed
  not_open,            // a vote before the question was put
  no_quorum,           // too few delegates present to put the question
  amendments_pending,  // the motion put before its amendments are decided
  not_a_member,        // a signature by someone outside the constituency
  no_question,         // a referendum or motion without its text
};
std::string_view to_string(Refused why);

class Refusal : public std::runtime_error {
 public:
  Refusal(Refused why, std::string who, const std::string& message)
      : std::runtime_error(message), why_(why), who_(std::move(who)) {}
  Refused why() const { return why_; }
  const std::string& who() const { return who_; }

 private:
  Refused why_;
  std::string who_;
};

}  // namespace veche
