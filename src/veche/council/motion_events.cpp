#include "veche/council/motion.hpp"

namespace veche {

namespace {

using Json = nlohmann::ordered_json;

void add_division(const std::string& council, const Division& d, std::vector<Json>& events) {
  if (d.state != Division::State::decided) return;
  for (const auto& [delegate, vote] : d.roll) {
    events.push_back({{"event", "delegate voted"},
                      {"council", council},
                      {"question", d.question},
                      {"delegate", delegate},
                      {"vote", to_string(vote)}});
  }
  events.push_back({{"event", "question decided"},
                    {"council", council},
                    {"question", d.question},
                    {"amendment", d.amendment},
                    {"ayes", d.ayes},
                    {"noes", d.noes},
                    {"abstentions", d.abstentions},
                    {"carried", d.carried}});
}

}  // namespace

std::vector<Json> motion_events(const Motion& motion) {
  std::vector<Json> events;
  // Amendments are decided before the motion, so the log keeps the order of the sitting.
  for (const Division& a : motion.amendments()) add_division(motion.council(), a, events);
  add_division(motion.council(), motion.motion(), events);
  return events;
}

}  // namespace veche
