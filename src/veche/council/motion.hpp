#pragma once
// A motion in a council or congress: moved and seconded by sitting delegates, amendments
// decided before the motion itself, every question put to a public roll-call vote.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "veche/council/majority.hpp"

namespace veche {

enum class Vote { aye, no, abstain };
std::string_view to_string(Vote vote);

struct MotionRules {
  Majority majority = Majority::simple;            // for the motion
  Majority amendment_majority = Majority::simple;  // for each amendment
  Share quorum{1, 2};  // delegates present ÷ delegates seated, at least
};

// One question put to the council. Delegates' votes are public: the roll names each one.
struct Division {
  std::string question;
  std::string proposer, seconder;
  bool amendment = false;
  enum class State { waiting, open, decided } state = State::waiting;
  std::vector<std::pair<std::string, Vote>> roll;  // in the order the votes were cast
  std::uint64_t ayes = 0, noes = 0, abstentions = 0;
  bool carried = false;
};

class Motion {
 public:
  // `seated`: the delegates who sit in `council`, by name.
  Motion(std::string council, std::set<std::string> seated, MotionRules rules = {});

  // Each throws Refusal: not_seated, same_seconder, no_question.
  void move(std::string text, const std::string& proposer, const std::string& seconder);
  std::size_t amend(std::string text, const std::string& proposer, const std::string& seconder);

  void attend(const std::string& delegate);  // Refusal not_seated
  // Puts amendment `index` (or, put_motion, the motion) to the vote. Refusal no_quorum,
  // vote_closed (already decided), amendments_pending (put_motion with any undecided).
  void put_amendment(std::size_t index);
  void put_motion();
  // A seated delegate's vote on the open question; voting counts as being present.
  // Refusal not_seated, voted_twice, not_open, vote_closed.
  void vote(const std::string& delegate, Vote vote);
  // Closes the open question and decides it by the majority its kind calls for.
  const Division& close();

  const std::string& council() const { return council_; }
  const Division& motion() const { return motion_; }
  const std::vector<Division>& amendments() const { return amendments_; }
  std::size_t present() const { return present_.size(); }

 private:
  Division make_division(std::string text, const std::string& proposer, const std::string& seconder,
                         bool amendment) const;
  void check_seated(const std::string& delegate, std::string_view act) const;
  void put(Division& division);
  Division* open_division();

  std::string council_;
  std::set<std::string> seated_;
  MotionRules rules_;
  std::set<std::string> present_;
  Division motion_;
  bool moved_ = false;
  std::vector<Division> amendments_;
};

// The public record of a motion: every question, its roll call and its result.
nlohmann::ordered_json motion_json(const Motion& motion);

// The motion as events of the organisation's log, question by question as each was decided:
// every delegate's vote ("delegate voted": council, question, delegate, vote), then the
// result ("question decided": council, question, amendment, ayes, noes, abstentions,
// carried). A question never put leaves none.
std::vector<nlohmann::ordered_json> motion_events(const Motion& motion);

}  // namespace veche
