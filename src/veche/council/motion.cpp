#include "veche/council/motion.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "veche/council/refusal.hpp"

namespace veche {

namespace {

bool has_voted(const Division& d, const std::string& delegate) {
  return std::any_of(d.roll.begin(), d.roll.end(),
                     [&](const auto& entry) { return entry.first == delegate; });
}

nlohmann::ordered_json division_json(const Division& d) {
  nlohmann::ordered_json roll = nlohmann::ordered_json::array();
  for (const auto& [delegate, vote] : d.roll)
    roll.push_back({{"delegate", delegate}, {"vote", to_string(vote)}});
  return {{"question", d.question}, {"proposer", d.proposer},
          {"seconder", d.seconder}, {"ayes", d.ayes},
          {"noes", d.noes},         {"abstentions", d.abstentions},
          {"carried", d.carried},   {"roll", roll}};
}

}  // namespace

std::string_view to_string(Vote vote) {
  switch (vote) {
    case Vote::aye:
      return "aye";
    case Vote::no:
      return "no";
    case Vote::abstain:
      return "abstain";
  }
  return "?";
}

Motion::Motion(std::string council, std::set<std::string> seated, MotionRules rules)
    : council_(std::move(council)), seated_(std::move(seated)), rules_(rules) {}

void Motion::check_seated(const std::string& delegate, std::string_view act) const {
  if (!seated_.contains(delegate)) {
    throw Refusal(
        Refused::not_seated, delegate,
        fmt::format("{} cannot {} in {}: they do not sit in it", delegate, act, council_));
  }
}

Division Motion::make_division(std::string text, const std::string& proposer,
                               const std::string& seconder, bool amendment) const {
  if (text.empty())
    throw Refusal(Refused::no_question, proposer, "a motion or amendment needs its text");
  check_seated(proposer, "propose");
  check_seated(seconder, "second");
  if (proposer == seconder) {
    throw Refusal(Refused::same_seconder, proposer,
                  fmt::format("{} cannot second their own motion", proposer));
  }
  Division d;
  d.question = std::move(text);
  d.proposer = proposer;
  d.seconder = seconder;
  d.amendment = amendment;
  return d;
}

void Motion::move(std::string text, const std::string& proposer, const std::string& seconder) {
  motion_ = make_division(std::move(text), proposer, seconder, false);
  moved_ = true;
}

std::size_t Motion::amend(std::string text, const std::string& proposer,
                          const std::string& seconder) {
  if (motion_.state != Division::State::waiting) {
    throw Refusal(Refused::vote_closed, proposer,
                  "the motion has been put; it can no longer be amended");
  }
  amendments_.push_back(make_division(std::move(text), proposer, seconder, true));
  return amendments_.size() - 1;
}

void Motion::attend(const std::string& delegate) {
  check_seated(delegate, "attend");
  present_.insert(delegate);
}

Division* Motion::open_division() {
  if (motion_.state == Division::State::open) return &motion_;
  for (Division& a : amendments_) {
    if (a.state == Division::State::open) return &a;
  }
  return nullptr;
}

void Motion::put(Division& division) {
  if (division.state == Division::State::decided) {
    throw Refusal(Refused::vote_closed, division.proposer,
                  "that question has already been decided");
  }
  if (open_division())
    throw Refusal(Refused::not_open, division.proposer, "another question is still open");
  if (!reaches(present_.size(), seated_.size(), rules_.quorum)) {
    throw Refusal(Refused::no_quorum, council_,
                  fmt::format("{} of {} delegates present in {}; the quorum is {}", present_.size(),
                              seated_.size(), council_, to_string(rules_.quorum)));
  }
  division.state = Division::State::open;
}

void Motion::put_amendment(std::size_t index) {
  put(amendments_.at(index));
}

void Motion::put_motion() {
  if (!moved_) throw Refusal(Refused::no_question, council_, "no motion has been moved");
  for (const Division& a : amendments_) {
    if (a.state != Division::State::decided) {
      throw Refusal(Refused::amendments_pending, a.proposer,
                    fmt::format("the amendment \"{}\" is decided before the motion", a.question));
    }
  }
  put(motion_);
}

void Motion::vote(const std::string& delegate, Vote vote) {
  check_seated(delegate, "vote");
  Division* open = open_division();
  if (!open) {
    bool any_decided = motion_.state == Division::State::decided ||
                       std::any_of(amendments_.begin(), amendments_.end(), [](const Division& a) {
                         return a.state == Division::State::decided;
                       });
    throw Refusal(any_decided ? Refused::vote_closed : Refused::not_open, delegate,
                  fmt::format("{} cannot vote: no question is open in {}", delegate, council_));
  }
  if (has_voted(*open, delegate)) {
    throw Refusal(Refused::voted_twice, delegate,
                  fmt::format("{} has already voted on this question", delegate));
  }
  present_.insert(delegate);
  open->roll.emplace_back(delegate, vote);
  ++(vote == Vote::aye ? open->ayes : vote == Vote::no ? open->noes : open->abstentions);
}

const Division& Motion::close() {
  Division* open = open_division();
  if (!open) throw Refusal(Refused::not_open, council_, "no question is open to close");
  Majority majority = open->amendment ? rules_.amendment_majority : rules_.majority;
  open->carried = carried(majority, open->ayes, open->noes, seated_.size());
  open->state = Division::State::decided;
  return *open;
}

nlohmann::ordered_json motion_json(const Motion& motion) {
  nlohmann::ordered_json json;
  json["council"] = motion.council();
  json["amendments"] = nlohmann::ordered_json::array();
  for (const Division& a : motion.amendments()) json["amendments"].push_back(division_json(a));
  json["motion"] = division_json(motion.motion());
  return json;
}

}  // namespace veche
